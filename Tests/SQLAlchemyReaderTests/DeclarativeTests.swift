import SchemaModel
import SourceScanning
import Testing

@testable import SQLAlchemyReader

@Suite struct DeclarativeTests {
    static let header = """
        from sqlalchemy import Column, Integer, String, ForeignKey
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, declared_attr, declarative_base

        """

    @Test func declarativeBaseSubclassMapsTablesAtTheClassLocation() {
        let result = Read.source(Self.header + """
            class Base(DeclarativeBase):
                pass

            class User(Base):
                __tablename__ = "users"
                id: Mapped[int] = mapped_column(primary_key=True)

            """)
        #expect(result.diagnostics.isEmpty)
        let users = result.table("users")
        #expect(users?.provenance == Provenance(source: .sqlalchemy, location: loc(6, 1)))
        #expect(users?.col("id")?.provenance.location == loc(8, 23))
        #expect(result.catalog.tableCount == 1)
        #expect(result.catalog.source == .sqlalchemy)
    }

    @Test func declarativeBaseFunctionAndRegistry() {
        let result = Read.source(Self.header + """
            from sqlalchemy.orm import registry
            Base = declarative_base()
            reg = registry()
            Other = reg.generate_base()

            class A(Base):
                __tablename__ = "a"
                id = Column(Integer, primary_key=True)

            class B(Other):
                __tablename__ = "b"
                id = Column(Integer, primary_key=True)

            """)
        #expect(result.table("a") != nil)
        #expect(result.table("b") != nil)
    }

    @Test func plainClassesAndNonModelCodeAreIgnoredSilently() {
        let result = Read.source(Self.header + """
            class Helper:
                x = Column(Integer)

            def util():
                return 1

            print("hello")

            """)
        #expect(result.catalog.tableCount == 0)
        #expect(result.diagnostics.isEmpty)
    }

    @Test(arguments: [
        ("return \"custom\"", "custom"),
        ("return cls.__name__.lower()", "widget"),
        ("return cls.__name__", "Widget"),
        ("return f\"app_{cls.__name__.lower()}s\"", "app_widgets"),
    ])
    func declaredAttrTableNames(body: String, expected: String) {
        let result = Read.source(Self.header + """
            class Base(DeclarativeBase):
                @declared_attr.directive
                def __tablename__(cls) -> str:
                    \(body)

            class Widget(Base):
                id: Mapped[int] = mapped_column(primary_key=True)

            """)
        #expect(result.catalog.schemas.first?.tables.map(\.name) == [expected])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func declaredAttrTableNameThatCannotBeKnownIsDiagnosed() {
        let result = Read.source(Self.header + """
            import re
            class Base(DeclarativeBase):
                @declared_attr
                def __tablename__(cls):
                    return re.sub("(?<!^)(?=[A-Z])", "_", cls.__name__).lower()

            class Widget(Base):
                id: Mapped[int] = mapped_column(primary_key=True)

            """)
        #expect(result.catalog.tableCount == 0)
        #expect(result.messages == ["models.py:7:16: warning: cannot determine __tablename__ returned by '__tablename__' statically"])
    }

    @Test func mixinColumnsFollowOwnColumnsIncludingDeclaredAttrColumns() {
        let result = Read.source(Self.header + """
            class Base(DeclarativeBase):
                pass

            class Owned:
                created: Mapped[int] = mapped_column()
                @declared_attr
                def owner_id(cls) -> Mapped[int]:
                    return mapped_column(ForeignKey("owners.id"))

            class Owner(Base):
                __tablename__ = "owners"
                id: Mapped[int] = mapped_column(primary_key=True)

            class Thing(Owned, Base):
                __tablename__ = "things"
                id: Mapped[int] = mapped_column(primary_key=True)

            """)
        let things = result.table("things")
        #expect(things?.columns.map(\.name) == ["id", "created", "owner_id"])
        #expect(things?.col("owner_id")?.provenance.location == loc(10, 16))
        #expect(things?.foreignKeys.first?.name == "things_owner_id_fkey")
        #expect(things?.foreignKeys.first?.referencedTable == QualifiedName(schema: "public", name: "owners"))
    }

    @Test func abstractBasesAreNotTablesButShareColumns() {
        let result = Read.source(Self.header + """
            class Base(DeclarativeBase):
                pass

            class Entity(Base):
                __abstract__ = True
                id: Mapped[int] = mapped_column(primary_key=True)

            class Note(Entity):
                __tablename__ = "notes"
                body: Mapped[str]

            """)
        #expect(result.catalog.tableCount == 1)
        #expect(result.table("notes")?.columns.map(\.name) == ["body", "id"])
    }

    @Test func columnsDeclaredOnTheBaseApplyToEveryModel() {
        let result = Read.source(Self.header + """
            class Base(DeclarativeBase):
                id: Mapped[int] = mapped_column(primary_key=True)

            class Note(Base):
                __tablename__ = "notes"
                body: Mapped[str]

            """)
        #expect(result.table("notes")?.columns.map(\.name) == ["body", "id"])
        #expect(result.table("notes")?.primaryKey?.columns == ["id"])
    }

