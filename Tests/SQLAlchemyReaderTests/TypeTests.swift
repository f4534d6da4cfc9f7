import SchemaModel
import Testing

@testable import SQLAlchemyReader

/// One column per case: `x = Column(<type>)` in a table `t`, with the imports models use.
private func columnType(_ typeExpression: String) -> (Column?, [String]) {
    let result = Read.source("""
        import enum
        import sqlalchemy as sa
        from sqlalchemy import *
        from sqlalchemy.dialects import postgresql as pg
        from sqlalchemy.dialects.postgresql import JSONB, UUID, ARRAY, INET, CIDR, TSVECTOR, ENUM, TIMESTAMP, BYTEA
        from sqlalchemy.orm import declarative_base
        Base = declarative_base()
        class Mood(enum.Enum):
            happy = "h"
            sad = "s"
        class T(Base):
            __tablename__ = "t"
            id = Column(Integer, primary_key=True)
            x = Column(\(typeExpression))
        """)
    return (result.table("t")?.col("x"), result.messages)
}

@Suite struct TypeTests {
    @Test(arguments: [
        ("Integer", SQLType.integer), ("sa.Integer()", .integer), ("SmallInteger", .smallint), ("BigInteger", .bigint),
        ("String(255)", .varchar(255)), ("String", .varchar()), ("sa.String(length=20)", .varchar(20)), ("Unicode(10)", .varchar(10)),
        ("VARCHAR(3)", .varchar(3)), ("CHAR(2)", .char(2)), ("Text", .text), ("UnicodeText", .text), ("Boolean", .boolean),
        ("Float", .doublePrecision), ("Float(precision=10)", .real), ("Double", .doublePrecision), ("REAL", .real),
        ("Numeric(10, 2)", .numeric(precision: 10, scale: 2)), ("Numeric", .numeric), ("DECIMAL(5)", .numeric(precision: 5)),
        ("DateTime", .timestamp), ("DateTime(timezone=True)", .timestampWithTimeZone), ("DateTime(True)", .timestampWithTimeZone),
        ("TIMESTAMP(timezone=True)", .timestampWithTimeZone), ("pg.TIMESTAMP(precision=3)", SQLType("timestamp without time zone", modifiers: ["3"])),
        ("Date", .date), ("Time", .time), ("Time(timezone=True)", .timeWithTimeZone), ("Interval", .interval),
        ("LargeBinary", .bytea), ("BYTEA", .bytea), ("JSON", .json), ("JSONB", .jsonb), ("pg.JSONB", .jsonb),
        ("UUID(as_uuid=True)", .uuid), ("Uuid", .uuid), ("pg.UUID", .uuid), ("INET", SQLType("inet")), ("CIDR", SQLType("cidr")),
        ("TSVECTOR", SQLType("tsvector")), ("ARRAY(Integer)", SQLType.integer.arrayOf), ("pg.ARRAY(String(5), dimensions=2)", SQLType("character varying", modifiers: ["5"], arrayDimensions: 2)),
        ("Integer().with_variant(BigInteger(), 'postgresql')", .bigint), ("JSON().with_variant(JSONB, 'postgresql')", .jsonb),
        ("String(5).with_variant(Text, 'sqlite')", .varchar(5)),
    ])
    func genericAndPostgresqlTypes(expression: String, expected: SQLType) {
        let (column, messages) = columnType(expression)
        #expect(column?.type == expected)
        #expect(column?.notStated.isEmpty == true)
        #expect(column?.rawType == expression)
        #expect(messages.isEmpty)
    }

    @Test func enumFromAPythonEnumClassUsesMemberNamesAndTheLowerCasedClassName() {
        let result = Read.source("""
            import enum
            from sqlalchemy import Column, Enum, Integer
            from sqlalchemy.orm import declarative_base
            Base = declarative_base()
            class Mood(enum.Enum):
                happy = "h"
                sad = "s"
            class T(Base):
                __tablename__ = "t"
                id = Column(Integer, primary_key=True)
                mood = Column(Enum(Mood))
                values = Column(Enum(Mood, name="mood_values", values_callable=lambda e: [m.value for m in e]))
                literal = Column(Enum("a", "b", name="letters", schema="app"))
            """)
        #expect(result.table("t")?.col("mood")?.type == SQLType("public.mood"))
        #expect(result.catalog.schema(named: "public")?.enumType(named: "mood")?.labels == ["happy", "sad"])
        #expect(result.catalog.schema(named: "public")?.enumType(named: "mood")?.provenance.location == loc(11, 19))
        #expect(result.catalog.schema(named: "public")?.enumType(named: "mood_values")?.labels == ["h", "s"])
        #expect(result.table("t")?.col("literal")?.type == SQLType("app.letters"))
        #expect(result.catalog.schema(named: "app")?.enumType(named: "letters")?.labels == ["a", "b"])
    }

    @Test func nonNativeEnumIsVarcharOfTheLongestLabelWithCheckOnlyWhenAsked() {
        let result = Read.source("""
            from sqlalchemy import Column, Enum, Integer
            from sqlalchemy.orm import declarative_base
            Base = declarative_base()
            class T(Base):
                __tablename__ = "t"
                id = Column(Integer, primary_key=True)
                plain = Column(Enum("on", "off", native_enum=False))
                checked = Column(Enum("open", "closed", name="state", native_enum=False, create_constraint=True))
            """)
        let t = result.table("t")
        #expect(t?.col("plain")?.type == .varchar(3))
        #expect(t?.col("checked")?.type == .varchar(6))
        #expect(t?.checks.map(\.name) == ["state"])
        #expect(t?.checks.first?.expression == "checked IN ('open', 'closed')")
        #expect(result.catalog.schemas.flatMap(\.enums).isEmpty)
    }

    @Test func typeDecoratorsUseTheirImplAndUserDefinedTypesTheirColSpec() {
        let result = Read.source("""
            from sqlalchemy import Column, Integer, Numeric, String
            from sqlalchemy.types import TypeDecorator, UserDefinedType
            from sqlalchemy.orm import declarative_base
            Base = declarative_base()
            class Money(TypeDecorator):
                impl = Numeric(12, 2)
                cache_ok = True
            class Slug(TypeDecorator):
                impl = String
            class Point(UserDefinedType):
                def get_col_spec(self, **kw):
                    return "POINT"
            Str50 = String(50)
            class T(Base):
                __tablename__ = "t"
                id = Column(Integer, primary_key=True)
                price = Column(Money)
                slug = Column(Slug())
                at = Column(Point)
                code = Column(Str50)
            """)
        let t = result.table("t")
        #expect(t?.col("price")?.type == .numeric(precision: 12, scale: 2))
        #expect(t?.col("slug")?.type == .varchar())
        #expect(t?.col("at")?.type == SQLType("point"))
        #expect(t?.col("code")?.type == .varchar(50))
        #expect(result.diagnostics.isEmpty)
    }

    @Test func unknownTypesWarnAndAreNotStated() {
        let (column, messages) = columnType("Geometry('POINT')")
        #expect(column?.notStated == [.columnType])
        #expect(messages == ["models.py:14:16: warning: unknown column type 'Geometry'"])
    }
}
