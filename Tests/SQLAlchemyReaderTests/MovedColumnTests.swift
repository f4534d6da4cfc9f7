import SchemaModel
import SourceScanning
import Testing

@testable import SQLAlchemyReader

/// A mapped class's own columns are moved into its table instead of copied (``BuilderCache/takeColumns(_:)``).
/// Every way the same list can be asked for again must still see exactly the class's own columns:
/// a second mapped base, a single-table subclass, a second class for the same table, duplicate
/// attributes, a class without columns. The expected tables are those the copying reader produced.
@Suite struct MovedColumnTests {
    private static let imports = """
        from sqlalchemy import Column, Integer, String, ForeignKey, Text
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

        """

    private static let base = """
        class Base(DeclarativeBase):
            pass


        class StampMixin:
            created: Mapped[int] = mapped_column(Integer)
            note: Mapped[str] = mapped_column(String(10))

        """

    private static let models = """
        class A(Base):
            __tablename__ = "a"
            id: Mapped[int] = mapped_column(primary_key=True)
            a_only: Mapped[str] = mapped_column(String(5))


        class B(StampMixin, Base):
            __tablename__ = "b"
            id: Mapped[int] = mapped_column(primary_key=True)
            b_only: Mapped[str] = mapped_column(Text)
            note: Mapped[str] = mapped_column(Text)


        class C(A, B):
            __tablename__ = "c"
            id: Mapped[int] = mapped_column(ForeignKey("a.id"), primary_key=True)
            c_only: Mapped[int] = mapped_column(Integer)


        class D(B):
            d_only: Mapped[int] = mapped_column(Integer, nullable=True)


        class Twice(Base):
            __tablename__ = "twice"
            id = Column(Integer, primary_key=True)
            x = Column(Integer)
            x = Column(String(3))


        class Again(StampMixin, Base):
            __tablename__ = "b"
            again: Mapped[int] = mapped_column(Integer)
            b_only: Mapped[int] = mapped_column(Integer)


        class E(A, Again):
            __tablename__ = "e"
            id: Mapped[int] = mapped_column(ForeignKey("a.id"), primary_key=True)


        class Empty(Base):
            __tablename__ = "empty"


        class F(A, Empty):
            __tablename__ = "f"
            id: Mapped[int] = mapped_column(ForeignKey("a.id"), primary_key=True)


        class G(A, D):
            __tablename__ = "g"
            id: Mapped[int] = mapped_column(ForeignKey("a.id"), primary_key=True)

        """

    /// Table name -> its columns as `name type` in table order.
    private static let expected: [(String, [String])] = [
        ("a", ["id integer", "a_only character varying(5)"]),
        // B's own columns (its `note` over the mixin's), the mixin's, then the single-table
        // subclass D's and the second class Again's.
        ("b", ["id integer", "b_only text", "note text", "created integer", "d_only integer", "again integer"]),
        // A second mapped base: B's own columns as B declared them, then the mixin's.
        ("c", ["id integer", "c_only integer", "b_only text", "note text", "created integer"]),
        // Again's columns, though its table merged into b's.
        ("e", ["id integer", "again integer", "b_only integer", "created integer", "note character varying(10)"]),
        ("empty", []),
        ("f", ["id integer"]),
        // D's own columns (single-table, so never moved) and then B's moved ones.
        ("g", ["id integer", "d_only integer", "b_only text", "note text", "created integer"]),
        // Duplicate attributes: the first one wins, as before.
        ("twice", ["id integer", "x integer"]),
    ]

    private static func check(_ result: ReadResult) {
        for (name, columns) in expected {
            let table = result.table(name)
            #expect(table != nil, "table \(name)")
            #expect(table?.columns.map { "\($0.name) \($0.type)" } == columns, "table \(name)")
        }
        #expect(result.catalog.tableCount == expected.count)
        #expect(result.diagnostics.map(\.message) == ["table 'b' is mapped by more than one class"])
    }

    @Test func oneModule() {
        Self.check(Read.source(Self.imports + Self.base + "\n\n" + Self.models))
    }

    /// Two modules: the classes' columns are prepared ahead on other threads, then moved.
    @Test func preparedModules() {
        let files = [
            "pkg/__init__.py": "",
            "pkg/base.py": Self.imports + Self.base,
            "pkg/models.py": Self.imports + "from .base import Base, StampMixin\n\n\n" + Self.models,
        ]
        Self.check(Read.files(files, paths: ["pkg"]))
    }
}
