import SchemaModel
import SourceScanning
import Testing

@testable import SQLAlchemyReader

/// `__table_args__` read ahead on a preparation thread (``PreparedTableArgs``) must read exactly as
/// the sequential pass: a mixin's column can give an attribute key another column name than the
/// class's own columns did, and then the prepared reading is not used.
@Suite struct PreparedTableArgTests {
    private static let base = """
        from sqlalchemy import DateTime, Integer, String
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

        class Base(DeclarativeBase):
            pass

        class Stamped:
            created: Mapped[int] = mapped_column("created_on", DateTime)

        """

    private static let models = """
        from sqlalchemy import CheckConstraint, Index, Integer, String, UniqueConstraint
        from sqlalchemy.orm import Mapped, mapped_column
        from .base import Base, Stamped

        class Plain(Base):
            __tablename__ = "plain"
            __table_args__ = (UniqueConstraint("code"), Index("plain_label_idx", "label"), {"comment": "plain one", "schema": "s"})
            id: Mapped[int] = mapped_column(primary_key=True)
            code: Mapped[str] = mapped_column("code_value", String(8))
            label: Mapped[str] = mapped_column(String(20))

        class Mixed(Stamped, Base):
            __tablename__ = "mixed"
            __table_args__ = (Index("mixed_created_idx", "created"), CheckConstraint("id > 0", name="mixed_id_check"))
            id: Mapped[int] = mapped_column(primary_key=True)

        """

    private static func read(preparing: Bool) -> ReadResult {
        var project = PythonProject(files: InMemorySourceFiles(["pkg/__init__.py": "", "pkg/base.py": base, "pkg/models.py": models]))
        project.load(paths: ["pkg"])
        var builder = ModelBuilder(project: project, options: .init())
        builder.preparesAhead = preparing
        return builder.build()
    }

    @Test func preparedAndSequentialReadingsAgree() throws {
        let prepared = Self.read(preparing: true)
        let sequential = Self.read(preparing: false)
        #expect(summary(prepared.catalog) == summary(sequential.catalog))
        #expect(prepared.messages == sequential.messages)
        // The own column's name, not its key.
        let plain = try #require(prepared.table("plain", schema: "s"))
        #expect(plain.comment == "plain one")
        #expect(plain.uniqueConstraints.map(\.columns) == [["code_value"]])
        // The mixin's column name: the preparation saw no `created` column, so it is not used.
        let mixed = try #require(prepared.table("mixed"))
        #expect(mixed.indexes.first { $0.name == "mixed_created_idx" }?.keys.map(\.column) == ["created_on"])
        #expect(mixed.checks.map(\.name) == ["mixed_id_check"])
    }

    /// The preparation itself: the plain class's arguments read ahead with their lookups, the
    /// mixed class's read ahead against its own columns only (the sequential pass checks them).
    @Test func preparationRecordsItsLookups() throws {
        var project = PythonProject(files: InMemorySourceFiles(["pkg/__init__.py": "", "pkg/base.py": Self.base, "pkg/models.py": Self.models]))
        project.load(paths: ["pkg"])
        let id = try #require(project.id(ofPath: "pkg/models.py"))
        var worker = ModelBuilder(project: project, options: .init())
        let preparation = worker.prepare(id)
        let plain = try #require(preparation.tableArgs[0])
        #expect(plain.lookups.map(\.key) == ["code", "label"])
        #expect(plain.lookups.map(\.name) == ["code_value", "label"])
        #expect(plain.schema == "s")
        #expect(plain.items.count == 2)
        let mixed = try #require(preparation.tableArgs[1])
        #expect(mixed.lookups.map(\.key) == ["created"])
        // No column has the key, so the literal names itself: the sequential pass finds the mixin's.
        #expect(mixed.lookups.map(\.name) == ["created"])
    }
}
