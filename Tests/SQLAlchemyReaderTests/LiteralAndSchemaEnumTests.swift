import SchemaModel
import Testing

@testable import SQLAlchemyReader

/// `Mapped[Literal[...]]` and `Enum(..., inherit_schema=True)`, as SQLAlchemy 2.0's `create_all()`
/// emits them for PostgreSQL: a string `Literal` is VARCHAR as long as its longest label (no CHECK),
/// and an enum that inherits its schema is created in its table's schema, while other enums stay in
/// the default one even when the MetaData names a schema.
@Suite struct LiteralAndSchemaEnumTests {
    static let models = """
        import enum
        from typing import Literal, Optional
        from sqlalchemy import Enum, MetaData
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

        class Base(DeclarativeBase):
            metadata = MetaData(schema="app")

        class Color(enum.Enum):
            red = 1
            green = 2

        class T(Base):
            __tablename__ = "t"
            id: Mapped[int] = mapped_column(primary_key=True)
            status: Mapped[Literal["draft", "live"]]
            maybe: Mapped[Optional[Literal["x", "y"]]]
            wide: Mapped[Literal["éé", "abc"]]
            color: Mapped[Color]
            e: Mapped[str] = mapped_column(Enum("p", "q", name="pq", inherit_schema=True))
            f: Mapped[str] = mapped_column(Enum("r", "s", name="rs"))

        """

    let result = Read.source(LiteralAndSchemaEnumTests.models)

    @Test func readsWithoutDiagnostics() {
        #expect(result.messages == [])
    }

    @Test func aStringLiteralIsVarcharOfTheLongestLabel() {
        let t = result.table("t", schema: "app")
        #expect(t?.col("status")?.type == .varchar(5))
        #expect(t?.col("status")?.isNullable == false)
        #expect(t?.col("maybe")?.type == .varchar(1))
        #expect(t?.col("maybe")?.isNullable == true)
        // Python's len() counts code points: "éé" is 2 (4 bytes), "abc" 3.
        #expect(t?.col("wide")?.type == .varchar(3))
        #expect(t?.checks.isEmpty == true)
    }

    @Test func anEnumInheritingItsSchemaIsInTheTablesSchema() {
        let t = result.table("t", schema: "app")
        #expect(t?.col("e")?.type == SQLType("app.pq"))
        #expect(t?.col("f")?.type == SQLType("public.rs"))
        #expect(t?.col("color")?.type == SQLType("public.color"))
        #expect(result.catalog.schema(named: "app")?.enums.map(\.name) == ["pq"])
        #expect(result.catalog.schema(named: "public")?.enums.map(\.name) == ["color", "rs"])
    }

    @Test func aLiteralOfNumbersIsNotRead() {
        let source = """
            from typing import Literal
            from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
            class Base(DeclarativeBase):
                pass
            class T(Base):
                __tablename__ = "t"
                id: Mapped[int] = mapped_column(primary_key=True)
                n: Mapped[Literal[1, 2]]
            """
        let read = Read.source(source)
        #expect(read.table("t")?.col("n")?.notStated.contains(.columnType) == true)
        #expect(read.messages.count == 1)
    }
}
