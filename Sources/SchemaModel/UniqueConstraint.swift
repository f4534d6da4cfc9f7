/// A `UNIQUE` constraint (not a unique index: see ``TableIndex/isUnique``).
public struct UniqueConstraint: Hashable, Codable, Sendable {
    public var name: String?
    public var columns: [String]
    /// `UNIQUE NULLS NOT DISTINCT` (PostgreSQL 15+).
    public var nullsNotDistinct: Bool
    public var isDeferrable: Bool
    public var provenance: Provenance

    public init(
        name: String? = nil, columns: [String], nullsNotDistinct: Bool = false,
        isDeferrable: Bool = false, provenance: Provenance
    ) {
        self.name = name
        self.columns = columns
        self.nullsNotDistinct = nullsNotDistinct
        self.isDeferrable = isDeferrable
        self.provenance = provenance
    }

    var sortKey: String { (name ?? "") + "\u{1}" + columns.joined(separator: ",") }
}
