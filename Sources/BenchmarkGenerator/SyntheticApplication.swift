/// A synthetic application of N tables, written in three equivalent forms (Drizzle, SQLAlchemy, SQL).
/// Filled in by the benchmark work (issue 7).
public struct SyntheticApplication: Sendable {
    /// Number of tables.
    public var tableCount: Int
    /// A generator for `tableCount` tables.
    public init(tableCount: Int) { self.tableCount = tableCount }
}
