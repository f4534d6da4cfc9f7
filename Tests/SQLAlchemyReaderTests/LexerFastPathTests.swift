import SchemaModel
import SourceScanning
import Testing

@testable import SQLAlchemyReader

/// The lexer's scanning shortcuts (names scanned before a string prefix is considered, runs of
/// spaces, strings a word at a time, token and bracket storage that grows) on inputs at their edges.
@Suite struct LexerFastPathTests {
    @Test(arguments: [
        // A prefix is at most two letters from r, b, u, f directly before the quote.
        ("rb'x'", ["Srb:x"]), ("Br'x'", ["Srb:x"]), ("ur'x'", ["Sr:x"]), ("bu'x'", ["Sb:x"]), ("fR\"{a}\"", ["Srf:{a}"]),
        ("rr'x'", ["Sr:x"]), ("u'x'", ["S:x"]),
        // Anything else before the quote is a name, then the string.
        ("ab'x'", ["ab", "S:x"]), ("rbx'y'", ["rbx", "S:y"]), ("rbf'y'", ["rbf", "S:y"]), ("r2'y'", ["r2", "S:y"]),
        ("_r'y'", ["_r", "S:y"]),
        // Prefix letters with no quote after them are names.
        ("rb", ["rb"]), ("f", ["f"]), ("r (x)", ["r", "(", "x", ")"]),
    ])
    func prefixesAndNames(source: String, expected: [String]) {
        let result = lexed(source, strings: .flagsAndContent)
        #expect(result.tokens == expected + ["NL", "EOF"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func oneByteOperatorsAndTheLongerOnesStartingAlike() {
        let result = lexed("a[b](c){d}.e, f; ~g :h =i ==j :=k ...l .5 x.y\n", strings: .flagsAndContent)
        #expect(result.tokens == [
            "a", "[", "b", "]", "(", "c", ")", "{", "d", "}", ".", "e", ",", "f", ";", "~", "g", ":", "h", "=", "i",
            "==", "j", ":=", "k", "...", "l", "N:.5", "x", ".", "y", "NL", "EOF",
        ])
        #expect(result.diagnostics.isEmpty)
        // A closer with nothing open is still a token, after its diagnostic.
        let stray = lexed("x = 1]\n", strings: .flagsAndContent)
        #expect(stray.tokens == ["x", "=", "N:1", "]", "NL", "EOF"])
        #expect(stray.diagnostics == ["m.py:1:6: error: unmatched ']'"])
    }

    @Test func namesMayHoldDigitsUnderscoresAndNonASCIILetters() {
        let result = lexed("café_2 = naïve9 + _x1\n", strings: .flagsAndContent)
        #expect(result.tokens == ["café_2", "=", "naïve9", "+", "_x1", "NL", "EOF"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func runsOfSpacesAndTabsBetweenTokens() {
        let result = lexed("x   =\t \t f(  a ,     b  )     # note\n", strings: .flagsAndContent)
        #expect(result.tokens == ["x", "=", "f", "(", "a", ",", "b", ")", "NL", "EOF"])
    }

    @Test func tabIndentationCountsToTheNextMultipleOfEight() {
        // A tab and eight spaces are the same level; four spaces then are not a known level.
        let result = lexed("class A:\n\tx = 1\n        y = 2\n    z = 3\n", strings: .flagsAndContent)
        #expect(result.tokens.prefix(12) == ["class", "A", ":", "NL", "INDENT", "x", "=", "N:1", "NL", "y", "=", "N:2"])
        #expect(result.diagnostics == ["m.py:4:5: error: unindent does not match any outer indentation level"])
    }

    @Test(arguments: 0..<40)
    func longStringsEndWhereverTheQuoteFalls(padding: Int) {
        // The quote, an escape or a newline at every position of the sixteen-byte and eight-byte steps.
        let body = String(repeating: "a", count: padding)
        #expect(lexed("x = '\(body)'\n", strings: .flagsAndContent).tokens == ["x", "=", "S:\(body)", "NL", "EOF"])
        #expect(lexed("x = '\(body)\\'\(body)'\n", strings: .flagsAndContent).tokens == ["x", "=", "S:\(body)\\'\(body)", "NL", "EOF"])
        #expect(lexed("x = \"\(body)'\(body)\"\n", strings: .flagsAndContent).tokens == ["x", "=", "S:\(body)'\(body)", "NL", "EOF"])
        let open = lexed("x = '\(body)\ny = 1\n", strings: .flagsAndContent)
        #expect(open.diagnostics == ["m.py:1:5: error: unterminated string"])
        #expect(open.tokens.suffix(5) == ["y", "=", "N:1", "NL", "EOF"])
    }

    @Test func unterminatedStringAtTheEndOfTheFile() {
        #expect(lexed("x = 'abcdefghijklmnopqrstuvwxyz", strings: .flagsAndContent).diagnostics == ["m.py:1:5: error: unterminated string"])
        #expect(lexed("x = '''abc\\", strings: .flagsAndContent).diagnostics == ["m.py:1:5: error: unterminated triple-quoted string"])
    }

    @Test func manyTokensOutgrowTheFirstStorage() {
        // Two tokens per three bytes: far more than the storage reserved from the file size.
        let source = String(repeating: "a,", count: 5_000) + "b\n"
        let result = lexed(source, strings: .flagsAndContent)
        #expect(result.tokens.count == 10_000 + 3)
        #expect(result.tokens.suffix(3) == ["b", "NL", "EOF"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func deepBracketsAreMatchedAndReportedInnermostFirst() {
        let deep = String(repeating: "(", count: 300) + "x" + String(repeating: ")", count: 300) + "\n"
        #expect(lexed(deep, strings: .flagsAndContent).diagnostics.isEmpty)
        // Unclosed at the end of the file: reported at the innermost open bracket.
        let open = "y = " + String(repeating: "[", count: 100) + "1"
        #expect(lexed(open, strings: .flagsAndContent).diagnostics == ["m.py:1:104: error: unclosed bracket at end of file"])
    }

    @Test func repeatedLinesBeyondTheFirstStorageKeepTheirOwnOffsets() {
        // Lines copied from the first one while the token storage grows under them.
        let line = "    name: Mapped[str] = mapped_column(String(80), nullable=False)\n"
        let source = "class A(Base):\n" + String(repeating: line, count: 400)
        let file = SourceFile(path: "m.py", text: source)
        var log = DiagnosticLog()
        let tokens = PythonLexer.tokenize(file, log: &log)
        let lastName = tokens.lastIndex { $0.kind == .name && file.text($0.start..<$0.end) == "name" }!
        #expect(tokens[lastName].start == source.utf8.count - line.utf8.count + 4)
        #expect(tokens[lastName].repeatOf > 0)
        #expect(tokens.filter { $0.kind == .name && file.text($0.start..<$0.end) == "nullable" }.count == 400)
        #expect(log.diagnostics.isEmpty)
    }
}