    @Test func singleTableInheritanceAddsColumnsToTheParentTable() {
        let result = Read.source(Self.header + """
            class Base(DeclarativeBase):
                pass

            class Employee(Base):
                __tablename__ = "employees"
                id: Mapped[int] = mapped_column(primary_key=True)
                type: Mapped[str]

            class Manager(Employee):
                budget: Mapped[int | None]

            """)
        #expect(result.catalog.tableCount == 1)
        #expect(result.table("employees")?.columns.map(\.name) == ["id", "type", "budget"])
        #expect(result.table("employees")?.col("budget")?.isNullable == true)
    }

    @Test func joinedTableInheritanceGivesTheSubclassItsOwnColumnsOnly() {
        let result = Read.source(Self.header + """
            class Base(DeclarativeBase):
                pass

            class Employee(Base):
                __tablename__ = "employees"
                id: Mapped[int] = mapped_column(primary_key=True)

            class Engineer(Employee):
                __tablename__ = "engineers"
                id: Mapped[int] = mapped_column(ForeignKey("employees.id"), primary_key=True)
                language: Mapped[str]

            """)
        let engineers = result.table("engineers")
        #expect(engineers?.columns.map(\.name) == ["id", "language"])
        // A foreign-key primary key is not serial.
        #expect(engineers?.col("id")?.defaultExpression == nil)
        #expect(engineers?.foreignKeys.first?.name == "engineers_id_fkey")
    }

    @Test func sqlModelTablesWithFields() {
        let result = Read.source("""
            from typing import Optional
            from sqlmodel import Field, SQLModel

            class HeroBase(SQLModel):
                name: str = Field(index=True)

            class Hero(HeroBase, table=True):
                id: Optional[int] = Field(default=None, primary_key=True)
                secret_name: str = Field(max_length=40)
                age: Optional[int] = None
                team_id: Optional[int] = Field(default=None, foreign_key="team.id")

            class Team(SQLModel, table=True):
                id: Optional[int] = Field(default=None, primary_key=True)

            """)
        let hero = result.table("hero")
        #expect(hero?.columns.map(\.name) == ["id", "secret_name", "age", "team_id", "name"])
        #expect(hero?.col("id")?.defaultExpression == "nextval('hero_id_seq'::regclass)")
        #expect(hero?.col("secret_name")?.type == .varchar(40))
        #expect(hero?.col("secret_name")?.isNullable == false)
        #expect(hero?.col("age")?.isNullable == true)
        #expect(hero?.col("name")?.type == .varchar())
        #expect(hero?.indexes.map(\.name) == ["ix_hero_name"])
        #expect(hero?.foreignKeys.first?.referencedTable.name == "team")
        #expect(result.table("team") != nil)
        #expect(result.table("herobase") == nil)
    }

    @Test func importedBasesAndMixinsFromSiblingModules() {
        let result = Read.files([
            "app/base.py": "from sqlalchemy.orm import DeclarativeBase\nclass Base(DeclarativeBase):\n    pass\n",
            "app/mixins.py": "from datetime import datetime\nfrom sqlalchemy.orm import Mapped, mapped_column\nclass Stamp:\n    at: Mapped[datetime] = mapped_column()\n",
            "app/models.py": "from .base import Base\nfrom mixins import Stamp\nfrom sqlalchemy.orm import Mapped, mapped_column\nclass T(Stamp, Base):\n    __tablename__ = 't'\n    id: Mapped[int] = mapped_column(primary_key=True)\n",
        ], paths: ["app/models.py"])
        #expect(result.diagnostics.isEmpty)
        #expect(result.table("t")?.columns.map(\.name) == ["id", "at"])
        #expect(result.table("t")?.col("at")?.type == .timestamp)
        #expect(result.table("t")?.col("at")?.provenance.location == loc(4, 28, "app/mixins.py"))
    }

    @Test func packageDirectoriesSkipTestsMigrationsAndCaches() {
        let model = "from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column\nclass Base(DeclarativeBase):\n    pass\nclass T(Base):\n    __tablename__ = '%@'\n    id: Mapped[int] = mapped_column(primary_key=True)\n"
        let result = Read.files([
            "pkg/models.py": model.replacing("%@", with: "kept"),
            "pkg/tests/test_models.py": model.replacing("%@", with: "from_tests"),
            "pkg/migrations/versions/001.py": model.replacing("%@", with: "from_migrations"),
            "pkg/__pycache__/x.py": model.replacing("%@", with: "from_cache"),
            "pkg/.venv/lib/y.py": model.replacing("%@", with: "from_venv"),
            "pkg/readme.txt": "not python",
        ], paths: ["pkg"])
        #expect(result.catalog.schemas.flatMap(\.tables).map(\.name) == ["kept"])
    }
}
