import SchemaModel
import SourceScanning
import Testing

@testable import SQLAlchemyReader

@Suite struct LexerTests {
    @Test func indentationProducesIndentAndDedent() {
        let result = lexed("class A:\n    x = 1\n\n    # comment\n    y = 2\nz = 3\n")
        #expect(result.tokens == [
            "class", "A", ":", "NL", "INDENT", "x", "=", "N:1", "NL", "y", "=", "N:2", "NL", "DEDENT",
            "z", "=", "N:3", "NL", "EOF",
        ])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func bracketsJoinLinesAndBackslashContinues() {
        let result = lexed("x = f(\n  1,\n    2)\ny = 1 + \\\n  2\n")
        #expect(result.tokens == ["x", "=", "f", "(", "N:1", ",", "N:2", ")", "NL", "y", "=", "N:1", "+", "N:2", "NL", "EOF"])
    }

    @Test(arguments: [
        ("'a'", "S:'a'"), ("\"a\"", "S:\"a\""), ("r'\\d'", "S:r'\\d'"), ("b'x'", "S:b'x'"), ("f'{x}'", "S:f'{x}'"),
        ("rb'x'", "S:rb'x'"), ("Rb'x'", "S:Rb'x'"), ("u'x'", "S:u'x'"), ("F\"{a['k']}\"", "S:F\"{a['k']}\""),
        ("'''a\n'b'\n'''", "S:'''a\n'b'\n'''"), ("\"\"\"doc\"\"\"", "S:\"\"\"doc\"\"\""), ("'it\\'s'", "S:'it\\'s'"),
    ])
    func stringPrefixesAndQuotes(source: String, expected: String) {
        let result = lexed(source)
        #expect(result.tokens == [expected, "NL", "EOF"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test(arguments: [("1", "N:1"), ("1_000", "N:1_000"), ("0x1F", "N:0x1F"), ("1.5e-3", "N:1.5e-3"), (".5", "N:.5"), ("3j", "N:3j")])
    func numbers(source: String, expected: String) {
        #expect(lexed(source).tokens == [expected, "NL", "EOF"])
    }

    @Test func operatorsAreLongestMatch() {
        #expect(lexed("a ** b // c -> d := e ... != f").tokens == [
            "a", "**", "b", "//", "c", "->", "d", ":=", "e", "...", "!=", "f", "NL", "EOF",
        ])
    }

    @Test func unterminatedStringsAreReportedWithTheirLocation() {
        #expect(lexed("x = 'abc\ny = 1\n").diagnostics == ["m.py:1:5: error: unterminated string"])
        #expect(lexed("x = 1\ny = \"\"\"abc\n").diagnostics == ["m.py:2:5: error: unterminated triple-quoted string"])
        #expect(lexed("z = f'{a\n").diagnostics == ["m.py:1:5: error: unterminated f-string"])
    }

    @Test func badIndentationIsReported() {
        let result = lexed("class A:\n        x = 1\n    y = 2\n")
        #expect(result.diagnostics == ["m.py:3:5: error: unindent does not match any outer indentation level"])
    }

    @Test func unclosedBracketRecoversAtTheNextClass() {
        let result = lexed("x = f(1,\nclass B:\n    pass\n")
        #expect(result.diagnostics == ["m.py:1:6: error: unclosed bracket"])
        #expect(result.tokens.contains("class"))
        #expect(result.tokens.firstIndex(of: "NL")! < result.tokens.firstIndex(of: "class")!)
    }

    @Test func strayCharactersAndClosersAreReported() {
        #expect(lexed("x = 1 $ 2\n").diagnostics == ["m.py:1:7: error: unexpected character"])
        #expect(lexed("x = 1)\n").diagnostics == ["m.py:1:6: error: unmatched ')'"])
    }

    @Test func commentsAndCarriageReturnsAreIgnored() {
        #expect(lexed("x = 1  # c\r\ny = 2\r\n").tokens == ["x", "=", "N:1", "NL", "y", "=", "N:2", "NL", "EOF"])
    }
}
