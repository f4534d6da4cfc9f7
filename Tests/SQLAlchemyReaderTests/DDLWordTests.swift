import Testing

@testable import SQLAlchemyReader

/// DDL words are packed eight bytes at a time (``DDLParser/Key/init(word:_:_:needsFolding:)``); the
/// keys must be those packing byte by byte (``DDLParser/Key/absorb(_:at:)``) gives.
@Suite struct DDLWordTests {
    /// Keys of `sql`'s unquoted words as the tokenizer makes them, and as absorbing each byte makes them.
    private func keys(_ sql: String) -> [(scanned: DDLParser.Key, absorbed: DDLParser.Key)] {
        let bytes = Array(sql.utf8)
        let scanned = DDLParser.scan(bytes).keys.filter { $0.isWord && !$0.isQuoted }
        return bytes.withUnsafeBufferPointer { b in
            scanned.map { key in (key, DDLParser.Key(b, key.start, key.end, isWord: true, isQuoted: false)) }
        }
    }

    @Test(arguments: [
        "a", "ab", "CREATE", "abcdefg", "abcdefgh", "abcdefghi", "Row_Level_Security_x", "exactly_sixteen_", "seventeen_bytes_x",
        "policy_name_that_is_rather_long_indeed", "tbl_0100", "x$y", "café", "ÉCOLE", "a1b2", "end",
    ])
    func packedWordsMatchAbsorbedWords(_ word: String) {
        // At the start, in the middle and at the very end of the SQL (where fewer than eight bytes remain).
        for sql in [word + " tail_words_here", "CREATE POLICY " + word + " ON t;", "x " + word] {
            let pairs = keys(sql)
            #expect(!pairs.isEmpty)
            for (scanned, absorbed) in pairs {
                #expect(scanned.start == absorbed.start && scanned.end == absorbed.end)
                #expect(scanned.packed0 == absorbed.packed0 && scanned.packed1 == absorbed.packed1)
                #expect(scanned.needsFolding == absorbed.needsFolding && scanned.punct == absorbed.punct)
            }
        }
    }
}
