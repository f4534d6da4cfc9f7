/// An index that is not the implementation of a primary key or unique constraint.
public struct TableIndex: Hashable, Codable, Sendable {
    /// One key of an index: a column or an expression, with its ordering and operator class.
    public struct Key: Hashable, Codable, Sendable {
        /// The column name, when the key is a plain column.
        public var column: String?
        /// The SQL expression, when the key is an expression.
        public var expression: String?
        public var descending: Bool
        /// `NULLS FIRST` / `NULLS LAST` when stated and different from the direction's default.
        public var nullsFirst: Bool?
        /// Operator class (`gin_trgm_ops`), when not the type's default.
        public var operatorClass: String?

        public init(
            column: String? = nil, expression: String? = nil, descending: Bool = false,
            nullsFirst: Bool? = nil, operatorClass: String? = nil
        ) {
            self.column = column
            self.expression = expression
            self.descending = descending
            self.nullsFirst = nullsFirst
            self.operatorClass = operatorClass
        }

        /// Canonical text of the key for matching: column name or canonical expression, plus order.
        public var canonicalDescription: String {
            var text = column ?? ExpressionCanonicalizer.canonicalize(expression ?? "")
            if let operatorClass { text += " " + operatorClass.lowercased() }
            if descending { text += " desc" }
            if let nullsFirst, nullsFirst != descending { text += nullsFirst ? " nulls first" : " nulls last" }
            return text
        }
    }

    public var name: String?
    public var keys: [Key]
    public var isUnique: Bool
    /// Access method: `btree`, `gin`, `gist`, `hash`, `brin`, `spgist`, `hnsw`, `ivfflat`.
    public var method: String
    /// Partial index predicate (`WHERE ...`).
    public var predicate: String?
    /// `INCLUDE (...)` columns.
    public var includedColumns: [String]
    public var nullsNotDistinct: Bool
    public var provenance: Provenance

    public init(
        name: String? = nil, keys: [Key], isUnique: Bool = false, method: String = "btree",
        predicate: String? = nil, includedColumns: [String] = [], nullsNotDistinct: Bool = false,
        provenance: Provenance
    ) {
        self.name = name
        self.keys = keys
        self.isUnique = isUnique
        self.method = method
        self.predicate = predicate
        self.includedColumns = includedColumns
        self.nullsNotDistinct = nullsNotDistinct
        self.provenance = provenance
    }

    /// The keys as one readable string, e.g. `(user_id, created_at desc)`.
    public var keyDescription: String {
        "(" + keys.map(\.canonicalDescription).joined(separator: ", ") + ")"
    }

    var sortKey: String { (name ?? "") + "\u{1}" + keyDescription }
}
