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

/// Decoding helpers for PostgreSQL's text output format.
enum TextValue {
    static func bool(_ value: String?) -> Bool { value == "t" || value == "true" }

    /// A list joined with U+001F by the queries; empty text is the empty list.
    static func list(_ value: String?) -> [String] {
        guard let value, !value.isEmpty else { return [] }
        return value.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
    }

    static func string(_ row: [String?], _ index: Int) -> String { index < row.count ? row[index] ?? "" : "" }

    static func optional(_ row: [String?], _ index: Int) -> String? { index < row.count ? row[index] : nil }
}

extension CatalogRows {
    /// Decodes raw query results (in the column order of ``CatalogQueries``).
    mutating func decode(tables raw: [[String?]]) {
        tables = raw.map { r in
            TableRow(
                oid: TextValue.string(r, 0), schema: TextValue.string(r, 1), name: TextValue.string(r, 2),
                kind: TextValue.string(r, 3), rowSecurity: TextValue.bool(r[4]),
                forceRowSecurity: TextValue.bool(r[5]), comment: TextValue.optional(r, 6))
        }
    }

    mutating func decode(columns raw: [[String?]]) {
        columns = raw.map { r in
            ColumnRow(
                tableOID: TextValue.string(r, 0), name: TextValue.string(r, 1),
                formattedType: TextValue.string(r, 2), notNull: TextValue.bool(r[3]),
                defaultExpression: TextValue.optional(r, 4), identity: TextValue.string(r, 5),
                generated: TextValue.string(r, 6), userType: TextValue.optional(r, 7),
                isArray: TextValue.string(r, 8) == "1", comment: TextValue.optional(r, 9),
                sequenceStart: TextValue.optional(r, 10), sequenceIncrement: TextValue.optional(r, 11),
                sequenceMin: TextValue.optional(r, 12), sequenceMax: TextValue.optional(r, 13),
                sequenceCache: TextValue.optional(r, 14),
                sequenceCycle: TextValue.optional(r, 15).map { TextValue.bool($0) })
        }
    }

    mutating func decode(constraints raw: [[String?]]) {
        constraints = raw.map { r in
            ConstraintRow(
                tableOID: TextValue.string(r, 0), name: TextValue.string(r, 1), type: TextValue.string(r, 2),
                columns: TextValue.list(r[3]), referencedSchema: TextValue.optional(r, 4),
                referencedTable: TextValue.optional(r, 5), referencedColumns: TextValue.list(r[6]),
                onDelete: TextValue.string(r, 7), onUpdate: TextValue.string(r, 8),
                deferrable: TextValue.bool(r[9]), deferred: TextValue.bool(r[10]),
                checkExpression: TextValue.optional(r, 11), nullsNotDistinct: TextValue.bool(r[12]))
        }
    }

    mutating func decode(indexes raw: [[String?]]) {
        indexes = raw.map { r in
            IndexRow(
                tableOID: TextValue.string(r, 0), name: TextValue.string(r, 1), isUnique: TextValue.bool(r[2]),
                method: TextValue.string(r, 3), predicate: TextValue.optional(r, 4),
                keyCount: Int(TextValue.string(r, 5)) ?? 0, keys: TextValue.list(r[8]),
                options: TextValue.list(r[9]).map { Int($0) ?? 0 }, operatorClasses: TextValue.list(r[10]),
                nullsNotDistinct: TextValue.bool(r[7]))
        }
    }

    mutating func decode(enums raw: [[String?]]) {
        enums = raw.map { r in
            EnumRow(schema: TextValue.string(r, 0), name: TextValue.string(r, 1), labels: TextValue.list(r[2]))
        }
    }

    mutating func decode(policies raw: [[String?]]) {
        policies = raw.map { r in
            PolicyRow(
                tableOID: TextValue.string(r, 0), name: TextValue.string(r, 1), permissive: TextValue.bool(r[2]),
                command: TextValue.string(r, 3), roles: TextValue.list(r[4]), using: TextValue.optional(r, 5),
                withCheck: TextValue.optional(r, 6))
        }
    }

    mutating func decode(triggers raw: [[String?]]) {
        triggers = raw.map { r in
            TriggerRow(
                tableOID: TextValue.string(r, 0), name: TextValue.string(r, 1),
                type: Int(TextValue.string(r, 2)) ?? 0, functionSchema: TextValue.string(r, 3),
                functionName: TextValue.string(r, 4), argumentsHex: TextValue.string(r, 5),
                updateColumns: TextValue.list(r[6]), definition: TextValue.string(r, 7))
        }
    }

    mutating func decode(relations raw: [[String?]]) {
        relations = raw.map { r in
            RelationRow(
                schema: TextValue.string(r, 0), name: TextValue.string(r, 1), kind: TextValue.string(r, 2),
                definition: TextValue.optional(r, 3))
        }
    }
}
