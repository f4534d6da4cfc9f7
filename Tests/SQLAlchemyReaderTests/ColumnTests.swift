import SchemaModel
import Testing

@testable import SQLAlchemyReader

private let header = """
    import uuid
    from datetime import date, datetime, time, timedelta
    from decimal import Decimal
    from typing import Optional, Union, Any
    import sqlalchemy as sa
    from sqlalchemy import Column, Computed, ForeignKey, Identity, Integer, String, func, text
    from sqlalchemy.dialects.postgresql import JSONB
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

    class Base(DeclarativeBase):
        type_annotation_map = {dict: JSONB, datetime: sa.DateTime(timezone=True)}

    """

/// Reads `header` + a model `t` whose body is `body` (indented by the caller).
private func model(_ body: String) -> ReadResult {
    Read.source(header + "class T(Base):\n    __tablename__ = \"t\"\n" + body)
}

@Suite struct ColumnTests {
    @Test(arguments: [
        ("int", SQLType.integer), ("str", .varchar()), ("bool", .boolean), ("float", .doublePrecision), ("Decimal", .numeric),
        ("datetime", .timestampWithTimeZone), ("date", .date), ("time", .time), ("timedelta", .interval), ("uuid.UUID", .uuid),
        ("bytes", .bytea), ("dict", .jsonb),
    ])
    func mappedAnnotationTypes(annotation: String, expected: SQLType) {
        let result = model("    id: Mapped[int] = mapped_column(primary_key=True)\n    x: Mapped[\(annotation)]\n")
        #expect(result.table("t")?.col("x")?.type == expected)
        #expect(result.table("t")?.col("x")?.isNullable == false)
        #expect(result.table("t")?.col("x")?.provenance.location == loc(15, 5))
        #expect(result.diagnostics.isEmpty)
    }

    @Test(arguments: [
        ("Mapped[Optional[str]]", true), ("Mapped[str | None]", true), ("Mapped[None | str]", true), ("Mapped[Union[str, None]]", true),
        ("Mapped[str]", false), ("Mapped[\"str\"]", false),
    ])
    func nullabilityFollowsTheAnnotation(annotation: String, nullable: Bool) {
        let result = model("    id: Mapped[int] = mapped_column(primary_key=True)\n    x: \(annotation) = mapped_column(String(5))\n")
        #expect(result.table("t")?.col("x")?.isNullable == nullable)
    }

    @Test func explicitNullableWinsAndColumnIsNullableUnlessPrimaryKey() {
        let result = model("""
                id = Column(Integer, primary_key=True)
                a: Mapped[Optional[int]] = mapped_column(nullable=False)
                b: Mapped[int] = mapped_column(nullable=True)
                c = Column(Integer)
                d = Column(Integer, nullable=False)
                e = mapped_column(Integer)

            """)
        let t = result.table("t")
        #expect(t?.columns.map(\.isNullable) == [false, false, true, true, false, true])
    }

    @Test func explicitNamesAndLocations() {
        let result = model("""
                id = Column("user_id", Integer, primary_key=True)
                full: Mapped[str] = mapped_column("full_name", String(100))
                other = Column(String(5), name="renamed")

            """)
        let t = result.table("t")
        #expect(t?.columns.map(\.name) == ["user_id", "full_name", "renamed"])
        #expect(t?.columns.map { $0.provenance.location } == [loc(14, 10), loc(15, 25), loc(16, 13)])
        #expect(t?.primaryKey == PrimaryKey(name: "t_pkey", columns: ["user_id"], provenance: .init(source: .sqlalchemy, location: loc(14, 10))))
    }

