@testable import DrizzleReader
import Testing

/// ``TSToken`` packs its fields into twelve bytes: every field reads back as written, an opening
/// bracket keeps its end while it holds its match, and ``TSToken/isPunct(_:)`` agrees with comparing
/// the kind and code apart.
@Suite struct CompactTokenTests {
    @Test func tokenIsTwelveBytes() {
        #expect(MemoryLayout<TSToken>.stride == 12)
    }

    @Test(arguments: [
        (TSTokenKind.identifier, false, Int32(0), Int32(5), UInt32(0)),
        (.string, true, 7, 19, 0),
        (.number, false, 2_000_000_000, 2_000_000_003, 0),
        (.punct, true, 3, 6, 0x3D3D3D),  // ===
        (.punct, false, 4, 5, UInt32(0x29)),  // )
        (.regex, false, 1, 9, 0),
        (.templateFull, true, 0, 4, 0),
        (.templateHead, false, 10, 13, 0),
        (.templateMiddle, true, 20, 24, 0),
        (.templateTail, false, 30, 33, 0),
        (.eof, true, 40, 40, 0),
    ])
    func fieldsRoundTrip(_ kind: TSTokenKind, _ newline: Bool, _ start: Int32, _ end: Int32, _ punct: UInt32) {
        let token = TSToken(kind: kind, newlineBefore: newline, start: start, end: end, punct: punct)
        #expect(token.kind == kind)
        #expect(token.newlineBefore == newline)
        #expect(token.start == start)
        #expect(token.end == end)
        #expect(token.punct == punct)
        #expect(token.match == -1)
    }

    @Test(arguments: [P.lparen, P.lbracket, P.lbrace])
    func openingBracketKeepsItsEndAndMatch(_ code: UInt32) {
        var token = TSToken(kind: .punct, newlineBefore: true, start: 41, end: 42, punct: code)
        #expect(token.match == -1)
        token.match = 1234
        #expect(token.match == 1234)
        #expect(token.start == 41 && token.end == 42)
        #expect(token.kind == .punct && token.punct == code && token.newlineBefore)
    }

    @Test func closingBracketHasNoMatch() {
        let token = TSToken(kind: .punct, newlineBefore: false, start: 3, end: 4, punct: P.rparen)
        #expect(token.match == -1 && token.end == 4)
    }

    @Test(arguments: [
        (TSTokenKind.punct, P.comma, P.comma, true),
        (.punct, P.lparen, P.lparen, true),
        (.punct, P.arrow, P.assign, false),
        (.punct, P.ellipsis, P.ellipsis, true),
        (.identifier, 0, P.comma, false),
        (.string, 0, 0, false),
        (.punct, P.dot, TSToken.code("...."), false),
    ])
    func isPunctMatchesKindAndCode(_ kind: TSTokenKind, _ punct: UInt32, _ asked: UInt32, _ expected: Bool) {
        for newline in [false, true] {
            let token = TSToken(kind: kind, newlineBefore: newline, start: 0, end: 1, punct: punct)
            #expect(token.isPunct(asked) == expected)
            #expect(token.isPunct(asked) == (token.kind == .punct && token.punct == asked))
        }
    }

    /// The lexer's tokens: brackets paired, ends right, on input mixing every kind.
    @Test func lexedBracketsKeepTheirSpans() {
        let source = "f(a, [b], { c: `x${d}y` })\n/re/g"
        let bytes = Array(source.utf8)
        let tokens = TSLexer.lex(bytes).tokens
        for (index, token) in tokens.enumerated() where token.kind == .punct {
            let text = String(decoding: bytes[Int(token.start)..<Int(token.end)], as: UTF8.self)
            #expect(text.utf8.count == 1)
            if "([{".contains(text) {
                #expect(token.match > Int32(index))
                let closing = tokens[Int(token.match)]
                #expect(closing.kind == .punct && closing.punct == ["(": P.rparen, "[": P.rbracket, "{": P.rbrace][text])
            } else {
                #expect(token.match == -1)
            }
        }
    }
}
