import SchemaModel

/// The reference and one compared source, seen from one table (or enum): builds findings with the
/// right labels, locations and hints so the comparison code only states what differs.
struct PairContext {
    let referenceLabel: String
    let comparedLabel: String
    /// The compared source's kind: hints give SQL for a database and "change the model" for code.
    let comparedKind: SourceKind
    /// The compared source's position in the source list (the reference is 0).
    let comparedIndex: Int
    /// The table the findings belong to, when they belong to one.
    let table: QualifiedName?

    var ref: String { Describe.quoted(referenceLabel) }
    var cmp: String { Describe.quoted(comparedLabel) }
    var isDatabase: Bool { comparedKind == .database }

    func make(
        _ kind: FindingKind, key: String, severity: Severity? = nil, message: String,
        expected: String? = nil, actual: String? = nil, referenceAt: SourceLocation?,
        comparedAt: SourceLocation?, sql: String? = nil, hint: String? = nil
    ) -> Finding {
        Finding(
            id: kind.id, severity: severity ?? kind.defaultSeverity, objectKey: key, objectKind: kind.objectKind,
            table: table, message: message, expected: expected, actual: actual,
            reference: .init(source: referenceLabel, location: referenceAt),
            compared: .init(source: comparedLabel, location: comparedAt),
            hint: hint ?? defaultHint(sql: sql)
        )
    }

    /// With SQL for a database side: "run `...` in 'database', or change 'drizzle' if it is the one that
    /// is wrong"; for code: "change 'sqlalchemy' to match 'drizzle', or change 'drizzle'".
    func defaultHint(sql: String?) -> String {
        if isDatabase, let sql { return "in \(cmp) run `\(sql)` (or change \(ref) if it is the one that is wrong)" }
        if isDatabase { return "write a migration that brings \(cmp) in line with \(ref), or change \(ref)" }
        return "change \(cmp) to match \(ref), or change \(ref) if it is the one that is wrong"
    }

    /// The hint for something present in the compared source only.
    func extraHint(sql: String?, what: String) -> String {
        if isDatabase, let sql { return "declare \(what) in \(ref), or run `\(sql)` in \(cmp)" }
        return "declare \(what) in \(ref), or remove it from \(cmp)"
    }
}
