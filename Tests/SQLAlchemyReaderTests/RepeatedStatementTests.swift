import SchemaModel
import SourceScanning
import Testing

@testable import SQLAlchemyReader

private let header = """
    import enum
    from sqlalchemy import CheckConstraint, Column, Enum, ForeignKey, Integer, String, Table, MetaData
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
    class Base(DeclarativeBase):
        pass

    """

/// Column statements with the same text are evaluated once per module and base (``StatementMemo``);
/// every copy must still come out exactly as if evaluated on its own: its own locations, its own
/// warnings, and no reuse where the result depends on more than the text.
@Suite struct RepeatedStatementTests {
    @Test func repeatedColumnsKeepTheirOwnLocations() {
        let result = Read.source(header + """
            class A(Base):
                __tablename__ = "a"
                id = Column(Integer, primary_key=True)
                kind = Column(Enum("x", "y", name="kind"), CheckConstraint("kind <> 'z'", name="ck_kind"))
                owner_id = Column(Integer, ForeignKey("a.id"))

            class B(Base):
                __tablename__ = "b"
                  # a comment shifts nothing but the line
                id = Column(Integer, primary_key=True)
                kind = Column(Enum("x", "y", name="kind"), CheckConstraint("kind <> 'z'", name="ck_kind"))
                owner_id = Column(Integer, ForeignKey("a.id"))

            """)
        #expect(result.diagnostics.isEmpty)
        let a = result.table("a"), b = result.table("b")
        #expect(a?.col("id")?.provenance.location == loc(8, 10))
        #expect(b?.col("id")?.provenance.location == loc(15, 10))
        #expect(a?.col("kind")?.provenance.location == loc(9, 12))
        #expect(b?.col("kind")?.provenance.location == loc(16, 12))
        #expect(a?.checks.first?.provenance.location == loc(9, 48))
        #expect(b?.checks.first?.provenance.location == loc(16, 48))
        #expect(a?.foreignKeys.first?.provenance.location == loc(10, 32))
        #expect(b?.foreignKeys.first?.provenance.location == loc(17, 32))
        #expect(b?.foreignKeys.first?.name == "b_owner_id_fkey")
        #expect(a?.col("id")?.defaultExpression == "nextval('a_id_seq'::regclass)")
        #expect(b?.col("id")?.defaultExpression == "nextval('b_id_seq'::regclass)")
        // The enum is created once, where the first column states it.
        #expect(result.catalog.schemas.first?.enums.first?.provenance.location == loc(9, 19))
    }

    @Test func eachRepeatedStatementWarnsAtItsOwnPlace() {
        let result = Read.source(header + """
            class A(Base):
                __tablename__ = "a"
                id = Column(Integer, primary_key=True)
                blob = Column(Mystery)

            class B(Base):
                __tablename__ = "b"
                id = Column(Integer, primary_key=True)
                blob = Column(Mystery)

            """)
        #expect(result.messages == [
            "models.py:9:19: warning: unknown column type 'Mystery'",
            "models.py:14:19: warning: unknown column type 'Mystery'",
        ])
    }

    @Test func statementEndsAreFoundOnlyForPlainLines() {
        func end(_ text: String) -> Int? {
            StatementMemo.statementEnd(in: Array(text.utf8), from: 0)?.end
        }
        #expect(end("x = f(1,\n  2)\ny = 3\n") == 13)
        #expect(end("x = \"a)\" # (\ny = 1") == 12)
        #expect(end("x = 1; y = 2\n") == nil)
        #expect(end("x = '''doc'''\n") == nil)
        #expect(end("x = f(\n") == nil)
        #expect(end("x = 1 \\\n  + 2\n") == 13)
        #expect(end("x = 1") == 5)
    }

    @Test func repeatedStatementsInFilesWithSyntaxErrorsAreEvaluatedEachTime() {
        let result = Read.source(header + """
            class A(Base):
                __tablename__ = "a"
                id = Column(Integer, primary_key=True)
                n = Column(Integer)

            class B(Base):
                __tablename__ = "b"
                id = Column(Integer, primary_key=True)
                n = Column(Integer)
                oops = (

            """)
        #expect(result.hasErrors)
        #expect(result.table("a")?.col("n")?.provenance.location == loc(9, 9))
        #expect(result.table("b")?.col("n")?.provenance.location == loc(14, 9))
    }
}
