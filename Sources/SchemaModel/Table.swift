/// A table with its columns, keys, checks, indexes, row-level security, policies and triggers.
public struct Table: Hashable, Codable, Sendable {
    /// Ordinary or partitioned table (partitions of a partitioned table are read as their parent).
    public enum Kind: String, Hashable, Codable, Sendable {
        case ordinary
        case partitioned
    }

    public var name: String
    public var kind: Kind
    public var columns: [Column]
    public var primaryKey: PrimaryKey?
    public var uniqueConstraints: [UniqueConstraint]
    public var foreignKeys: [ForeignKey]
    public var checks: [CheckConstraint]
    public var indexes: [TableIndex]
    /// `ALTER TABLE ... ENABLE ROW LEVEL SECURITY`.
    public var rowLevelSecurity: Bool
    /// `ALTER TABLE ... FORCE ROW LEVEL SECURITY`.
    public var forceRowLevelSecurity: Bool
    public var policies: [Policy]
    public var triggers: [Trigger]
    public var comment: String?
    /// Kinds this source could not state for this table only (see also ``Catalog/notStated``).
    @SortedSet public var notStated: Set<ObjectKind>
    public var provenance: Provenance

    public init(
        name: String, kind: Kind = .ordinary, columns: [Column] = [], primaryKey: PrimaryKey? = nil,
        uniqueConstraints: [UniqueConstraint] = [], foreignKeys: [ForeignKey] = [],
        checks: [CheckConstraint] = [], indexes: [TableIndex] = [], rowLevelSecurity: Bool = false,
        forceRowLevelSecurity: Bool = false, policies: [Policy] = [], triggers: [Trigger] = [],
        comment: String? = nil, notStated: Set<ObjectKind> = [], provenance: Provenance
    ) {
        self.name = name
        self.kind = kind
        self.columns = columns
        self.primaryKey = primaryKey
        self.uniqueConstraints = uniqueConstraints
        self.foreignKeys = foreignKeys
        self.checks = checks
        self.indexes = indexes
        self.rowLevelSecurity = rowLevelSecurity
        self.forceRowLevelSecurity = forceRowLevelSecurity
        self.policies = policies
        self.triggers = triggers
        self.comment = comment
        self.notStated = notStated
        self.provenance = provenance
    }

    /// The column with this database name, if present.
    public func column(named name: String) -> Column? { columns.first { $0.name == name } }

    func normalized() -> Table {
        var copy = self
        copy.uniqueConstraints = uniqueConstraints.sorted(byName: \.name, thenKey: \.sortKey)
        copy.foreignKeys = foreignKeys.sorted(byName: \.name, thenKey: \.sortKey)
        copy.checks = checks.sorted(byName: \.name, thenKey: \.sortKey)
        copy.indexes = indexes.sorted(byName: \.name, thenKey: \.sortKey)
        // `Policy.init` already normalizes roles: re-normalize only what was changed after it.
        let rolesNormalized = policies.allSatisfy { $0.hasNormalizedRoles }
        copy.policies = (rolesNormalized ? policies : policies.map { $0.normalized() }).sorted(byKey: \.name)
        copy.triggers = triggers.sorted(byKey: \.name)
        return copy
    }
}
