/// The SQLAlchemy and PostgreSQL dialect type names ``ModelBuilder/builtinType(_:args:module:at:depth:)``
/// knows, grouped by what they mean.
///
/// Looked up in one table instead of a `switch` over the spellings: a `switch` on a `String`
/// compares the cases one after another, so a name near the end (`Enum`, the type of most
/// enum columns) cost some forty string comparisons per column.
enum BuiltinTypeName {
    case integer, smallint, bigint, varchar, char, text, boolean, float, doublePrecision, real, numeric
    case dateTime, date, time, interval, bytea, json, jsonb, uuid
    case inet, cidr, macaddr, macaddr8, tsvector, tsquery, money, oid, hstore, citext, bit
    /// The range types, whose SQL name is the spelling lower-cased.
    case range
    case vector, array, enumeration

    /// Every spelling, as the cases of the `switch` it replaced listed them.
    static let bySpelling: [String: BuiltinTypeName] = {
        let groups: [(BuiltinTypeName, [String])] = [
            (.integer, ["Integer", "INTEGER", "INT"]),
            (.smallint, ["SmallInteger", "SMALLINT"]),
            (.bigint, ["BigInteger", "BIGINT"]),
            (.varchar, ["String", "VARCHAR", "Unicode", "NVARCHAR", "AutoString"]),
            (.char, ["CHAR", "NCHAR"]),
            (.text, ["Text", "TEXT", "UnicodeText"]),
            (.boolean, ["Boolean", "BOOLEAN"]),
            (.float, ["Float", "FLOAT"]),
            (.doublePrecision, ["Double", "DOUBLE", "DOUBLE_PRECISION"]),
            (.real, ["REAL"]),
            (.numeric, ["Numeric", "NUMERIC", "DECIMAL"]),
            (.dateTime, ["DateTime", "DATETIME", "TIMESTAMP"]),
            (.date, ["Date", "DATE"]),
            (.time, ["Time", "TIME"]),
            (.interval, ["Interval", "INTERVAL"]),
            (.bytea, ["LargeBinary", "BYTEA", "BLOB", "BINARY", "VARBINARY", "PickleType"]),
            (.json, ["JSON"]),
            (.jsonb, ["JSONB"]),
            (.uuid, ["UUID", "Uuid", "GUID"]),
            (.inet, ["INET"]),
            (.cidr, ["CIDR"]),
            (.macaddr, ["MACADDR"]),
            (.macaddr8, ["MACADDR8"]),
            (.tsvector, ["TSVECTOR"]),
            (.tsquery, ["TSQUERY"]),
            (.money, ["MONEY"]),
            (.oid, ["OID"]),
            (.hstore, ["HSTORE"]),
            (.citext, ["CITEXT"]),
            (.bit, ["BIT"]),
            (.range, ["INT4RANGE", "INT8RANGE", "NUMRANGE", "DATERANGE", "TSRANGE", "TSTZRANGE"]),
            (.vector, ["Vector", "VECTOR"]),
            (.array, ["ARRAY"]),
            (.enumeration, ["Enum", "ENUM"]),
        ]
        var table: [String: BuiltinTypeName] = [:]
        for (kind, spellings) in groups {
            for spelling in spellings {
                precondition(table.updateValue(kind, forKey: spelling) == nil, "type name listed twice: \(spelling)")
            }
        }
        return table
    }()
}
