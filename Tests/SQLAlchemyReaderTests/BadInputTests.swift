import SchemaModel
import SourceScanning
import Testing

@testable import SQLAlchemyReader

private let model = """
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
    class Base(DeclarativeBase):
        pass

    """

@Suite struct BadInputTests {
    @Test func syntaxErrorInOneClassDoesNotLoseTheNext() {
        let result = Read.source(model + """
            class Broken(Base):
                __tablename__ = "broken"
                id: Mapped[int] = mapped_column(primary_key=True
            class Good(Base):
                __tablename__ = "good"
                id: Mapped[int] = mapped_column(primary_key=True)

            """)
        #expect(result.messages.first == "models.py:6:36: error: unclosed bracket")
        #expect(result.table("good")?.columns.map(\.name) == ["id"])
        #expect(result.hasErrors)
    }

    @Test func badIndentationIsReportedAndReadingGoesOn() {
        let result = Read.source(model + """
            class T(Base):
                    __tablename__ = "t"
                id: Mapped[int] = mapped_column(primary_key=True)

            """)
        #expect(result.messages == ["models.py:6:5: error: unindent does not match any outer indentation level"])
        #expect(result.table("t") != nil)
    }

    @Test(arguments: [
        ("x = '''never closed\n", "models.py:4:5: error: unterminated triple-quoted string"),
        ("x = f\"{a}\n", "models.py:4:5: error: unterminated f-string"),
        ("x = 'abc\n", "models.py:4:5: error: unterminated string"),
    ])
    func unterminatedStrings(source: String, expected: String) {
        let result = Read.source(model + source)
        #expect(result.messages.contains(expected))
    }

    @Test func circularImportsAreReported() {
        let result = Read.files([
            "app/a.py": "from .b import B\nclass A:\n    pass\n",
            "app/b.py": "from .a import A\nclass B(A):\n    pass\n",
        ], paths: ["app/a.py"])
        #expect(result.messages == ["app/a.py:1:1: warning: circular import between 'app/a.py' and 'app/b.py'"])
    }

    @Test func emptyDirectoryAndMissingFileAreErrors() {
        let empty = Read.files(["pkg/notes.txt": "x"], paths: ["pkg"])
        #expect(empty.messages == ["error: no Python files in directory 'pkg'"])
        let missing = Read.files([:], paths: ["nowhere.py"])
        #expect(missing.messages == ["error: cannot read 'nowhere.py'"])
        #expect(missing.catalog.tableCount == 0)
    }

    @Test func modelWithoutTablenameIsReported() {
        let result = Read.source(model + "class T(Base):\n    id: Mapped[int] = mapped_column(primary_key=True)\n")
        #expect(result.messages == ["models.py:4:1: warning: class 'T' has no __tablename__"])
    }

    @Test func unsupportedTableArgumentIsReportedNotDropped() {
        let result = Read.source(model + "from sqlalchemy import ExcludeConstraint\nclass T(Base):\n    __tablename__ = 't'\n    __table_args__ = (ExcludeConstraint(('r', '&&')),)\n    id: Mapped[int] = mapped_column(primary_key=True)\n")
        #expect(result.messages == ["models.py:7:23: warning: unsupported table argument 'ExcludeConstraint'"])
    }

    @Test func binaryAndInvalidUtf8InputDoesNotCrash() {
        var files = InMemorySourceFiles([:])
        files.files["models.py"] = [0xFF, 0xFE, 0x00, 0x63, 0x6C, 0x61, 0x73, 0x73, 0x20, 0xC3, 0x28, 0x0A, 0x09, 0x0B]
        let result = SQLAlchemyReader.read(paths: ["models.py"], files: files)
        #expect(result.catalog.tableCount == 0)
        #expect(result.hasErrors)
    }
}

@Suite struct DirectoryTests {
    @Test func aProjectBelowATestsFolderIsStillRead() {
        let model = "from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column\nclass Base(DeclarativeBase):\n    pass\nclass T(Base):\n    __tablename__ = 't'\n    id: Mapped[int] = mapped_column(primary_key=True)\n"
        for root in ["tests/app", "tests/app/"] {
            let result = Read.files(["tests/app/models.py": model], paths: [root])
            #expect(result.table("t")?.provenance.location == loc(4, 1, "tests/app/models.py"))
        }
    }
}

@Suite struct CyclicAliasTests {
    @Test func aliasCyclesInTypesSchemasDefaultsAndBasesTerminate() {
        let result = Read.files([
            "a.py": """
                from sqlalchemy import Column, Integer, MetaData, text
                from sqlalchemy.orm import DeclarativeBase
                from b import *
                X = Y
                S = R
                D = E
                class Base(DeclarativeBase):
                    metadata = MetaData(schema=S)
                class T(Base, T2):
                    __tablename__ = "t"
                    id = Column(Integer, primary_key=True)
                    x = Column(X, server_default=D)
                class T2(T):
                    pass
                """,
            "b.py": "from a import *\nY = X\nR = S\nE = D\n",
        ], paths: ["a.py"])
        #expect(result.catalog.tableCount <= 1)
        #expect(!result.diagnostics.isEmpty)
    }
}
