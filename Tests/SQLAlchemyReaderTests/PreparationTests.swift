import SchemaModel
import SourceScanning
import Testing

@testable import SQLAlchemyReader

/// Preparing modules ahead on other threads must not change a reading: same catalog, same
/// diagnostics in the same order as the one-thread model building.
@Suite struct PreparationTests {
    /// Reads `files` from `paths`, with or without modules prepared ahead.
    private static func read(_ files: [String: String], paths: [String] = ["pkg"], preparing: Bool) -> ReadResult {
        var project = PythonProject(files: InMemorySourceFiles(files))
        project.load(paths: paths)
        var builder = ModelBuilder(project: project, options: .init())
        builder.preparesAhead = preparing
        return builder.build()
    }

    private static let base = """
        from datetime import datetime
        from sqlalchemy import DateTime, MetaData, func
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

        class Base(DeclarativeBase):
            metadata = MetaData(naming_convention={"ix": "ix_%(column_0_label)s", "uq": "uq_%(table_name)s_%(column_0_name)s"})

        class Stamped:
            created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
            mystery: Mapped[int] = mapped_column(Mystery)

        """

    /// Module `m<i>.py`: tables referring to the previous module's tables, a mixin, a classic table
    /// used by a later foreign key (`users_<i>.c.id`: state the preparation must not guess), column
    /// warnings, `__table_args__`, a DDL listener with and without substitutions, a schema, and a
    /// joined-inheritance subclass (its parent's `__table_args__` and columns stay the parent's).
    private static func module(_ i: Int) -> String {
        let previous = i - 1
        return """
            from sqlalchemy import Column, ForeignKey, Index, Integer, String, Table, UniqueConstraint, event, DDL, text
            from sqlalchemy.orm import Mapped, mapped_column
            from .base import Base, Stamped

            users_\(i) = Table("users_\(i)", Base.metadata, Column("id", Integer, primary_key=True))

            class Account\(i)(Stamped, Base):
                __tablename__ = "account_\(i)"
                __table_args__ = (UniqueConstraint("name"), Index("ix_account_\(i)_owner", "owner_id"))
                id: Mapped[int] = mapped_column(primary_key=True)
                name: Mapped[str] = mapped_column(String(80), unique=True)
                owner_id: Mapped[int] = mapped_column(ForeignKey(users_\(i).c.id))
                odd: Mapped[int] = mapped_column(Strange\(i))
                parent_id: Mapped[int] = mapped_column(ForeignKey("account_\(previous).id"))

            class Audit\(i)(Base):
                __tablename__ = "audit_\(i)"
                __table_args__ = {"schema": "audit"}
                id: Mapped[int] = mapped_column(primary_key=True)
                account_id = Column(ForeignKey(Account\(i).id), index=True)
                note = Column(Unknown\(i))

            class Child\(i)(Audit\(i)):
                __tablename__ = "child_\(i)"
                id: Mapped[int] = mapped_column(ForeignKey(Audit\(i).id), primary_key=True)
                extra: Mapped[str]

            event.listen(Account\(i).__table__, "after_create", DDL("ALTER TABLE account_\(i) ENABLE ROW LEVEL SECURITY"))
            event.listen(Audit\(i).__table__, "after_create", DDL("ALTER TABLE %(fullname)s ENABLE ROW LEVEL SECURITY"))
            event.listen(Audit\(i).__table__, "after_create", DDL("CREATE POLICY p_\(i) ON audit.audit_\(i) USING (true)"))

            """
    }

    private static func package(modules: Int) -> [String: String] {
        var files = ["pkg/base.py": base]
        for i in 1...modules { files["pkg/m\(i).py"] = module(i) }
        return files
    }

    @Test(arguments: [2, 3, 8, 20])
    func preparedAndSequentialReadingsAgree(modules: Int) {
        let files = Self.package(modules: modules)
        let sequential = Self.read(files, preparing: false)
        let prepared = Self.read(files, preparing: true)
        #expect(prepared.catalog == sequential.catalog)
        #expect(prepared.messages == sequential.messages)
        // Not vacuous: the input has tables, foreign keys across modules, policies and warnings.
        #expect(sequential.catalog.schemas.flatMap(\.tables).count == 4 * modules)
        #expect(sequential.table("child_1")?.columns.map(\.name) == ["id", "extra"])
        #expect(sequential.table("account_2")?.foreignKeys.contains { $0.referencedTable.name == "account_1" } == true)
        #expect(sequential.messages.contains { $0.contains("unknown column type 'Strange2'") })
        #expect(sequential.messages.filter { $0.contains("unknown column type 'Mystery'") }.count == 1)
    }