    @Test func serialForASingleIntegerPrimaryKeyOnly() {
        let result = Read.source(header + """
            class A(Base):
                __tablename__ = "a"
                id: Mapped[int] = mapped_column(sa.BigInteger, primary_key=True)
            class B(Base):
                __tablename__ = "b"
                id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
            class C(Base):
                __tablename__ = "c"
                x: Mapped[int] = mapped_column(primary_key=True)
                y: Mapped[int] = mapped_column(primary_key=True)
            class D(Base):
                __tablename__ = "d"
                id: Mapped[str] = mapped_column(String(10), primary_key=True)
            class E(Base):
                __tablename__ = "a_table_name_that_is_quite_long_for_postgresql_identifiers_ok"
                identifier: Mapped[int] = mapped_column(primary_key=True)
            """)
        #expect(result.table("a")?.col("id")?.type == .bigint)
        #expect(result.table("a")?.col("id")?.defaultExpression == "nextval('a_id_seq'::regclass)")
        #expect(result.table("b")?.col("id")?.defaultExpression == nil)
        #expect(result.table("c")?.col("x")?.defaultExpression == nil)
        #expect(result.table("c")?.primaryKey?.columns == ["x", "y"])
        #expect(result.table("d")?.col("id")?.defaultExpression == nil)
        #expect(result.table("a_table_name_that_is_quite_long_for_postgresql_identifiers_ok")?.col("identifier")?.defaultExpression
            == "nextval('a_table_name_that_is_quite_long_for_postgresql_i_identifier_seq'::regclass)")
    }

    @Test func identityAndComputedColumns() {
        let result = model("""
                id: Mapped[int] = mapped_column(Identity(always=True, start=10, increment=5), primary_key=True)
                total = Column(Integer, Computed("price * qty", persisted=True))

            """)
        let t = result.table("t")
        #expect(t?.col("id")?.identity == Identity(generation: .always, start: 10, increment: 5))
        #expect(t?.col("id")?.defaultExpression == nil)
        #expect(t?.col("total")?.generatedExpression == "price * qty")
    }

    @Test(arguments: [
        ("text(\"0\")", "0"), ("sa.text(\"'[]'::jsonb\")", "'[]'::jsonb"), ("func.now()", "now()"), ("sa.func.now()", "now()"),
        ("func.gen_random_uuid()", "gen_random_uuid()"), ("func.current_timestamp()", "CURRENT_TIMESTAMP"), ("sa.true()", "true"),
        ("sa.false()", "false"), ("\"user\"", "'user'"), ("\"it's\"", "'it''s'"), ("func.coalesce(text(\"1\"), 2)", "coalesce(1, 2)"),
    ])
    func serverDefaults(expression: String, expected: String) {
        let result = model("    id = Column(Integer, primary_key=True)\n    x = Column(Integer, server_default=\(expression))\n")
        #expect(result.table("t")?.col("x")?.defaultExpression == expected)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func unreadableServerDefaultIsNotStated() {
        let result = model("    id = Column(Integer, primary_key=True)\n    x = Column(Integer, server_default=compute())\n")
        #expect(result.table("t")?.col("x")?.notStated == [.columnDefault])
        #expect(result.messages == ["models.py:15:40: warning: server_default cannot be read statically"])
    }

    @Test func clientDefaultsAreRecordedAsWritten() {
        let result = model("""
                id = Column(Integer, primary_key=True)
                a = Column(Integer, default=0)
                b = Column(sa.DateTime, default=datetime.utcnow, onupdate=datetime.utcnow)

            """)
        #expect(result.table("t")?.col("a")?.clientDefault == "default=0")
        #expect(result.table("t")?.col("b")?.clientDefault == "default=datetime.utcnow, onupdate=datetime.utcnow")
        #expect(result.table("t")?.col("b")?.defaultExpression == nil)
    }

    @Test func uniqueIndexAndTheirGeneratedNames() {
        let result = model("""
                id = Column(Integer, primary_key=True)
                a = Column(Integer, unique=True)
                b = Column(Integer, index=True)
                c = Column(Integer, index=True, unique=True)

            """)
        let t = result.table("t")
        #expect(t?.uniqueConstraints.map(\.name) == ["t_a_key"])
        #expect(t?.indexes.map(\.name) == ["ix_t_b", "ix_t_c"])
        #expect(t?.indexes.map(\.isUnique) == [false, true])
    }

    @Test func foreignKeysWithActionsNamesSchemasAndModelReferences() {
        let result = Read.source(header + """
            class P(Base):
                __tablename__ = "p"
                id: Mapped[int] = mapped_column(primary_key=True)
            class C(Base):
                __tablename__ = "c"
                id: Mapped[int] = mapped_column(primary_key=True)
                p_id: Mapped[int] = mapped_column(ForeignKey("p.id", ondelete="CASCADE", onupdate="SET NULL", name="c_to_p"))
                q_id = Column(ForeignKey(P.id))
                u_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("auth.users.id"))
            """)
        let fks = result.table("c")?.foreignKeys ?? []
        #expect(fks.map(\.name) == ["c_q_id_fkey", "c_to_p", "c_u_id_fkey"])
        #expect(fks.map(\.referencedTable.description) == ["public.p", "public.p", "auth.users"])
        #expect(fks[1].onDelete == .cascade && fks[1].onUpdate == .setNull)
        #expect(fks[1].provenance.location == loc(18, 39))
        // A column without a type takes the referenced column's type.
        #expect(result.table("c")?.col("q_id")?.type == .integer)
    }

    @Test func commentsAndRelationshipsAndPropertiesAreIgnored() {
        let result = model("""
                id = Column(Integer, primary_key=True, comment="the key")
                children: Mapped[list["T"]] = relationship()
                parent: Mapped["T"] = relationship(back_populates="children")
                @property
                def label(self):
                    return self.id

            """)
        #expect(result.table("t")?.columns.map(\.name) == ["id"])
        #expect(result.table("t")?.col("id")?.comment == "the key")
        #expect(result.diagnostics.isEmpty)
    }

    @Test func annotationWithoutMappingIsDiagnosed() {
        let result = model("    id: Mapped[int] = mapped_column(primary_key=True)\n    data: Mapped[list]\n")
        #expect(result.table("t")?.col("data")?.notStated == [.columnType])
        #expect(result.messages == ["models.py:15:18: warning: no SQL type for annotation 'list'; map it in type_annotation_map or give mapped_column a type"])
    }
}

