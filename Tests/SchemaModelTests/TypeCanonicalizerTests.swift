import Testing
@testable import SchemaModel

/// Every spelling on the left is a column type as written in DDL, Drizzle or SQLAlchemy; the right is
/// what PostgreSQL 15's `format_type(atttypid, atttypmod)` prints for a column declared that way.
@Suite struct TypeCanonicalizerTests {
    static let rows: [(String, String)] = [
        ("int", "integer"), ("int4", "integer"), ("integer", "integer"), ("INTEGER", "integer"),
        ("Integer", "integer"), ("pg_catalog.int4", "integer"), ("\"int4\"", "integer"),
        ("int2", "smallint"), ("smallint", "smallint"), ("int8", "bigint"), ("bigint", "bigint"),
        ("bool", "boolean"), ("boolean", "boolean"),
        ("varchar", "character varying"), ("character varying", "character varying"),
        ("varchar(255)", "character varying(255)"), ("VARCHAR( 255 )", "character varying(255)"),
        ("character varying(10)", "character varying(10)"), ("char varying(3)", "character varying(3)"),
        ("\"varchar\"(7)", "character varying(7)"),
        ("char", "character(1)"), ("character", "character(1)"), ("char(5)", "character(5)"),
        ("bpchar", "bpchar"), ("bpchar(5)", "character(5)"), ("\"char\"", "\"char\""),
        ("text", "text"),
        ("timestamp", "timestamp without time zone"), ("timestamp without time zone", "timestamp without time zone"),
        ("timestamptz", "timestamp with time zone"), ("timestamp with time zone", "timestamp with time zone"),
        ("timestamp (3)", "timestamp(3) without time zone"), ("timestamp(3)", "timestamp(3) without time zone"),
        ("timestamp(3) with time zone", "timestamp(3) with time zone"), ("timestamptz(6)", "timestamp(6) with time zone"),
        ("TIMESTAMP (3) WITH TIME ZONE", "timestamp(3) with time zone"),
        ("time", "time without time zone"), ("timetz", "time with time zone"),
        ("time(2) with time zone", "time(2) with time zone"),
        ("numeric", "numeric"), ("numeric(10,2)", "numeric(10,2)"), ("numeric(10, 2)", "numeric(10,2)"),
        ("decimal(5)", "numeric(5,0)"), ("dec(4,1)", "numeric(4,1)"), ("decimal", "numeric"),
        ("float", "double precision"), ("float8", "double precision"), ("double precision", "double precision"),
        ("float4", "real"), ("real", "real"), ("float(24)", "real"), ("float(1)", "real"),
        ("float(25)", "double precision"), ("float(53)", "double precision"),
        ("text[]", "text[]"), ("int[3]", "integer[]"), ("integer ARRAY", "integer[]"), ("int ARRAY[4]", "integer[]"),
        ("_int4", "integer[]"), ("_text", "text[]"), ("varchar(20)[]", "character varying(20)[]"),
        ("numeric(10,2)[]", "numeric(10,2)[]"), ("double precision[]", "double precision[]"),
        ("int[][]", "integer[][]"),
        ("interval", "interval"), ("interval day to second", "interval day to second"),
        ("interval(3)", "interval(3)"), ("INTERVAL HOUR", "interval hour"), ("interval year to month", "interval year to month"),
        ("bit", "bit(1)"), ("bit(3)", "bit(3)"), ("varbit", "bit varying"), ("bit varying(5)", "bit varying(5)"),
        ("jsonb", "jsonb"), ("json", "json"), ("uuid", "uuid"), ("inet", "inet"), ("bytea", "bytea"),
        ("money", "money"), ("xml", "xml"), ("tsvector", "tsvector"), ("oid", "oid"), ("citext", "citext"),
        ("vector(1536)", "vector(1536)"), ("geometry(Point,4326)", "geometry(point,4326)"),
        ("geometry(Point, 4326)", "geometry(point,4326)"),
        ("mood", "mood"), ("mood[]", "mood[]"), ("MyType", "mytype"), ("\"MyType\"", "\"MyType\""),
        ("some   unknown  Type", "some unknown type"), ("", ""),
    ]

    @Test(arguments: rows)
    func canonicalSpelling(_ spelling: String, _ expected: String) {
        #expect(TypeCanonicalizer.canonicalize(spelling).description == expected)
    }

    static let serials: [(String, String)] = [
        ("serial", "integer"), ("serial4", "integer"), ("SERIAL", "integer"),
        ("bigserial", "bigint"), ("serial8", "bigint"), ("smallserial", "smallint"), ("serial2", "smallint"),
    ]

    @Test(arguments: serials)
    func serialFamily(_ spelling: String, _ expected: String) {
        let result = TypeCanonicalizer.parse(spelling)
        #expect(result.isSerial)
        #expect(result.type.description == expected)
    }

    @Test(arguments: ["integer", "int4", "varchar(3)", "text[]"])
    func nonSerial(_ spelling: String) {
        #expect(!TypeCanonicalizer.parse(spelling).isSerial)
    }

    /// Spellings that must not be merged.
    static let different: [(String, String)] = [
        ("varchar", "text"), ("varchar(255)", "varchar(256)"), ("varchar", "varchar(255)"),
        ("char", "\"char\""), ("char", "char(2)"), ("timestamp", "timestamptz"), ("timestamp(3)", "timestamp"),
        ("time", "timetz"), ("numeric(10,2)", "numeric(10,3)"), ("numeric", "numeric(10,2)"),
        ("float4", "float8"), ("json", "jsonb"), ("int", "bigint"), ("int[]", "int"), ("int[]", "int[][]"),
        ("interval", "interval day"), ("bit", "varbit"), ("vector(3)", "vector(4)"), ("mood", "\"Mood\""),
    ]

    @Test(arguments: different)
    func differentTypesStayDifferent(_ a: String, _ b: String) {
        #expect(TypeCanonicalizer.canonicalize(a) != TypeCanonicalizer.canonicalize(b))
    }

    @Test func structuredValues() {
        #expect(TypeCanonicalizer.canonicalize("varchar(255)") == .varchar(255))
        #expect(TypeCanonicalizer.canonicalize("char") == .char())
        #expect(TypeCanonicalizer.canonicalize("numeric(10, 2)") == .numeric(precision: 10, scale: 2))
        #expect(TypeCanonicalizer.canonicalize("_int4") == SQLType.integer.arrayOf)
        #expect(TypeCanonicalizer.canonicalize("timestamp (3)") == SQLType("timestamp without time zone", modifiers: ["3"]))
    }
}
