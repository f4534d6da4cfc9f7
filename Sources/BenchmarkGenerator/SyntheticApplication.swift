/// A synthetic application of N tables, written deterministically from a seed in three equivalent
/// forms (Drizzle, SQLAlchemy, SQL), optionally with a drifted copy of the database and the list of
/// findings the drift must produce.
///
/// The same arguments always give byte-identical files.
public struct SyntheticApplication: Sendable {
    /// One file of the application, relative to the output directory.
    public struct File: Sendable, Equatable {
        /// Relative path with `/` separators, e.g. `drizzle/tables-000.ts`.
        public var path: String
        /// UTF-8 text.
        public var contents: String
    }

    /// Number of tables.
    public let tableCount: Int
    /// The seed every choice derives from.
    public let seed: UInt64
    /// Drifts of every kind injected into `drifted.sql` (0: no drifted copy).
    public let drifts: Int
    /// What `compare --reference sqlalchemy` must report for `drifted.sql`, sorted.
    public let injected: [InjectedFinding]
    /// What `compare` with Drizzle as the reference must report for `drifted.sql`, sorted: no trigger
    /// or FORCE ROW LEVEL SECURITY findings (Drizzle cannot state them), but `rls_enabled_unexpectedly`.
    public let injectedForDrizzle: [InjectedFinding]

    let spec: AppSpec
    let drifted: DriftInjector?

    /// The fewest tables `drifts` drifts of every kind fit in (a rough bound that leaves room for the
    /// tables an `enum_missing` drift claims).
    public static func minimumTables(forDrifts drifts: Int) -> Int { drifts <= 0 ? 1 : 60 * drifts + 20 }

    /// Builds the application. Throws when `tableCount` < 1, `drifts` < 0, or the tables are too few for
    /// the drifts.
    public init(tableCount: Int, seed: UInt64 = 1, drifts: Int = 0) throws(GeneratorError) {
        guard tableCount >= 1 else { throw GeneratorError("--tables must be at least 1") }
        guard drifts >= 0 else { throw GeneratorError("--drifts must not be negative") }
        self.tableCount = tableCount
        self.seed = seed
        self.drifts = drifts
        spec = SpecBuilder.build(tables: tableCount, seed: seed)
        if drifts > 0 {
            var injector = DriftInjector(clean: spec, seed: seed)
            try injector.inject(count: drifts)
            drifted = injector
            injected = injector.injected.sorted()
            injectedForDrizzle = injector.injectedForDrizzle.sorted()
        } else {
            drifted = nil
            injected = []
            injectedForDrizzle = []
        }
    }

    /// Every file: `drizzle/…`, `sqlalchemy/…`, `database.sql`, and with drifts `drifted.sql`,
    /// `injected.json` (SQLAlchemy as the reference) and `injected-drizzle.json` (Drizzle as the reference).
    public func files() -> [File] {
        var out: [File] = []
        for (path, text) in DrizzleWriter(spec: spec).render() { out.append(File(path: "drizzle/" + path, contents: text)) }
        for (path, text) in SQLAlchemyWriter(spec: spec).render() { out.append(File(path: "sqlalchemy/" + path, contents: text)) }
        out.append(File(path: "database.sql", contents: databaseSQL()))
        if drifts > 0 {
            out.append(File(path: "drifted.sql", contents: driftedSQL()))
            out.append(File(path: "injected.json", contents: InjectedFinding.json(injected)))
            out.append(File(path: "injected-drizzle.json", contents: InjectedFinding.json(injectedForDrizzle)))
        }
        return out
    }

    /// SQL that creates the clean database.
    public func databaseSQL() -> String { SQLWriter(spec: spec).render() }

    /// SQL that creates the drifted database (empty without drifts).
    public func driftedSQL() -> String {
        guard let d = drifted else { return "" }
        return SQLWriter(spec: d.spec, extraEnums: d.extraEnums, dropped: d.dropped, droppedEnums: d.droppedEnums,
                         extraTables: d.extraTables).render()
    }
}
