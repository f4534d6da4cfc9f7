import SchemaModel
import SourceScanning
import Testing

@testable import SQLAlchemyReader

/// A package large enough to be parsed on several threads must read exactly as one parsed file by
/// file: same model, same diagnostics in the same order, same cap.
@Suite struct ParallelReadingTests {
    private static let base = """
        from sqlalchemy.orm import DeclarativeBase
        class Base(DeclarativeBase):
            pass

        """

    /// Module `m<i>.py`: one table, one unclosed bracket, `indents` lines with an unexpected indent.
    private static func module(_ i: Int, indents: Int = 0) -> String {
        """
        from .base import Base
        from sqlalchemy.orm import Mapped, mapped_column
        class T\(i)(Base):
            __tablename__ = "t\(i)"
            id: Mapped[int] = mapped_column(primary_key=True
        class U\(i)(Base):
            __tablename__ = "u\(i)"
            id: Mapped[int] = mapped_column(primary_key=True)

        """ + String(repeating: "x = 1\n  y = 2\n", count: indents)
    }

    @Test func manyFilesGiveTheSameDiagnosticsInFileOrder() {
        var files = ["pkg/base.py": Self.base]
        for i in 1...5 { files["pkg/m\(i).py"] = Self.module(i, indents: 1) }
        let result = Read.files(files, paths: ["pkg"])
        var expected: [String] = []
        for i in 1...5 {
            expected += [
                "pkg/m\(i).py:5:36: error: unclosed bracket",
                "pkg/m\(i).py:6:1: error: syntax error: unexpected end of line",
                "pkg/m\(i).py:10:3: error: syntax error: unexpected indent",
            ]
        }
        #expect(result.messages == expected)
        #expect((1...5).allSatisfy { result.table("u\($0)")?.columns.map(\.name) == ["id"] })
    }

    @Test func theDiagnosticCapKeepsTheFirstFilesLikeASequentialReading() {
        var files = ["pkg/base.py": Self.base]
        for i in 1...5 { files["pkg/m\(i).py"] = Self.module(i, indents: 300) }
        let result = Read.files(files, paths: ["pkg"])
        // 302 syntax errors per file; the log keeps the first 1,000: all of m1-m3 and 94 of m4.
        #expect(result.diagnostics.count == 1_000)
        #expect(result.messages.filter { $0.hasPrefix("pkg/m4.py:") }.count == 94)
        #expect(!result.messages.contains { $0.hasPrefix("pkg/m5.py:") })
        #expect(result.messages.last == "pkg/m4.py:192:3: error: syntax error: unexpected indent")
    }

    @Test func parallelAndOneByOneReadingsAgreeOnTheModel() {
        var files = ["pkg/base.py": Self.base]
        for i in 1...6 { files["pkg/m\(i).py"] = Self.module(i) }
        let together = Read.files(files, paths: ["pkg"])
        // Three files or fewer are parsed on the calling thread.
        let alone = Read.files(["pkg/base.py": Self.base, "pkg/m3.py": Self.module(3)], paths: ["pkg/m3.py"])
        #expect(together.table("u3") == alone.table("u3"))
        #expect(together.table("u3") != nil)
        #expect(together.messages.filter { $0.hasPrefix("pkg/m3.py") } == alone.messages)
    }
}
