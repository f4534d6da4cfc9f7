import SchemaModel

/// A column type as evaluated from Python: the SQL type plus what it implies.
struct TypeSpec: Sendable {
    var sqlType: SQLType
    /// The type could not be determined; the column's type is then not stated.
    var notStated = false
    /// A native enum type this column needs (`CREATE TYPE`).
    var enumType: EnumType?
    /// For `Enum(..., native_enum=False, create_constraint=True)`: the labels to check and the name.
    var enumCheck: (name: String?, labels: [String])?
    var isInteger: Bool { ["integer", "bigint", "smallint"].contains(sqlType.name) && sqlType.arrayDimensions == 0 }
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
    var clientDefault: String?
    var identity: Identity?
    var computed: String?
    var comment: String?
    var foreignKeys: [ForeignKeySpec] = []
    /// Column-level `CheckConstraint(...)` arguments (table-level in PostgreSQL).
    var checks: [TableItemSpec] = []
    var location: SourceLocation
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
