@testable import DrizzleReader
import Testing

/// The lexer on tricky and broken input: exact token streams, newline flags, bracket pairs and
/// problems, including input denser than the first pass's token storage.
@Suite struct LexerEdgeTests {
    func kinds(_ source: String) -> [String] {
        let bytes = Array(source.utf8)
        let lexer = TSLexer.lex(bytes)
        return lexer.tokens.map { token in
            let text = String(decoding: bytes[Int(token.start)..<Int(token.end)], as: UTF8.self)
            return "\(token.kind):\(text)"
        }
    }

    @Test(arguments: [
        ("", ["eof:"]),
        ("   \n\t ", ["eof:"]),
        ("'abc\\", ["string:'abc\\", "eof:"]),
        ("\"a\nb", ["string:\"a", "identifier:b", "eof:"]),
        ("`a\\", ["templateFull:`a\\", "eof:"]),
        ("`a${b}c${d}e`", ["templateHead:`a${", "identifier:b", "templateMiddle:}c${", "identifier:d", "templateTail:}e`", "eof:"]),
        ("`a${`b${`c`}`}`", ["templateHead:`a${", "templateHead:`b${", "templateFull:`c`", "templateTail:}`", "templateTail:}`", "eof:"]),
        ("`${ {a: 1} }`", ["templateHead:`${", "punct:{", "identifier:a", "punct::", "number:1", "punct:}", "templateTail:}`", "eof:"]),
        ("a /* x */ b /**/ c", ["identifier:a", "identifier:b", "identifier:c", "eof:"]),
        ("typeof /a/g", ["identifier:typeof", "regex:/a/g", "eof:"]),
        ("x in /[/]/", ["identifier:x", "identifier:in", "regex:/[/]/", "eof:"]),
        ("instanceof /a/", ["identifier:instanceof", "regex:/a/", "eof:"]),
        ("returns / 2", ["identifier:returns", "punct:/", "number:2", "eof:"]),
        ("a[0] / 2 / b", ["identifier:a", "punct:[", "number:0", "punct:]", "punct:/", "number:2", "punct:/", "identifier:b", "eof:"]),
        ("'s' / 2", ["string:'s'", "punct:/", "number:2", "eof:"]),
        ("= /a\nb/", ["punct:=", "punct:/", "identifier:a", "identifier:b", "punct:/", "eof:"]),
        ("x /= 2", ["identifier:x", "punct:/=", "number:2", "eof:"]),
        ("café = #priv", ["identifier:café", "punct:=", "identifier:#priv", "eof:"]),
        ("名前.x", ["identifier:名前", "punct:.", "identifier:x", "eof:"]),
        ("1e+5 0x1e+5 1.5.e", ["number:1e+5", "number:0x1e", "punct:+", "number:5", "number:1.5.e", "eof:"]),
        ("a?.5:b ?.c", ["identifier:a", "punct:?", "number:.5", "punct::", "identifier:b", "punct:?.", "identifier:c", "eof:"]),
        ("a === b !== c ??= d **= e <<= f >>> g", [
            "identifier:a", "punct:===", "identifier:b", "punct:!==", "identifier:c", "punct:??=", "identifier:d", "punct:**=",
            "identifier:e", "punct:<<=", "identifier:f", "punct:>", "punct:>", "punct:>", "identifier:g", "eof:",
        ]),
        ("a && b || c &= d |= e ++ f -- g %= h ^= i", [
            "identifier:a", "punct:&&", "identifier:b", "punct:||", "identifier:c", "punct:&=", "identifier:d", "punct:|=",
            "identifier:e", "punct:++", "identifier:f", "punct:--", "identifier:g", "punct:%=", "identifier:h", "punct:^=",
            "identifier:i", "eof:",
        ]),
    ])
    func tokenStreams(_ source: String, _ expected: [String]) {
        #expect(kinds(source) == expected)
    }

    @Test func punctuatorCodesArePacked() {
        let lexer = TSLexer.lex(Array("=> ... ?. ( ===".utf8))
        #expect(lexer.tokens.map(\.punct) == [P.arrow, P.ellipsis, P.questionDot, P.lparen, 0x3D3D3D, 0])
    }

    @Test func newlineFlags() {
        let lexer = TSLexer.lex(Array("a\nb /*\n*/ c // x\nd e".utf8))
        #expect(lexer.tokens.map(\.newlineBefore) == [true, true, true, true, false, true])
    }

    @Test(arguments: [
        ("f([a)", ["unbalanced '['"], [(1, 4)]),
        ("(]", ["unbalanced ']'", "unbalanced '('"], []),
        ("{ [ ( ) ] }", [], [(0, 5), (1, 4), (2, 3)]),
        // The `}` cannot close the substitution while `(` is open, so the backtick starts a new template.
        ("`${(}`", ["unbalanced '}'", "unterminated template literal", "unbalanced '('"], []),
        ("'a\n'", ["unterminated string literal", "unterminated string literal"], []),
        ("/* a\n", ["unterminated comment"], []),
    ])
    func bracketsAndProblems(_ source: String, _ messages: [String], _ pairs: [(Int, Int)]) {
        let lexer = TSLexer.lex(Array(source.utf8))
        #expect(lexer.problems.map(\.message) == messages)
        for (open, close) in pairs { #expect(lexer.tokens[open].match == Int32(close)) }
        #expect(lexer.tokens.last?.kind == .eof)
    }

    /// One-byte tokens overflow the first pass's storage: the second pass gives the same tokens, and
    /// problems are reported once.
    @Test func denseInputIsLexedCompletely() {
        let source = String(repeating: "a,", count: 3000) + "(" + String(repeating: "[", count: 100) + "'x"
        let lexer = TSLexer.lex(Array(source.utf8))
        #expect(lexer.tokens.count == 6000 + 1 + 100 + 1 + 1)
        #expect(lexer.tokens[5999].kind == .punct && lexer.tokens[5998].kind == .identifier)
        #expect(lexer.tokens.last?.kind == .eof && lexer.tokens.last?.start == Int32(source.utf8.count))
        #expect(lexer.problems.count == 50)
        #expect(lexer.problems.first?.message == "unterminated string literal")
    }

    @Test(arguments: [("t", true), ("tt", false), ("", false), ("T", false), ("café", false)])
    func hasTextComparesTheTokenBytes(_ text: String, _ expected: Bool) {
        let bytes = Array("t.café".utf8)
        let parser = TSParser(bytes: bytes, tokens: TSLexer.lex(bytes).tokens)
        #expect(parser.hasText(parser.tokens[0], text) == expected)
        #expect(parser.hasText(parser.tokens[2], "café") && !parser.hasText(parser.tokens[2], "cafe"))
    }
}
