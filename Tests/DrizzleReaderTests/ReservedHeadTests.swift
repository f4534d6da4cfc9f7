@testable import DrizzleReader
import Testing

/// ``TSParser/isReservedHead(_:)`` compares bytes instead of looking the decoded name up in
/// ``TSParser/reservedHeads``; both must agree on every name.
@Suite struct ReservedHeadTests {
    static let others = [
        "t", "table", "tru", "trues", "fals", "func", "nul", "news", "undefine", "clas", "voids", "del", "awai", "asyncs", "a",
        "ge", "gets", "se", "satisfie", "i", "ins", "instance", "id", "sql", "index", "users", "x", "_", "$type", "ñame",
    ]

    @Test(arguments: Array(TSParser.reservedHeads) + others) func agreesWithTheSet(_ name: String) {
        let bytes = Array("\(name) ".utf8)
        let lexer = TSLexer.lex(bytes)
        let parser = TSParser(bytes: bytes, tokens: lexer.tokens)
        let token = lexer.tokens[0]
        #expect(token.kind == .identifier)
        #expect(parser.isReservedHead(token) == TSParser.reservedHeads.contains(name))
    }
}
