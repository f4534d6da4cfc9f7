/// Builds the clean application from a table count and a seed.
///
/// Layout rules the drift injector relies on: every tenth table (`index % 10 == 0`) is a "hub" that
/// later tables reference; no other table is ever referenced, so dropping or re-keying a non-hub table
/// breaks no foreign key. Tables with `index % 8 == 5` have no row-level security and no policies.
enum SpecBuilder {
    static let tablesPerFile = 100

    static func isHub(_ index: Int) -> Bool { index % 10 == 0 }
    static func hasRowLevelSecurity(_ index: Int) -> Bool { index % 8 != 5 }
    static func enumCount(tables: Int) -> Int { max(12, tables / 8) }

    static func build(tables count: Int, seed: UInt64) -> AppSpec {
        var rng = SplitMix64(seed: seed)
        let width = max(4, String(max(count - 1, 0)).count)
        let enums = (0..<enumCount(tables: count)).map { e -> EnumSpec in
            let family = Vocabulary.enumFamilies[e % Vocabulary.enumFamilies.count]
            let name = family.stem + "_" + Naming.padded(e, width: width)
            return EnumSpec(name: name, labels: family.labels, variable: Naming.camel(name))
        }
        var tables: [TableSpec] = []
        tables.reserveCapacity(count)
        for i in 0..<count {
            tables.append(table(i, width: width, enums: enums, existing: tables, rng: &rng))
        }
        return AppSpec(enums: enums, tables: tables, fileCount: (count + tablesPerFile - 1) / tablesPerFile)
    }

    private static func table(_ i: Int, width: Int, enums: [EnumSpec], existing: [TableSpec], rng: inout SplitMix64) -> TableSpec {
        let noun = rng.pick(Vocabulary.nouns)
        let name = noun.plural + "_" + Naming.padded(i, width: width)
        let usesIdentity = rng.below(2) == 0
        var columns: [ColumnSpec] = [
            usesIdentity
                ? ColumnSpec("id", .bigint, notNull: true, identity: .always)
                : ColumnSpec("id", .uuid, notNull: true, defaultValue: .randomUUID),
            ColumnSpec("owner_id", .uuid, notNull: true),
        ]
        var foreignKeys: [ForeignKeySpec] = []
        if i > 0 {
            // A hub before this table: 0, 10, 20, ...
            let target = 10 * rng.below((i - 1) / 10 + 1)
            let targetTable = existing[target]
            let column = targetTable.name.split(separator: "_").first.map(String.init).map(singular) ?? "parent"
            let fkColumn = column + "_id"
            columns.append(ColumnSpec(fkColumn, targetTable.columns[0].type))
            foreignKeys.append(ForeignKeySpec(
                name: "\(name)_\(fkColumn)_\(targetTable.name)_id_fk", column: fkColumn, target: target,
                onDelete: rng.pick(Vocabulary.actions)))
        }
        let shape = rng.pick(Vocabulary.numericShapes)
        let enumIndex = i % enums.count
        columns += [
            ColumnSpec("name", .varchar(rng.pick(Vocabulary.varcharLengths)), notNull: true),
            ColumnSpec("description", .text),
            ColumnSpec("status", .enumType(enumIndex), notNull: true, defaultValue: .label(enums[enumIndex].labels[0])),
            ColumnSpec("quantity", .integer, notNull: true, defaultValue: .integer(0)),
            ColumnSpec("amount", .numeric(shape.0, shape.1)),
            ColumnSpec("is_active", .boolean, notNull: true, defaultValue: .boolean(true)),
        ]
        if rng.below(2) == 0 { columns.append(ColumnSpec("details", .jsonb)) }
        // Every third table has a short business code, unique through a unique index.
        let hasCode = i % 3 == 2
        if hasCode { columns.append(ColumnSpec("code", .varchar(32), notNull: true)) }
        columns += [
            ColumnSpec("created_at", .timestamptz, notNull: true, defaultValue: .now),
            ColumnSpec("updated_at", .timestamptz, notNull: true, defaultValue: .now),
        ]
        let rls = hasRowLevelSecurity(i)
        let policies: [PolicySpec] = rls ? [
            // Every fourth table lets the service role read too.
            PolicySpec(name: name + "_select_own", command: .select,
                       roles: i % 4 == 3 ? ["authenticated", "service_role"] : ["authenticated"], using: .ownsRow),
            PolicySpec(name: name + "_insert_own", command: .insert, withCheck: .ownsRow),
            PolicySpec(name: name + "_update_own", command: .update, using: .ownsRow, withCheck: .ownsRow),
        ] : []
        return TableSpec(
            name: name, variable: Naming.camel(name), className: Naming.pascal(name), file: i / tablesPerFile,
            columns: columns, primaryKey: ["id"],
            uniques: [UniqueSpec(name: name + "_owner_id_name_key", columns: ["owner_id", "name"])],
            indexes: [
                IndexSpec(name: name + "_owner_id_idx", columns: ["owner_id"]),
                IndexSpec(name: name + "_created_at_idx", columns: ["created_at"]),
            ] + (hasCode ? [IndexSpec(name: name + "_code_idx", columns: ["code"], unique: true)] : []),
            foreignKeys: foreignKeys,
            checks: [CheckSpec(name: name + "_quantity_check", expression: ExpressionSpec([.column("quantity"), .text(" >= 0")]))],
            rowLevelSecurity: rls, policies: policies,
            triggers: [TriggerSpec(name: name + "_set_updated_at")])
    }

    private static func singular(_ plural: String) -> String {
        Vocabulary.nouns.first { $0.plural == plural }?.singular ?? plural
    }
}
