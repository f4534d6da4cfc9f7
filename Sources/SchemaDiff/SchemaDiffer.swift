import SchemaModel

/// Compares every source with a reference and produces findings plus side-by-side matrices.
///
/// Matching follows DESIGN.md section 4: tables by qualified name, columns by name, constraints and
/// indexes by meaning then by name, policies and triggers by (table, name), enums by qualified name.
/// A kind either side cannot state (``Catalog/notStated``, ``Table/notStated``,
/// ``Column/notStated``) never produces a finding. Work is linear in the number of objects: every
/// lookup goes through a dictionary.
public enum SchemaDiffer {
    /// Compares each of `others` with `reference`.
    ///
    /// - Returns: findings after `options` (severity overrides, then ignores) in
    ///   ``Finding/outputOrder(_:_:)``, one ``TableComparison`` per table of any source, one
    ///   ``EnumComparison`` per enum, and what each source could not state.
    public static func compare(reference: LabeledCatalog, others: [LabeledCatalog], options: DiffOptions = DiffOptions()) -> DiffResult {
        let all = [reference] + others
        let views = all.map { SourceView(label: $0.label, kind: $0.catalog.source, notStated: $0.catalog.notStated) }

        // One dictionary per source; schemas outside the options are dropped here, once.
        var tableMaps: [[QualifiedName: Table]] = []
        var enumMaps: [[QualifiedName: EnumType]] = []
        var tableNames: Set<QualifiedName> = []
        var enumNames: Set<QualifiedName> = []
        for source in all {
            var tables: [QualifiedName: Table] = [:]
            var enums: [QualifiedName: EnumType] = [:]
            for schema in source.catalog.schemas where options.includes(schema: schema.name) {
                for table in schema.tables {
                    let name = QualifiedName(schema: schema.name, name: table.name)
                    if tables[name] == nil { tables[name] = table }
                }
                for enumType in schema.enums {
                    let name = QualifiedName(schema: schema.name, name: enumType.name)
                    if enums[name] == nil { enums[name] = enumType }
                }
            }
            tableNames.formUnion(tables.keys)
            enumNames.formUnion(enums.keys)
            tableMaps.append(tables)
            enumMaps.append(enums)
        }

        var (tables, findings) = ParallelTableDiff.run(
            names: tableNames.sorted(), views: views, tableMaps: tableMaps,
            reportClientDefaults: options.reportClientDefaults, describesCells: options.describesCells)
        var enums: [EnumComparison] = []
        for name in enumNames.sorted() {
            let (comparison, found) = EnumDiffer(name: name, sources: views, enums: enumMaps.map { $0[name] }).run()
            enums.append(comparison)
            findings += found
        }

        // Overrides first, so an ignore may name the overridden id as well; then drop ignored and
        // baselined findings (counted, so nothing disappears silently).
        var kept: [Finding] = []
        var ignored = 0
        for var finding in findings {
            finding.severity = options.severity(for: finding)
            if options.drops(finding) { ignored += 1 } else { kept.append(finding) }
        }
        kept.sort(by: Finding.outputOrder)
        markMatches(&tables, findings: kept)

        return DiffResult(
            sourceLabels: all.map(\.label), findings: kept, ignoredCount: ignored, tables: tables, enums: enums,
            limitations: limitations(all, tableMaps: tableMaps))
    }

    /// A row matches unless a warning or error (after ignores) is about it; info findings such as a
    /// name difference do not make a row red.
    private static func markMatches(_ tables: inout [TableComparison], findings: [Finding]) {
        // Families flagged per object key, grouped by the finding's table: only the rows of tables
        // with findings are looked at (a few dozen of 10,000 tables in a typical run).
        var byTable: [QualifiedName: [String: Set<String>]] = [:]
        var withoutTable: [String: Set<String>] = [:]
        for finding in findings where finding.severity != .info {
            if let table = finding.table {
                byTable[table, default: [:]][finding.objectKey, default: []].insert(family(finding.objectKind))
            } else {
                withoutTable[finding.objectKey, default: []].insert(family(finding.objectKind))
            }
        }
        guard !byTable.isEmpty || !withoutTable.isEmpty else { return }
        // A key without a table (an enum's) can only be a row key of a table whose key is the whole
        // key or the part before one of its dots; the rows of other tables need no lookups. (Every
        // row of every table was looked up whenever an enum had a finding.)
        var tablesForUntabled = Set<String>()
        for key in withoutTable.keys {
            tablesForUntabled.insert(key)
            for i in key.utf8.indices where key.utf8[i] == UInt8(ascii: ".") {
                tablesForUntabled.insert(String(key[..<i]))
            }
        }
        for t in tables.indices {
            let flagged = byTable[tables[t].name]
            if flagged == nil && (withoutTable.isEmpty || !tablesForUntabled.contains(tables[t].name.description)) { continue }
            for r in tables[t].rows.indices {
                let key = tables[t].rows[r].objectKey
                let families = (flagged?[key] ?? []).union(withoutTable[key] ?? [])
                if families.isEmpty { continue }
                tables[t].rows[r].matches = !families.contains(family(tables[t].rows[r].kind))
            }
        }
    }

    /// Groups finding kinds with the row kind that shows them.
    static func family(_ kind: ObjectKind?) -> String {
        switch kind {
        case .column?, .columnType?, .nullability?, .columnDefault?, .identity?, .generatedColumn?: return "column"
        case .unique?, .index?: return "unique-index"
        case .rowLevelSecurity?, .forceRowLevelSecurity?: return "rls"
        case let other?: return other.rawValue
        case nil: return ""
        }
    }

    /// What each source could not state: whole-source kinds, then per table, then per column.
    private static func limitations(_ all: [LabeledCatalog], tableMaps: [[QualifiedName: Table]]) -> [SourceLimitation] {
        var out: [SourceLimitation] = []
        for (i, source) in all.enumerated() {
            if !source.catalog.notStated.isEmpty {
                out.append(SourceLimitation(source: source.label, kinds: Array(source.catalog.notStated)))
            }
            for name in tableMaps[i].keys.sorted() {
                let table = tableMaps[i][name]!
                if !table.notStated.isEmpty {
                    out.append(SourceLimitation(source: source.label, scope: name.description, kinds: Array(table.notStated)))
                }
                for column in table.columns where !column.notStated.isEmpty {
                    out.append(SourceLimitation(source: source.label, scope: name.description + "." + column.name,
                                                kinds: Array(column.notStated)))
                }
            }
        }
        return out
    }
}
