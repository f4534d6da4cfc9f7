import SchemaModel

/// A column type as evaluated from Python: the SQL type plus what it implies.
///
/// The enum parts are kept out of line (``EnumParts``): few columns have them, and inline they
/// made every type 144 bytes instead of 48, in column specs copied tens of thousands of times.
struct TypeSpec: Sendable {
    var sqlType: SQLType
    /// The type could not be determined; the column's type is then not stated.
    var notStated = false
    /// `Enum(..., inherit_schema=True)`: the enum type lives in its table's schema, known only when
    /// the table is built (``enumType`` holds the default schema until then).
    var inheritsSchema = false
    private var enumParts: EnumParts?

    init(sqlType: SQLType, notStated: Bool = false, enumType: EnumType? = nil, enumCheck: (name: String?, labels: [String])? = nil) {
        self.sqlType = sqlType
        self.notStated = notStated
        enumParts = EnumParts.make(enumType, enumCheck)
    }

    /// A native enum type this column needs (`CREATE TYPE`).
    var enumType: EnumType? {
        get { enumParts?.enumType }
        set { enumParts = EnumParts.make(newValue, enumCheck) }
    }

    /// For `Enum(..., native_enum=False, create_constraint=True)`: the labels to check and the name.
    var enumCheck: (name: String?, labels: [String])? {
        get { enumParts?.enumCheck }
        set { enumParts = EnumParts.make(enumType, newValue) }
    }

    var isInteger: Bool { ["integer", "bigint", "smallint"].contains(sqlType.name) && sqlType.arrayDimensions == 0 }

    /// The enum fields of a type, immutable so copies of a type can share them (a change makes new parts).
    private final class EnumParts: Sendable {
        let enumType: EnumType?
        let enumCheck: (name: String?, labels: [String])?

        private init(_ enumType: EnumType?, _ enumCheck: (name: String?, labels: [String])?) {
            self.enumType = enumType
            self.enumCheck = enumCheck
        }

        /// Parts holding these fields; nil when both are nil.
        static func make(_ enumType: EnumType?, _ enumCheck: (name: String?, labels: [String])?) -> EnumParts? {
            enumType == nil && enumCheck == nil ? nil : EnumParts(enumType, enumCheck)
        }
    }
}

/// Where a foreign key points before tables are known.
enum ForeignKeyTarget: Sendable {
    /// `"table.col"` or `"schema.table.col"`.
    case string(String)
    /// `Model.attr`.
    case classAttribute(ClassKey, String)
}

/// A foreign key as written (column-level `ForeignKey` or `ForeignKeyConstraint`).
struct ForeignKeySpec: Sendable {
    var columns: [String]
    var targets: [ForeignKeyTarget]
    var name: String?
    var onDelete: ForeignKey.Action = .noAction
    var onUpdate: ForeignKey.Action = .noAction
    var deferrable = false
    var initiallyDeferred = false
    var location: SourceLocation
}

/// A column as written, before names and implied objects are generated.
struct ColumnSpec: Sendable {
    /// The attribute name (for `Model.attr` references and `__table_args__` string keys).
    var key: String
    var name: String
    var type: TypeSpec
    var rawType: String
    var nullable: Bool
    var primaryKey = false
    var unique = false
    var index = false
    /// `autoincrement=` as written: nil for the default ("auto").
    var autoincrement: Bool?
    var serverDefault: String?
    var serverDefaultNotStated = false
    /// Out of line (an identity is 88 bytes and few columns have one).
    @BoxedIdentity var identity: Identity? = nil
    var foreignKeys: [ForeignKeySpec] = []
    /// Column-level `CheckConstraint(...)` arguments (table-level in PostgreSQL).
    var checks: [TableItemSpec] = []
    var location: SourceLocation
    /// ``clientDefault``, ``computed``, ``comment`` and ``sequence``, out of line: few columns have any of them,
    /// and inline they were 48 of every spec's bytes.
    private var rare: RareFields?

    init(key: String, name: String, type: TypeSpec, rawType: String, nullable: Bool, location: SourceLocation) {
        self.key = key
        self.name = name
        self.type = type
        self.rawType = rawType
        self.nullable = nullable
        self.location = location
    }

    var clientDefault: String? {
        get { rare?.values.clientDefault }
        set { setRare(\.clientDefault, newValue) }
    }

    var computed: String? {
        get { rare?.values.computed }
        set { setRare(\.computed, newValue) }
    }

    var comment: String? {
        get { rare?.values.comment }
        set { setRare(\.comment, newValue) }
    }

    /// The `Sequence(...)` given to the column.
    var sequence: SequenceSpec? {
        get { rare?.values.sequence }
        set { setRare(\.sequence, newValue) }
    }

    /// Replaces one rare field; no box at all when every field is nil.
    private mutating func setRare<Value>(_ field: WritableKeyPath<RareValues, Value>, _ value: Value) {
        var values = rare?.values ?? RareValues()
        values[keyPath: field] = value
        rare = values.isEmpty ? nil : RareFields(values)
    }

    private struct RareValues: Sendable {
        var clientDefault: String?
        var computed: String?
        var comment: String?
        var sequence: SequenceSpec?

        var isEmpty: Bool { clientDefault == nil && computed == nil && comment == nil && sequence == nil }
    }

    /// Immutable, so copies of a spec share it (a change makes a new one).
    private final class RareFields: Sendable {
        let values: RareValues
        init(_ values: RareValues) { self.values = values }
    }
}

/// A table-level constraint or index as written in `__table_args__` or `Table(...)`.
enum TableItemSpec: Sendable {
    case primaryKey(columns: [String], name: String?, location: SourceLocation)
    case unique(columns: [String], name: String?, location: SourceLocation)
    case check(expression: String, name: String?, location: SourceLocation)
    case foreignKey(ForeignKeySpec)
    case index(name: String?, keys: [TableIndex.Key], unique: Bool, method: String, predicate: String?, include: [String], location: SourceLocation)
}

/// Everything one table's code states, before generated names are applied.
struct TableSpec: Sendable {
    var name: String
    /// The schema the code states (nil: the default schema).
    var schema: String?
    var columns: [ColumnSpec] = []
    var items: [TableItemSpec] = []
    var comment: String?
    var location: SourceLocation
    /// The naming convention of the table's MetaData.
    var convention: [String: String] = [:]
    /// The class that maps it, for `Model.attr` foreign keys.
    var classKey: ClassKey?
}

extension TableSpec {
    /// The column name of the first column with attribute name `key`, found by index: looking the
    /// column up by value copied the whole (large) spec to read one string of it.
    func columnName(forKey key: String) -> String? {
        guard let k = columns.firstIndex(where: { $0.key == key }) else { return nil }
        return columns[k].name
    }

    /// For each of `names` that a column has, the first column of that name, in order (the columns
    /// naming conventions read).
    func columns(named names: [String]) -> [ColumnSpec] {
        var found: [ColumnSpec] = []
        for name in names {
            if let k = columns.firstIndex(where: { $0.name == name }) { found.append(columns[k]) }
        }
        return found
    }
}
