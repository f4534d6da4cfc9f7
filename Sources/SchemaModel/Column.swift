/// A table column as one source states it.
public struct Column: Hashable, Codable, Sendable {
    /// The database name of the column (Drizzle's/SQLAlchemy's explicit name, else the property key).
    public var name: String
    /// The canonical type the diff compares.
    public var type: SQLType
    /// The spelling the source used (`varchar(255)`, `String(255)`, `character varying(255)`).
    public var rawType: String
    public var isNullable: Bool
    /// The server-side default as SQL text, as the source spelled it; `nil` when there is none.
    public var defaultExpression: String?
    /// A client-side default or update hook (`$defaultFn`, SQLAlchemy `default=`); never compared with
    /// the database, reported as information.
    public var clientDefault: String?
    @BoxedIdentity public var identity: Identity?
    /// `GENERATED ALWAYS AS (expr) STORED`.
    public var generatedExpression: String?
    public var comment: String?
    /// Attributes this source could not state for this column (a length read from an unresolved
    /// constant, say). The diff makes no finding about them.
    @SortedSet public var notStated: Set<ObjectKind>
    public var provenance: Provenance

    public init(
        name: String, type: SQLType, rawType: String? = nil, isNullable: Bool = true,
        defaultExpression: String? = nil, clientDefault: String? = nil, identity: Identity? = nil,
        generatedExpression: String? = nil, comment: String? = nil, notStated: Set<ObjectKind> = [],
        provenance: Provenance
    ) {
        self.name = name
        self.type = type
        self.rawType = rawType ?? type.description
        self.isNullable = isNullable
        self.defaultExpression = defaultExpression
        self.clientDefault = clientDefault
        self.identity = identity
        self.generatedExpression = generatedExpression
        self.comment = comment
        self.notStated = notStated
        self.provenance = provenance
    }

    /// The default in canonical form (see ``ExpressionCanonicalizer``), typed by this column.
    public var canonicalDefault: String? {
        defaultExpression.map { ExpressionCanonicalizer.canonicalize($0, columnType: type) }
    }
}
