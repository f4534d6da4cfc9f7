/// One difference between the reference source and another source, as data.
///
/// Produced by the diff engine and lint rules, rendered by the reports; neither knows the other.
public struct Finding: Hashable, Codable, Sendable {
    /// Where one side of a finding stands: the source's label and, for files, the location.
    public struct Side: Hashable, Codable, Sendable {
        /// The source label (`drizzle`, `database`, `prod`).
        public var source: String
        /// Where the object is declared in a file; `nil` for a database or an absent object.
        public var location: SourceLocation?

        /// A side of a finding.
        public init(source: String, location: SourceLocation? = nil) {
            self.source = source
            self.location = location
        }
    }

    /// Stable snake_case id, e.g. `column_type_mismatch` (see ``FindingKind``).
    public var id: String
    /// How serious the finding is (after severity overrides).
    public var severity: Severity
    /// The object the finding is about: `schema.table`, `schema.table.column`, `schema.table.policy`.
    public var objectKey: String
    /// The kind of object the finding is about, when known (reports group by it).
    public var objectKind: ObjectKind?
    /// The table the finding belongs to, when it belongs to one (reports group by it). Kept apart from
    /// ``objectKey`` because names may themselves contain dots.
    public var table: QualifiedName?
    /// One line, lower-case, names in single quotes, no trailing period.
    public var message: String
    /// The reference's value, as text (`nil` when the reference has nothing).
    public var expected: String?
    /// The compared source's value, as text (`nil` when it has nothing).
    public var actual: String?
    /// The reference side (what was expected).
    public var reference: Side
    /// The compared side (what was found).
    public var compared: Side
    /// One line on how to fix it.
    public var hint: String?

    /// A finding; `objectKind` and `table` let reports group it.
    public init(
        id: String, severity: Severity, objectKey: String, objectKind: ObjectKind? = nil,
        table: QualifiedName? = nil, message: String, expected: String? = nil, actual: String? = nil,
        reference: Side, compared: Side, hint: String? = nil
    ) {
        self.id = id
        self.severity = severity
        self.objectKey = objectKey
        self.objectKind = objectKind
        self.table = table
        self.message = message
        self.expected = expected
        self.actual = actual
        self.reference = reference
        self.compared = compared
        self.hint = hint
    }

    /// A stable identity for baselines: `id|objectKey|compared source`. It leaves out severity, message
    /// and locations, so a baselined finding stays accepted when a file moves or a rule is re-rated.
    public var fingerprint: String { id + "|" + objectKey + "|" + compared.source }

    /// The first file location of the finding: the compared side's, else the reference side's.
    public var primaryLocation: SourceLocation? { compared.location ?? reference.location }

    /// The fixed output order: severity, object key, finding id, then compared source, then message
    /// (so two findings that tie on everything else still sort the same way every run).
    public static func outputOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.severity.rank != rhs.severity.rank { return lhs.severity.rank < rhs.severity.rank }
        if lhs.objectKey != rhs.objectKey { return lhs.objectKey < rhs.objectKey }
        if lhs.id != rhs.id { return lhs.id < rhs.id }
        if lhs.compared.source != rhs.compared.source { return lhs.compared.source < rhs.compared.source }
        return lhs.message < rhs.message
    }
}