@Suite struct AnnotatedAliasTests {
    @Test func annotatedAliasesCarryTheirMappedColumnArguments() {
        let result = Read.source("""
            from typing import Annotated, Optional
            from sqlalchemy import String
            from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
            intpk = Annotated[int, mapped_column(primary_key=True)]
            str30 = Annotated[str, mapped_column(String(30))]
            class Base(DeclarativeBase):
                pass
            class T(Base):
                __tablename__ = "t"
                id: Mapped[intpk]
                name: Mapped[str30] = mapped_column(unique=True)
                nick: Mapped[Optional[str30]]
            """)
        let t = result.table("t")
        #expect(t?.col("id")?.defaultExpression == "nextval('t_id_seq'::regclass)")
        #expect(t?.primaryKey?.columns == ["id"])
        #expect(t?.col("name")?.type == .varchar(30))
        #expect(t?.col("name")?.isNullable == false)
        #expect(t?.uniqueConstraints.map(\.name) == ["t_name_key"])
        #expect(t?.col("nick")?.isNullable == true)
        #expect(t?.col("nick")?.provenance.location == loc(12, 5))
        #expect(result.diagnostics.isEmpty)
    }

    @Test func sqlModelSaTypeAndPlainImportOfASiblingModule() {
        let result = Read.files([
            "app/mixins.py": "from sqlalchemy import Column, Integer\nclass Versioned:\n    version = Column(Integer, nullable=False)\n",
            "app/models.py": """
                import mixins
                from sqlalchemy.dialects.postgresql import JSONB
                from sqlalchemy.orm import declarative_base
                from sqlmodel import Field, SQLModel
                from sqlalchemy import Column, Integer
                Base = declarative_base()
                class A(mixins.Versioned, Base):
                    __tablename__ = "a"
                    id = Column(Integer, primary_key=True)
                class Event(SQLModel, table=True):
                    id: int | None = Field(default=None, primary_key=True)
                    payload: dict = Field(sa_type=JSONB)
                """,
        ], paths: ["app/models.py"])
        #expect(result.table("a")?.columns.map(\.name) == ["id", "version"])
        #expect(result.table("event")?.col("payload")?.type == .jsonb)
        #expect(result.table("event")?.col("payload")?.isNullable == false)
        #expect(result.diagnostics.isEmpty)
    }
}
