import SchemaModel
import SourceScanning
import Synchronization
import Testing

@testable import SQLAlchemyReader

/// Files in memory that count how often each is read.
private final class CountingFiles: SourceFileProvider {
    let inner: InMemorySourceFiles
    let reads = Mutex<[String: Int]>([:])

    init(_ files: [String: String]) { inner = InMemorySourceFiles(files) }

    func contents(of path: String) -> [UInt8]? {
        reads.withLock { $0[path, default: 0] += 1 }
        return inner.contents(of: path)
    }

    func isDirectory(_ path: String) -> Bool { inner.isDirectory(path) }
    func files(under path: String) -> [String]? { inner.files(under: path) }
    func count(_ path: String) -> Int { reads.withLock { $0[path] ?? 0 } }
}

/// Imports of modules read at the start of loading are found among the files read, not by reading
/// them again; imports of anything else still ask the provider.
@Suite struct ImportLookupTests {
    /// Four input files (enough to be parsed ahead, see ``ParallelParsing/minimumFiles``) whose
    /// models import their base by sibling, relative and package paths, and one imported module
    /// that is not an input.
    private static let package: [String: String] = [
        "pkg/__init__.py": "",
        "pkg/base.py": """
            from sqlalchemy.orm import declarative_base
            Base = declarative_base()
            """,
        "pkg/a.py": """
            from sqlalchemy import Column, Integer
            from base import Base
            class A(Base):
                __tablename__ = "a"
                id = Column(Integer, primary_key=True)
            """,
        "pkg/b.py": """
            from sqlalchemy import Column, Integer
            from .base import Base
            from . import a
            from .extra import Mixin
            class B(Base, Mixin):
                __tablename__ = "b"
                id = Column(Integer, primary_key=True)
            """,
        "pkg/extra.py": """
            from sqlalchemy import Column, Text
            class Mixin:
                note = Column(Text)
            """,
    ]
    private static let inputs = ["pkg/__init__.py", "pkg/base.py", "pkg/a.py", "pkg/b.py"]

    @Test func importsOfFilesReadAlreadyAreNotReadAgain() {
        let files = CountingFiles(Self.package)
        let result = SQLAlchemyReader.read(paths: Self.inputs, files: files)
        #expect(result.diagnostics.isEmpty)
        #expect(result.table("a")?.col("id") != nil)
        #expect(result.table("b")?.col("note")?.type == .text)
        // An input is read twice, to check it can be read and to parse it; the imports of
        // `pkg/base.py` (twice) and `pkg/a.py` read neither again.
        #expect(files.count("pkg/base.py") == 2)
        #expect(files.count("pkg/a.py") == 2)
        // Not among the inputs: found by asking the provider, then read to load it.
        #expect(files.count("pkg/extra.py") >= 2)
    }

    @Test func theSameReadingWithoutTheShortcutGivesTheSameTable() {
        // One input is below the parallel threshold: every import asks the provider.
        let whole = SQLAlchemyReader.read(paths: Self.inputs, files: InMemorySourceFiles(Self.package))
        let single = SQLAlchemyReader.read(paths: ["pkg/b.py"], files: InMemorySourceFiles(Self.package))
        #expect(whole.table("b") != nil)
        #expect(whole.table("b") == single.table("b"))
    }
}