    /// `pkg/m2.py` of a loaded two-module package, the builder that prepared it on its own, and what
    /// the preparation holds.
    private static func preparedSecondModule() throws -> (
        project: PythonProject, id: ModuleID, module: PythonModule, builder: ModelBuilder, preparation: ModulePreparation
    ) {
        var project = PythonProject(files: InMemorySourceFiles(package(modules: 2)))
        project.load(paths: ["pkg"])
        let id = try #require(project.id(ofPath: "pkg/m2.py"))
        let module = try #require(project.module(id))
        var builder = ModelBuilder(project: project, options: .init())
        let preparation = builder.prepare(id)
        return (project, id, module, builder, preparation)
    }

    @Test func repeatedReadingsAreIdentical() {
        let files = Self.package(modules: 12)
        let first = Self.read(files, preparing: true)
        for _ in 0..<5 {
            let again = Self.read(files, preparing: true)
            #expect(again.catalog == first.catalog)
            #expect(again.messages == first.messages)
        }
    }

    /// What one module's preparation holds: columns for plain table classes with their warnings,
    /// none for a class whose columns read a table built earlier, DDL without substitutions.
    @Test func aModulePreparationHoldsOnlyStateFreeResults() throws {
        let (_, _, module, _, preparation) = try Self.preparedSecondModule()
        let account = try #require(module.classes.firstIndex { $0.name == "Account2" })
        let audit = try #require(module.classes.firstIndex { $0.name == "Audit2" })
        // `ForeignKey(users_2.c.id)` depends on the classic table built before the class.
        #expect(preparation.columns[account] == nil)
        let auditColumns = try #require(preparation.columns[audit])
        #expect(auditColumns.columns.map(\.name) == ["id", "account_id", "note"])
        #expect(auditColumns.warnings.map(\.message) == ["unknown column type 'Unknown2'"])
        // Table arguments are read ahead only with the class's columns.
        #expect(preparation.tableArgs[account] == nil)
        #expect(preparation.tableArgs[audit]?.schema == "audit")
        #expect(preparation.tableArgs[audit]?.lookups.isEmpty == true)
        let child = try #require(module.classes.firstIndex { $0.name == "Child2" })
        #expect(preparation.columns[child]?.columns.map(\.name) == ["id", "extra"])
        // Two literal DDL strings; the one with `%(fullname)s` waits for its table.
        #expect(preparation.ddl.count == 2)
        #expect(preparation.ddl.values.allSatisfy { !$0.sql.contains("%(") })
    }

    /// Class attributes read ahead are those the sequential pass reads, and are handed over once.
    @Test func preparedClassAttributesAreTheClassesOwnAndTakenOnce() throws {
        let (project, id, module, builder, preparation) = try Self.preparedSecondModule()
        #expect(preparation.attributes.count == module.classes.count)
        var read = 0
        for (index, cls) in module.classes.enumerated() {
            guard let ahead = preparation.attributes[index] else { continue }
            read += 1
            #expect(String(describing: ahead) == String(describing: builder.classAttributes(cls)))
        }
        #expect(read == 3)
        let account = try #require(module.classes.firstIndex { $0.name == "Account2" })
        #expect(preparation.attributes[account]?.tableArgs != nil)
        let prepared = PreparedModules(moduleCount: project.moduleCount, scheduled: [id])
        prepared.store(preparation, for: id)
        let key = ClassKey(module: id, index: account)
        #expect(prepared.takeAttributes(key)?.tableArgs != nil)
        #expect(prepared.takeAttributes(key) == nil)
        #expect(prepared.takeAttributes(ClassKey(module: id, index: module.classes.count)) == nil)
    }

    @Test func fewModulesAreNotPrepared() {
        var project = PythonProject(files: InMemorySourceFiles(["pkg/only.py": Self.base]))
        project.load(paths: ["pkg"])
        #expect(Preparation.start(project: project, options: .init()) == nil)
    }

    /// The tables built from their specs on all cores come out in the order of the specs.
    @Test func parallelMapKeepsIndexOrder() {
        for count in [0, 1, 63, 64, 65, 1_000] {
            #expect(ParallelMap.map(count) { $0 * 3 } == (0..<count).map { $0 * 3 })
        }
    }
}
