/// Makes the drifted database: K drifts of every kind on distinct tables (and enums) of a copy of the
/// clean application, and the findings each drift must produce.
///
/// Tables are picked from a seeded shuffle of the non-hub tables, so dropping or re-keying one never
/// breaks a foreign key. `enum_missing` turns the dropped enum's columns into `text`, which also makes
/// each of them a `column_type_mismatch`; those tables take no other drift.
struct DriftInjector {
    private(set) var spec: AppSpec
    private(set) var dropped: Set<Int> = []
    private(set) var droppedEnums: Set<Int> = []
    private(set) var extraEnums: [EnumSpec] = []
    private(set) var extraTables: [TableSpec] = []
    /// What `compare --reference sqlalchemy` must report.
    private(set) var injected: [InjectedFinding] = []
    /// What the three-way `compare` (Drizzle, SQLAlchemy, database) with Drizzle as the reference
    /// must report.
    private(set) var injectedForDrizzle: [InjectedFinding] = []

    private var used: Set<Int> = []
    private var candidates: [Int]
    private var enumCandidates: [Int]

    init(clean: AppSpec, seed: UInt64) {
        spec = clean
        var rng = SplitMix64(seed: seed ^ 0xD1F7_5EED_0000_0001)
        candidates = rng.shuffled(clean.tables.indices.filter { !SpecBuilder.isHub($0) })
        enumCandidates = rng.shuffled(Array(clean.enums.indices))
    }

    /// Applies `count` drifts of every kind. Throws when the application is too small.
    mutating func inject(count: Int) throws(GeneratorError) {
        for k in 0..<count {
            try injectEnumDrifts(k)
            let name = "legacy_imports_" + String(k)
            extraTables.append(Self.extraTable(name))
            record("table_extra", "public." + name, table: "public." + name)
        }
        for kind in DriftKind.allCases {
            for _ in 0..<count {
                guard let i = candidates.first(where: { !used.contains($0) && kind.applies(to: spec.tables[$0]) }) else {
                    throw GeneratorError("\(spec.tables.count) tables are too few for \(count) drift(s) of every kind; "
                        + "use at least \(SyntheticApplication.minimumTables(forDrifts: count)) tables")
                }
                used.insert(i)
                let table = spec.tables[i].qualifiedName
                for suffix in kind.apply(to: &spec.tables[i]) {
                    record(kind.rawValue, suffix.map { table + "." + $0 } ?? table, table: table,
                           sqlalchemy: kind.statedBySQLAlchemy, drizzle: kind.reportedWithDrizzleReference)
                }
                if kind == .tableMissing { dropped.insert(i) }
            }
        }
    }

    private mutating func injectEnumDrifts(_ k: Int) throws(GeneratorError) {
        func nextEnum() throws(GeneratorError) -> Int {
            guard !enumCandidates.isEmpty else { throw GeneratorError("too few enum types for the requested drifts") }
            return enumCandidates.removeFirst()
        }
        // enum_missing: the type is gone and its columns are text.
        let missing = try nextEnum()
        droppedEnums.insert(missing)
        record("enum_missing", "public." + spec.enums[missing].name, table: nil)
        for i in spec.tables.indices {
            guard let c = spec.tables[i].columns.firstIndex(where: { $0.type == .enumType(missing) }) else { continue }
            used.insert(i)
            spec.tables[i].columns[c].type = .text
            let table = spec.tables[i].qualifiedName
            record("column_type_mismatch", table + "." + spec.tables[i].columns[c].name, table: table)
        }
        let extra = "legacy_state_" + String(k)
        extraEnums.append(EnumSpec(name: extra, labels: ["old", "new"], variable: extra))
        record("enum_extra", "public." + extra, table: nil)

        let lacking = try nextEnum()
        let label = spec.enums[lacking].labels.removeLast()
        record("enum_value_missing", "public." + spec.enums[lacking].name + "." + label, table: nil)

        let widened = try nextEnum()
        spec.enums[widened].labels.append("legacy")
        record("enum_value_extra", "public." + spec.enums[widened].name + ".legacy", table: nil)

        let reordered = try nextEnum()
        spec.enums[reordered].labels.swapAt(1, 2)
        record("enum_value_order_mismatch", "public." + spec.enums[reordered].name, table: nil)
    }

    private mutating func record(_ id: String, _ key: String, table: String?, sqlalchemy: Bool = true, drizzle: Bool = true) {
        let finding = InjectedFinding(id: id, objectKey: key, table: table)
        if sqlalchemy { injected.append(finding) }
        if drizzle { injectedForDrizzle.append(finding) }
    }

    /// A table only the drifted database has.
    static func extraTable(_ name: String) -> TableSpec {
        TableSpec(
            name: name, variable: Naming.camel(name), className: Naming.pascal(name), file: 0,
            columns: [
                ColumnSpec("id", .bigint, notNull: true, identity: .always), ColumnSpec("payload", .jsonb),
                ColumnSpec("created_at", .timestamptz, notNull: true, defaultValue: .now),
            ],
            primaryKey: ["id"], uniques: [], indexes: [], foreignKeys: [], checks: [], rowLevelSecurity: false,
            policies: [], triggers: [])
    }
}
