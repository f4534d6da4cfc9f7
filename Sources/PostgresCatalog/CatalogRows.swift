/// The rows of the catalog queries, decoded from PostgreSQL's text output into typed values.
///
/// Kept apart from the connection so that mapping rows to the model is pure code, tested without a
/// database (see ``CatalogMapper``).
public struct CatalogRows: Sendable {
    public struct TableRow: Sendable {
        public var oid: String, schema: String, name: String, kind: String
        public var rowSecurity: Bool, forceRowSecurity: Bool, comment: String?
    }

    public struct ColumnRow: Sendable {
        public var tableOID: String, name: String, formattedType: String, notNull: Bool
        public var defaultExpression: String?, identity: String, generated: String
        /// `schema.name` of an enum, domain or composite element type.
        public var userType: String?
        public var isArray: Bool, comment: String?
        public var sequenceStart: String?, sequenceIncrement: String?, sequenceMin: String?
        public var sequenceMax: String?, sequenceCache: String?, sequenceCycle: Bool?
        /// `pg_attribute.attnum`: constraints, indexes and triggers name columns by number.
        public var number: Int = 0
    }

    public struct ConstraintRow: Sendable {
        public var tableOID: String, name: String, type: String, columns: [String]
        public var referencedSchema: String?, referencedTable: String?, referencedColumns: [String]
        public var onDelete: String, onUpdate: String, deferrable: Bool, deferred: Bool
        public var checkExpression: String?, nullsNotDistinct: Bool
    }

    public struct IndexRow: Sendable {
        public var tableOID: String, name: String, isUnique: Bool, method: String, predicate: String?
        public var keyCount: Int
        /// Each key prefixed with `1` (a column) or `0` (an expression), key columns then INCLUDE columns.
        public var keys: [String]
        public var options: [Int]
        public var operatorClasses: [String]
        public var nullsNotDistinct: Bool
    }

    public struct EnumRow: Sendable {
        public var schema: String, name: String, labels: [String]
    }

    public struct PolicyRow: Sendable {
        public var tableOID: String, name: String, permissive: Bool, command: String, roles: [String]
        public var using: String?, withCheck: String?
    }

    public struct TriggerRow: Sendable {
        public var tableOID: String, name: String, type: Int, functionSchema: String, functionName: String
        public var argumentsHex: String, updateColumns: [String], definition: String
    }

    public struct RelationRow: Sendable {
        public var schema: String, name: String, kind: String, definition: String?
    }

    public var schemas: [String] = []
    public var tables: [TableRow] = []
    public var columns: [ColumnRow] = []
    public var constraints: [ConstraintRow] = []
    public var indexes: [IndexRow] = []
    public var enums: [EnumRow] = []
    public var policies: [PolicyRow] = []
    public var triggers: [TriggerRow] = []
    public var relations: [RelationRow] = []

    public init() {}
}
