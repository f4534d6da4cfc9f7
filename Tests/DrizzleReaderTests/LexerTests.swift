@testable import DrizzleReader
import Testing

/// The TypeScript lexer: token boundaries for the constructs that trip naive scanners.
@Suite struct LexerTests {
    func kinds(_ source: String) -> [String] {
        let bytes = Array(source.utf8)
        let lexer = TSLexer.lex(bytes)
        return lexer.tokens.dropLast().map { token in
            let text = String(decoding: bytes[Int(token.start)..<Int(token.end)], as: UTF8.self)
            return "\(token.kind):\(text)"
        }
    }

    @Test func commentsAreSkipped() {
        #expect(kinds("a // x `\n/* y ' */ b") == ["identifier:a", "identifier:b"])
    }

    @Test func stringsWithEscapes() {
        #expect(kinds(#"'it\'s' "a\"b""#) == [#"string:'it\'s'"#, #"string:"a\"b""#])
    }

    @Test func templateWithNestedSubstitutions() {
        #expect(kinds("sql`a ${f({ x: `in ${y}` })} b`") == [
            "identifier:sql", "templateHead:`a ${", "identifier:f", "punct:(", "punct:{", "identifier:x", "punct::",
            "templateHead:`in ${", "identifier:y", "templateTail:}`", "punct:}", "punct:)", "templateTail:} b`",
        ])
    }

    @Test func regexVersusDivision() {
        #expect(kinds("a / b / c") == ["identifier:a", "punct:/", "identifier:b", "punct:/", "identifier:c"])
        #expect(kinds("x = /[/]\\/+/g.test(s)") == ["identifier:x", "punct:=", "regex:/[/]\\/+/g", "punct:.", "identifier:test", "punct:(", "identifier:s", "punct:)"])
        #expect(kinds("return /a/") == ["identifier:return", "regex:/a/"])
        #expect(kinds("(a) / 2") == ["punct:(", "identifier:a", "punct:)", "punct:/", "number:2"])
    }

    @Test func numbersAndPunctuators() {
        #expect(kinds("1_000 0x1F 1.5e-3 .5 10n a?.b ...c => x ?? y") == [
            "number:1_000", "number:0x1F", "number:1.5e-3", "number:.5", "number:10n", "identifier:a", "punct:?.",
            "identifier:b", "punct:...", "identifier:c", "punct:=>", "identifier:x", "punct:??", "identifier:y",
        ])
    }

    @Test func bracketsArePaired() {
        let lexer = TSLexer.lex(Array("f({ a: [1] })".utf8))
        #expect(lexer.tokens[1].match == 9)
        #expect(lexer.tokens[2].match == 8)
        #expect(lexer.tokens[5].match == 7)
        #expect(lexer.problems.isEmpty)
    }

    @Test(arguments: [
        ("'abc", "unterminated string literal"),
        ("`abc ${x}", "unterminated template literal"),
        ("/* abc", "unterminated comment"),
        ("f(a", "unbalanced '('"),
        ("a)", "unbalanced ')'"),
    ])
    func problemsAreReported(_ source: String, _ message: String) {
        let lexer = TSLexer.lex(Array(source.utf8))
        #expect(lexer.problems.map(\.message) == [message])
        #expect(lexer.tokens.last?.kind == .eof)
    }
}
