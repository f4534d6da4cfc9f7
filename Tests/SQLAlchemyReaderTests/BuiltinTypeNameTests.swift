import SchemaModel
import Testing

@testable import SQLAlchemyReader

/// `x = Column(sa.<spelling>)` in a table `t`: the column and the messages.
private func column(_ typeExpression: String) -> (Column?, [String]) {
    let result = Read.source("""
        import sqlalchemy as sa
        from sqlalchemy.orm import declarative_base
        Base = declarative_base()
        class T(Base):
            __tablename__ = "t"
            id = sa.Column(sa.Integer, primary_key=True)
            x = sa.Column(\(typeExpression))
        """)
    return (result.table("t")?.col("x"), result.messages)
}

/// The built-in type names are found through ``BuiltinTypeName/bySpelling``: every spelling the
/// reader knows, including those the generic type tests do not write.
@Suite struct BuiltinTypeNameTests {
    @Test(arguments: [
        ("sa.INT", SQLType.integer), ("sa.INTEGER", .integer), ("sa.SMALLINT", .smallint), ("sa.BIGINT", .bigint),
        ("sa.NVARCHAR(4)", .varchar(4)), ("sa.AutoString", .varchar()), ("sa.NCHAR", .char(1)), ("sa.TEXT", .text),
        ("sa.BOOLEAN", .boolean), ("sa.FLOAT(30)", .doublePrecision), ("sa.DOUBLE", .doublePrecision),
        ("sa.DOUBLE_PRECISION", .doublePrecision), ("sa.NUMERIC(7, 3)", .numeric(precision: 7, scale: 3)),
        ("sa.DATETIME", .timestamp), ("sa.DATE", .date), ("sa.TIME(True)", .timeWithTimeZone), ("sa.INTERVAL", .interval),
        ("sa.BLOB", .bytea), ("sa.BINARY", .bytea), ("sa.VARBINARY", .bytea), ("sa.PickleType", .bytea), ("sa.GUID", .uuid),
        ("sa.MACADDR", SQLType("macaddr")), ("sa.MACADDR8", SQLType("macaddr8")), ("sa.TSQUERY", SQLType("tsquery")),
        ("sa.MONEY", SQLType("money")), ("sa.OID", SQLType("oid")), ("sa.HSTORE", SQLType("hstore")), ("sa.CITEXT", SQLType("citext")),
        ("sa.BIT(3)", SQLType("bit", modifiers: ["3"])), ("sa.BIT", SQLType("bit", modifiers: ["1"])),
        ("sa.INT4RANGE", SQLType("int4range")), ("sa.TSTZRANGE", SQLType("tstzrange")), ("sa.DATERANGE", SQLType("daterange")),
        ("sa.VECTOR(3)", SQLType("vector", modifiers: ["3"])), ("sa.Vector", SQLType("vector")),
        ("sa.ARRAY(sa.TEXT)", SQLType.text.arrayOf),
    ])
    func everySpelling(expression: String, expected: SQLType) {
        let (column, messages) = column(expression)
        #expect(column?.type == expected)
        #expect(column?.notStated.isEmpty == true)
        #expect(messages.isEmpty)
    }

    @Test func enumSpellingsMakeTheEnumType() {
        for spelling in ["Enum", "ENUM"] {
            let (column, messages) = column("sa.\(spelling)('a', 'b', name='ab')")
            #expect(column?.type == SQLType("public.ab"))
            #expect(messages.isEmpty)
        }
    }

    @Test(arguments: ["sa.integer", "sa.Enum2", "sa.Strings", "sa.uuid"])
    func otherSpellingsAreUnknownTypes(expression: String) {
        let (column, messages) = column(expression)
        #expect(column?.notStated.contains(.columnType) == true)
        #expect(messages.contains { $0.contains("unknown column type") })
    }

    @Test func eachSpellingIsListedOnce() {
        // The table is built with a precondition against duplicates; this pins its size, so a
        // spelling dropped while editing the list fails here.
        #expect(BuiltinTypeName.bySpelling.count == 70)
        #expect(BuiltinTypeName.bySpelling["Enum"] == .enumeration)
        #expect(BuiltinTypeName.bySpelling["enum"] == nil)
    }
}
