import SchemaModel
import SourceScanning
import Testing

@testable import SQLAlchemyReader

/// ``PythonToken`` packs its fields into sixteen bytes: every field must read back as written,
/// up to the largest offset, and a string's content range must come out as the lexer found it.
@Suite struct CompactTokenTests {
    @Test func aTokenTakesSixteenBytes() {
        #expect(MemoryLayout<PythonToken>.stride == 16)
    }

    @Test(arguments: [
        (0, 0), (3, 9), (PythonToken.maximumOffset - 7, PythonToken.maximumOffset),
        (PythonToken.maximumOffset, PythonToken.maximumOffset),
    ])
    func offsetsReadBackUpToTheLargest(start: Int, end: Int) {
        for kind in [PythonToken.Kind.name, .number, .newline, .indent, .dedent, .eof] {
            let token = PythonToken(kind: kind, start: start, end: end)
            #expect(token.kind == kind && token.start == start && token.end == end)
            #expect(token.op == 0 && !token.isRaw && !token.isFString && !token.isBytes)
            #expect(token.contentStart == 0 && token.contentEnd == 0 && token.repeatOf == 0)
        }
    }

    @Test(arguments: ["(", ",", "->", ":=", "**=", "...", "//=", ">>="])
    func operatorsKeepTheirCode(spelling: String) {
        var code: UInt32 = 0
        for b in spelling.utf8 { code = code << 8 | UInt32(b) }
        let token = PythonToken(op: code, start: PythonToken.maximumOffset - 3, end: PythonToken.maximumOffset)
        #expect(token.kind == .op && token.op == code && token.isOp(code))
        #expect(!token.isOp(code ^ 1) && token.end == PythonToken.maximumOffset)
        // A name at the same place is no operator, whatever its offsets.
        #expect(!PythonToken(kind: .name, start: 0, end: Int(code)).isOp(code))
    }

    @Test func stringFieldsReadBackForEveryShape() {
        for prefix in 0...2 {
            for triple in [false, true] {
                for closed in [false, true] {
                    for flags in 0..<8 {
                        let quotes = triple ? 3 : 1
                        let start = PythonToken.maximumOffset - 40, end = PythonToken.maximumOffset - 2
                        let token = PythonToken(
                            stringFrom: start, to: end, prefixLength: prefix, triple: triple, closed: closed,
                            raw: flags & 1 != 0, fString: flags & 2 != 0, bytes: flags & 4 != 0)
                        #expect(token.kind == .string && token.start == start && token.end == end && token.op == 0)
                        #expect(token.isRaw == (flags & 1 != 0) && token.isFString == (flags & 2 != 0) && token.isBytes == (flags & 4 != 0))
                        #expect(token.contentStart == start + prefix + quotes)
                        #expect(token.contentEnd == (closed ? end - quotes : end))
                    }
                }
            }
        }
    }

    @Test func shiftingMovesTheContentAlong() {
        var token = PythonToken(stringFrom: 10, to: 20, prefixLength: 2, triple: false, closed: true, raw: true, fString: false, bytes: true)
        token.repeatOf = 7
        token.shift(by: 1_000)
        #expect(token.start == 1_010 && token.end == 1_020 && token.contentStart == 1_013 && token.contentEnd == 1_019)
        #expect(token.isRaw && token.isBytes && !token.isFString && token.repeatOf == 7)
    }

    /// Content between the quotes for every prefix, closed or not, as the lexer reports it.
    @Test(arguments: [
        ("x = rb'a\\'b'\n", "Srb:a\\'b"),
        ("x = F\"\"\"a\"b\"\"\"\n", "Sf:a\"b"),
        ("x = Br\"\"\n", "Srb:"),
        ("x = u'\"'\n", "S:\""),
        ("x = 'abc", "S:abc"),
        ("x = '''ab\nc", "S:ab\nc"),
        ("x = 'ab\\", "S:ab\\"),
        ("x = f'{a[\"k\"]}'\n", "Sf:{a[\"k\"]}"),
    ])
    func stringContentsMatchTheSource(source: String, expected: String) {
        let strings = Self.strings(source)
        #expect(strings == [expected])
    }

    /// Repeated lines are lexed by copying tokens; a copied string's content must move with it.
    @Test func copiedStringsKeepTheirContent() {
        let line = "    name: Mapped[str] = mapped_column(String(r'''x'''), server_default=b\"y\")\n"
        let source = "class A:\n" + line + line + line
        let strings = Self.strings(source)
        #expect(strings == Array(repeating: ["Sr:x", "Sb:y"], count: 3).flatMap { $0 })
    }

    /// The string tokens of `source` as `S<flags>:<content>` (no other token has a colon after an S).
    private static func strings(_ source: String) -> [String] {
        lexed(source, strings: .flagsAndContent).tokens.filter { $0.first == "S" && $0.contains(":") }
    }

    @Test func aFileLargerThanTheOffsetsHoldIsRefusedWithOneError() {
        var log = DiagnosticLog()
        let file = SourceFile(path: "m.py", text: "x = 1\n")
        let refused = PythonLexer.tokenize(file, log: &log, maximumSize: 5)
        #expect(refused.map(\.kind) == [.eof])
        #expect(log.diagnostics.map(\.description) == ["m.py:1:1: error: file too large to read (6 bytes; at most 5)"])
        var clean = DiagnosticLog()
        let accepted = PythonLexer.tokenize(file, log: &clean, maximumSize: 6)
        #expect(accepted.map(\.kind) == [.name, .op, .number, .newline, .eof])
        #expect(clean.diagnostics.isEmpty)
    }
}
