import Testing

@testable import SQLAlchemyReader

/// DDL words are packed eight bytes at a time (``DDLParser/Key/init(word:_:_:needsFolding:)``); the
/// keys must be those packing byte by byte (``DDLParser/Key/absorb(_:at:)``) gives.
@Suite struct DDLWordTests {
    /// Keys are compact (32-bit offsets), and offsets and flags read back across a whole statement.
    @Test func keysAreCompactAndKeepTheirOffsets() {
        #expect(MemoryLayout<DDLParser.Key>.stride == 32)
        let sql = Array(#"CREATE POLICY "p""x" ON s.t USING (a::int > 1); -- done"#.utf8)
        let (keys, quoted) = DDLParser.scan(sql)
        let spelled = keys.map { String(decoding: sql[$0.start..<$0.end], as: UTF8.self) }
        #expect(spelled == ["CREATE", "POLICY", #"p""x"#, "ON", "s", ".", "t", "USING", "(", "a", "::", "int", ">", "1", ")", ";"])
        #expect(quoted == [2: #"p"x"#])
        #expect(keys[2].isQuoted && keys[2].isWord && !keys[3].isQuoted && keys[0].needsFolding && !keys[4].needsFolding)
        #expect(keys[10].punct == DDLParser.Key.castCode && keys[5].punct == UInt8(ascii: "."))
    }

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
