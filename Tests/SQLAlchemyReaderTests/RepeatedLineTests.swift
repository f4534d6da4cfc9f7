import SchemaModel
import SourceScanning
import Testing

@testable import SQLAlchemyReader

/// A model file whose class bodies repeat lines; `tag(k)` ends line `k` with a comment, all equal
/// (so the lexer and parser reuse lines) or all different (so they cannot) but of the same length,
/// which keeps every offset the same between the two.
private func source(_ tag: (Int) -> String) -> String {
    var lines = ["from sqlalchemy import ForeignKey, String", "from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column", ""]
    lines.append("class Base(DeclarativeBase):")
    lines.append("    pass")
    var k = 0
    for name in ["a", "b", "c"] {
        lines.append("")
        lines.append("class \(name.uppercased())(Base):")
        lines.append("    __tablename__ = \"\(name)\"")
        for body in [
            "id: Mapped[int] = mapped_column(primary_key=True)",
            "name: Mapped[str] = mapped_column(String(120), server_default='x', comment=\"it's\")",
            "parent_id: Mapped[int] = mapped_column(ForeignKey(\"a.id\"), index=True)",
            "flags = {'x': [1, 2.5, -3], **extra}",
            "total = lambda self: (self.a + 1) * 2 if self else None",
        ] {
            k += 1
            lines.append("    " + body + "  " + tag(k))
        }
        if name == "b" {
            // The same line one level deeper: same tokens, other nesting.
            lines.append("    if True:")
            k += 1
            lines.append("        id: Mapped[int] = mapped_column(primary_key=True)  " + tag(k))
        }
    }
    return lines.joined(separator: "\n") + "\n"
}

private let same = source { _ in "# 00" }
private let different = source { k in "# " + (k < 10 ? "0" : "") + String(k) }

/// The classes of a parsed source, spelled out (repeated lines materialized), offsets included.
private func parsedClasses(_ text: String) -> (classes: String, diagnostics: [String]) {
    var log = DiagnosticLog()
    let body = PythonParser.parse(SourceFile(path: "models.py", text: text), log: &log)
    let classes = body.compactMap { stmt -> PyClass? in
        if case .classDef(let cls) = stmt { return cls }
        return nil
    }
    let spelled = classes.map { cls in "\(cls.name)@\(cls.at): " + String(reflecting: cls.body) }.joined(separator: "\n")
    return (spelled, log.diagnostics.map(\.description))
}

/// Lines repeating an earlier line of the file are lexed by copying its tokens and parsed by
/// reusing its statement (``RepeatedLines``); the result must be exactly what lexing and parsing
/// each line on its own gives.
@Suite struct RepeatedLineTests {
    @Test func sourcesDifferOnlyInTheirComments() {
        #expect(same.utf8.count == different.utf8.count)
        #expect(same != different)
    }

    @Test func copiedTokensEqualLexedTokens() {
        var log = DiagnosticLog()
        let copied = PythonLexer.tokenize(SourceFile(path: "m.py", text: same), log: &log)
        let lexed = PythonLexer.tokenize(SourceFile(path: "m.py", text: different), log: &log)
        #expect(log.diagnostics.isEmpty)
        #expect(copied.contains { $0.repeatOf != 0 })
        #expect(!lexed.contains { $0.repeatOf != 0 })
        #expect(copied.count == lexed.count)
        for (a, b) in zip(copied, lexed) {
            #expect(a.kind == b.kind && a.start == b.start && a.end == b.end && a.op == b.op)
            #expect(a.contentStart == b.contentStart && a.contentEnd == b.contentEnd)
            #expect(a.isRaw == b.isRaw && a.isFString == b.isFString && a.isBytes == b.isBytes)
        }
    }

    @Test func repeatedStatementsSpellOutAsParsed() {
        let reused = parsedClasses(same), parsed = parsedClasses(different)
        #expect(reused.diagnostics.isEmpty)
        #expect(reused.classes == parsed.classes)
    }

    @Test func repeatedLinesAreSharedInTheRawBody() {
        var log = DiagnosticLog()
        let body = PythonParser.parse(SourceFile(path: "models.py", text: same), log: &log)
        let repeatedCount = body.reduce(0) { count, stmt in
            guard case .classDef(let cls) = stmt else { return count }
            return count + cls.statements.filter { if case .repeated = $0 { return true }; return false }.count
        }
        // Every column-like line of A, B and C (five each), and the nested `id` line of B is not
        // at the same nesting but still a line of its own file: at least the fifteen.
        #expect(repeatedCount >= 15)
    }

    @Test func readingIsTheSameEitherWay() {
        let reused = Read.source(same), parsed = Read.source(different)
        #expect(summary(reused.catalog) == summary(parsed.catalog))
        #expect(reused.diagnostics.map(\.description) == parsed.diagnostics.map(\.description))
        #expect(reused.table("b")?.col("name")?.provenance.location == parsed.table("b")?.col("name")?.provenance.location)
    }

    @Test func aRepeatedBadLineReportsAtEachCopy() {
        let text = """
            class A:
                x: int = (1 +
            class B:
                x: int = (1 +

            """
        let result = parsedClasses(text)
        #expect(result.diagnostics.count >= 2)
        #expect(result.diagnostics.contains { $0.hasPrefix("models.py:2:") })
        #expect(result.diagnostics.contains { $0.hasPrefix("models.py:4:") })
    }

    @Test func aRepeatedLineWithAnErrorInTheParserReportsAtEachCopy() {
        let text = """
            class A:
                x: int = f(1 2)
            class B:
                x: int = f(1 2)

            """
        let result = parsedClasses(text)
        #expect(result.diagnostics == [
            "models.py:2:18: error: syntax error: unexpected '2'", "models.py:4:18: error: syntax error: unexpected '2'",
        ])
    }
}
