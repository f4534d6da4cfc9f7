/// The outcome of comparing sources: findings plus everything a report needs to show the sources side
/// by side. Lives in `SchemaModel` so the reports can render it without importing the diff engine.
///
/// Every collection is in a fixed order, so rendering the same result twice gives the same bytes.
public struct DiffResult: Hashable, Codable, Sendable {
    /// Labels of all sources, the reference first, then the others in the order given.
    public var sourceLabels: [String]
    /// The label of the reference source.
    public var referenceLabel: String { sourceLabels.first ?? "" }
    /// Findings after ignores and severity overrides, in ``Finding/outputOrder(_:_:)``.
    public var findings: [Finding]
    /// Number of findings removed by ignore patterns or the baseline (reports mention it so nothing
    /// vanishes silently).
    public var ignoredCount: Int
    /// One entry per table of any source (within the compared schemas), sorted by name.
    public var tables: [TableComparison]
    /// One entry per enum type of any source, sorted by name.
    public var enums: [EnumComparison]
    /// What each source could not state, hence could not be checked, sorted by source then scope.
    public var limitations: [SourceLimitation]

    /// A result; `findings` must already be in output order.
    public init(
        sourceLabels: [String], findings: [Finding], ignoredCount: Int = 0, tables: [TableComparison] = [],
        enums: [EnumComparison] = [], limitations: [SourceLimitation] = []
    ) {
        self.sourceLabels = sourceLabels
        self.findings = findings
        self.ignoredCount = ignoredCount
        self.tables = tables
        self.enums = enums
        self.limitations = limitations
    }

    /// Number of findings of one severity.
    public func count(_ severity: Severity) -> Int { findings.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) } }

    /// Whether any finding is at or above `threshold` (`nil`: never fails).
    public func fails(at threshold: Severity?) -> Bool {
        guard let threshold else { return false }
        return findings.contains { $0.severity.rank <= threshold.rank }
    }
}

/// What one source could not state: object kinds, everywhere (`scope == nil`) or for one object key.
public struct SourceLimitation: Hashable, Codable, Sendable {
    /// The source label.
    public var source: String
    /// `nil` for the whole source, else a table or column key such as `public.profiles.email`.
    public var scope: String?
    /// The kinds, sorted.
    public var kinds: [ObjectKind]

    /// A limitation; `kinds` are sorted.
    public init(source: String, scope: String? = nil, kinds: [ObjectKind]) {
        self.source = source
        self.scope = scope
        self.kinds = kinds.sorted()
    }
}

/// What one source says about one object in a side-by-side row.
public enum ComparisonCell: Hashable, Codable, Sendable {
    /// The source states the object; the text describes it as that source spells it.
    case present(String)
    /// The source has no such object.
    case absent
    /// The source cannot state objects of this kind.
    case notStated
}

/// One row of a side-by-side matrix: an object (column, index, constraint, policy, trigger, RLS state)
/// with one cell per source, in ``DiffResult/sourceLabels`` order.
public struct ComparisonRow: Hashable, Codable, Sendable {
    /// What the row shows: a column, a constraint or index kind, RLS, a policy or a trigger.
    public var kind: ObjectKind
    /// Short display name: the column or object name, or a description for unnamed objects.
    public var name: String
    /// The object key findings about this row use.
    public var objectKey: String
    /// One cell per source, in ``DiffResult/sourceLabels`` order.
    public var cells: [ComparisonCell]
    /// Whether any finding (before ignores) was made about this row.
    public var matches: Bool

    /// A row.
    public init(kind: ObjectKind, name: String, objectKey: String, cells: [ComparisonCell], matches: Bool) {
        self.kind = kind
        self.name = name
        self.objectKey = objectKey
        self.cells = cells
        self.matches = matches
    }
}

/// A table seen across all sources: its rows by kind (columns in declared order first).
public struct TableComparison: Hashable, Codable, Sendable {
    /// The qualified name.
    public var name: QualifiedName
    /// Which sources have the table, in ``DiffResult/sourceLabels`` order.
    public var presentIn: [Bool]
    /// Columns in declared order, then primary key, uniques and indexes, foreign keys, checks, RLS, policies, triggers.
    public var rows: [ComparisonRow]

    /// A table comparison.
    public init(name: QualifiedName, presentIn: [Bool], rows: [ComparisonRow]) {
        self.name = name
        self.presentIn = presentIn
        self.rows = rows
    }

    /// Rows of one kind, in order.
    public func rows(of kind: ObjectKind) -> [ComparisonRow] { rows.filter { $0.kind == kind } }
}

/// An enum type seen across all sources: its labels per source.
public struct EnumComparison: Hashable, Codable, Sendable {
    /// The qualified name.
    public var name: QualifiedName
    /// One cell per source, in ``DiffResult/sourceLabels`` order.
    public var cells: [ComparisonCell]
    /// Whether no warning or error was found about the enum.
    public var matches: Bool

    /// An enum comparison.
    public init(name: QualifiedName, cells: [ComparisonCell], matches: Bool) {
        self.name = name
        self.cells = cells
        self.matches = matches
    }
}
