import SchemaModel

/// Counts shared by the reports: verdict, findings by severity, and objects per kind.
struct ReportSummary {
    /// One line of the per-kind summary.
    struct KindLine: Equatable {
        var title: String
        var objects: Int
        var matching: Int
        var errors: Int
        var warnings: Int
        var info: Int
    }

    let result: DiffResult
    let failOn: Severity?
    /// Tables and enum keys with a warning or error, computed once so per-table checks stay O(1).
    private let flaggedTables: Set<QualifiedName>
    private let flaggedEnums: Set<String>

    init(result: DiffResult, failOn: Severity?) {
        self.result = result
        self.failOn = failOn
        var tables: Set<QualifiedName> = [], enums: Set<String> = []
        for finding in result.findings where finding.severity != .info {
            if let table = finding.table { tables.insert(table) }
            if finding.objectKind == .enumType { enums.insert(finding.objectKey) }
        }
        flaggedTables = tables
        flaggedEnums = enums
    }

    var passed: Bool { !result.fails(at: failOn) }
    var verdict: String { passed ? "PASS" : "FAIL" }

    /// `3 errors, 1 warning, 0 info`.
    var counts: String {
        let e = result.count(.error), w = result.count(.warning), i = result.count(.info)
        return "\(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s"), \(i) info"
    }

    /// The summary categories, in report order, with the finding kinds each one gathers.
    static let categories: [(title: String, rowKind: ObjectKind?, findingKinds: Set<ObjectKind>)] = [
        ("tables", nil, [.table]),
        ("columns", .column, [.column, .columnType, .nullability, .columnDefault, .identity, .generatedColumn]),
        ("primary keys", .primaryKey, [.primaryKey]),
        ("unique constraints", .unique, [.unique]),
        ("indexes", .index, [.index]),
        ("foreign keys", .foreignKey, [.foreignKey]),
        ("check constraints", .check, [.check]),
        ("row level security", .rowLevelSecurity, [.rowLevelSecurity, .forceRowLevelSecurity]),
        ("policies", .policy, [.policy]),
        ("triggers", .trigger, [.trigger]),
        ("enums", nil, [.enumType]),
    ]

    var kindLines: [KindLine] {
        Self.categories.map { category in
            var line = KindLine(title: category.title, objects: 0, matching: 0, errors: 0, warnings: 0, info: 0)
            if let rowKind = category.rowKind {
                for table in result.tables {
                    for row in table.rows where row.kind == rowKind {
                        line.objects += 1
                        if row.matches { line.matching += 1 }
                    }
                }
            } else if category.title == "tables" {
                line.objects = result.tables.count
                line.matching = result.tables.filter { tableMatches($0) }.count
            } else {
                line.objects = result.enums.count
                line.matching = result.enums.filter { enumMatches($0.name) }.count
            }
            for finding in result.findings where finding.objectKind.map(category.findingKinds.contains) ?? false {
                switch finding.severity {
                case .error: line.errors += 1
                case .warning: line.warnings += 1
                case .info: line.info += 1
                }
            }
            return line
        }
    }

    /// Findings grouped by table (those without a table under `nil`), each group in output order.
    var findingsByTable: [QualifiedName: [Finding]] {
        var groups: [QualifiedName: [Finding]] = [:]
        for finding in result.findings { if let table = finding.table { groups[table, default: []].append(finding) } }
        return groups
    }

    var findingsWithoutTable: [Finding] { result.findings.filter { $0.table == nil } }

    /// A table matches when it is in every source, every row matches and no warning or error is about it.
    func tableMatches(_ table: TableComparison) -> Bool {
        table.presentIn.allSatisfy { $0 } && table.rows.allSatisfy(\.matches) && !flaggedTables.contains(table.name)
    }

    func enumMatches(_ name: QualifiedName) -> Bool {
        // Label findings are keyed `schema.enum.label`; labels never contain the enum key's own dots.
        let key = name.description
        return !flaggedEnums.contains(key) && !flaggedEnums.contains { $0.hasPrefix(key + ".") }
    }

    /// Human words for an object kind, used in "could not check" lists.
    static func words(_ kind: ObjectKind) -> String {
        switch kind {
        case .table: return "tables"
        case .column: return "columns"
        case .columnType: return "column types"
        case .nullability: return "nullability"
        case .columnDefault: return "column defaults"
        case .identity: return "identity columns"
        case .generatedColumn: return "generated columns"
        case .primaryKey: return "primary keys"
        case .foreignKey: return "foreign keys"
        case .unique: return "unique constraints"
        case .check: return "check constraints"
        case .index: return "indexes"
        case .enumType: return "enums"
        case .rowLevelSecurity: return "row level security"
        case .forceRowLevelSecurity: return "forced row level security"
        case .policy: return "policies"
        case .trigger: return "triggers"
        case .comment: return "comments"
        case .view: return "views"
        case .sequence: return "sequences"
        }
    }

    /// The descriptor for each label, in result order; a missing one is synthesized from the label.
    static func descriptors(_ result: DiffResult, _ sources: [SourceDescriptor]) -> [SourceDescriptor] {
        var byLabel: [String: SourceDescriptor] = [:]
        for source in sources where byLabel[source.label] == nil { byLabel[source.label] = source }
        return result.sourceLabels.map { label in
            byLabel[label] ?? SourceDescriptor(label: label, kind: SourceKind(rawValue: label) ?? .database)
        }
    }
}
