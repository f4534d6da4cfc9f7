import SchemaModel
import SourceScanning
import Testing

@testable import SQLAlchemyReader

private let header = """
    from sqlalchemy import CheckConstraint, Column, DDL, Enum, ForeignKey, ForeignKeyConstraint, Index, Integer, String, Table, event
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
    class Base(DeclarativeBase):
        pass

    """

/// Each construct the reader cannot follow, and each kind of broken source, reports its diagnostics
/// (and only those) at the exact `path:line:col` of the expression at fault (line 5 is the first
/// after the shared header).
@Suite struct DiagnosticLocationTests {
    @Test(arguments: [
        (
            "x = 1 \\ 2\n",
            ["models.py:5:7: error: unexpected character '\\'", "models.py:5:9: error: syntax error: unexpected '2'"]
        ),
        (
            "class T(Base):\n    __tablename__ = \"t\"\n    id = Column(Integer, primary_key=True)\n    __table_args__ = (CheckConstraint(expr),)\n",
            ["models.py:8:23: warning: cannot read CheckConstraint expression statically"]
        ),
        (
            "class T(Base):\n    __tablename__ = \"t\"\n    id = Column(Integer, primary_key=True)\n    kind = Column(Enum(\"a\", \"b\"))\n",
            ["models.py:8:19: warning: enum type has no name; SQLAlchemy cannot create it on PostgreSQL"]
        ),
        (
            "class T(Base):\n    __tablename__ = \"t\"\n    id = Column(Integer, primary_key=True)\n    other = Column(Integer, ForeignKey(target_var))\n",
            ["models.py:8:40: warning: cannot resolve foreign key target"]
        ),
        (
            "class T(Base):\n    __tablename__ = \"t\"\n    id = Column(Integer, primary_key=True)\n    __table_args__ = (ForeignKeyConstraint(cols, refs),)\n",
            ["models.py:8:23: warning: cannot read ForeignKeyConstraint statically"]
        ),
        (
            "class T(Base):\n    __tablename__ = \"t\"\n    id = Column(Integer, primary_key=True)\n    __table_args__ = (Index(\"ix_t\", key_of(1)),)\n",
            ["models.py:8:37: warning: cannot read index key statically"]
        ),
        (
            "Index(\"ix_x\", some_thing)\n",
            ["models.py:5:1: warning: cannot tell which table this Index belongs to"]
        ),
        (
            "class T(Base):\n    __tablename__ = \"t\"\n    id = Column(Integer, primary_key=True)\n@event.listens_for(T.__table__, \"after_create\")\ndef f(target, connection, **kw):\n    connection.execute(build())\n",
            ["models.py:8:2: warning: DDL listener 'f' builds its SQL at run time; its effect is not audited"]
        ),
        (
            "class T(Base):\n    __tablename__ = \"t\"\n    id = Column(Integer, primary_key=True)\nclass U(Base):\n    __tablename__ = \"t\"\n    id = Column(Integer, primary_key=True)\n",
            ["models.py:8:1: warning: table 't' is mapped by more than one class"]
        ),
        (
            "class T(Base):\nx = 1\n",
            ["models.py:5:1: warning: class 'T' has no __tablename__", "models.py:6:1: error: syntax error: expected an indented block"]
        ),
        (
            "class T(Base):\n    id = Column(Integer, primary_key=True)\n",
            ["models.py:5:1: warning: class 'T' has no __tablename__"]
        ),
        (
            "class T(Base):\n    __tablename__ = \"t\"\n    id = Column(Integer, primary_key=True)\n    x = Column(nullable=True)\n",
            ["models.py:8:9: warning: column 'x' has no type"]
        ),
        (
            "t = Table(name_var, Base.metadata, Column(\"id\", Integer, primary_key=True))\n",
            ["models.py:5:5: warning: cannot read the table name statically"]
        ),
        (
            "class T(Base):\n    __tablename__ = \"t\"\n    id = Column(Integer, primary_key=True)\n    __table_args__ = (Whatever(\"x\"),)\n",
            ["models.py:8:23: warning: unsupported table argument 'Whatever'"]
        ),
        (
            "class T(Base):\n    __tablename__ = \"t\"\n    id = Column(Integer, primary_key=True)\n    __table_args__ = (some_constraint,)\n",
            ["models.py:8:23: warning: cannot read table argument statically"]
        ),
        (
            "class T(Base):\n    __tablename__ = \"t\"\n    id = Column(Integer, primary_key=True)\n    __table_args__ = make_args()\n",
            ["models.py:8:22: warning: cannot read __table_args__ statically"]
        ),
        (
            "x = (1,\n",
            ["models.py:5:5: error: unclosed bracket at end of file", "models.py:6:1: error: syntax error: expected a closing bracket"]
        ),
        (
            "class T(Base):\n    __tablename__ = \"t\"\n    id = Column(Integer, primary_key=True)\n    x = Column(Weird(3))\n",
            ["models.py:8:16: warning: unknown column type 'Weird'"]
        ),
        (
            "x = 1)\n",
            ["models.py:5:6: error: unmatched ')'", "models.py:5:6: error: syntax error: unexpected ')'"]
        ),
    ])
    func diagnosticAtItsExactLocation(source: String, expected: [String]) {
        let result = Read.source(header + source)
        #expect(result.messages == expected)
    }
}
