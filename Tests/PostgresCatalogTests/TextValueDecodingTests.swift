import Testing
@testable import PostgresCatalog

/// The hand-written decoders of catalog text output agree with the obvious library versions they
/// replaced (splitting into substrings, one dictionary per table).
@Suite struct TextValueDecodingTests {
    /// The straightforward reading: split on the separators, keep what `Int(_:)` accepts.
    static func splitNumbers(_ value: String?) -> [Int] {
        guard let value else { return [] }
        return value.split { $0 == "{" || $0 == "}" || $0 == "," || $0 == " " }.compactMap { Int($0) }
    }

    @Test(arguments: [
        nil, "", "{}", "{1,3}", "1 3", "{-1,2}", "0", "{1,2,3,4,5,6,7,8,9,10,11,12}", "1  2", "{+4}", "{+-4}",
        "{--4}", "{4-}", "{-}", "{+}", "{1a,2}", "{99999999999999999999,3}", "{,,5,}", "-0", "{1}{2}",
    ] as [String?])
    func numbersMatchSplitting(value: String?) {
        #expect(TextValue.numbers(value) == Self.splitNumbers(value))
    }

    @Test func numbersMatchSplittingOnGeneratedText() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("{},  0123456789-+x")
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...16, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(TextValue.numbers(text) == Self.splitNumbers(text), "\(text)")
        }
    }

    @Test func listSplitsLikeCharacters() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["\u{1F}", "a", "é", "e\u{301}", "\u{301}", "👩‍💻", " ", "\"", "anon", "authenticated", ""]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let expected = text.isEmpty ? [] : text.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            #expect(TextValue.list(text) == expected, "\(text.unicodeScalars.map { $0.value })")
        }
        #expect(TextValue.list(nil) == [])
    }

    @Test func quotedDoublesQuotes() {
        #expect(TextValue.quoted("name") == "\"name\"")
        #expect(TextValue.quoted("a\"b") == "\"a\"\"b\"")
        #expect(TextValue.quoted("") == "\"\"")
    }

    @Test func columnNamesResolveByTableAndNumber() {
        func column(_ table: String, _ number: Int, _ name: String) -> CatalogRows.ColumnRow {
            CatalogRows.ColumnRow(
                tableOID: table, name: name, formattedType: "integer", notNull: false, defaultExpression: nil,
                identity: "", generated: "", userType: nil, isArray: false, comment: nil, sequenceStart: nil,
                sequenceIncrement: nil, sequenceMin: nil, sequenceMax: nil, sequenceCache: nil, sequenceCycle: nil,
                number: number)
        }
        // A dropped column leaves a gap (2); a table may come back later in the list.
        var names = ColumnNames([
            column("10", 1, "id"), column("10", 3, "title"), column("20", 1, "key"), column("10", 4, "body"),
        ])
        #expect(names.knows("10") && names.knows("20") && !names.knows("30"))
        #expect(names.names("10", [4, 1, 2, 3, 9, -1]) == ["body", "id", "title"])
        #expect(names.name("20", 1) == "key")
        #expect(names.name("20", 2) == nil)
        #expect(names.names("30", [1]) == [])
        names.add(table: "30", number: 2, name: "user_id")
        #expect(names.knows("30") && names.name("30", 2) == "user_id" && names.name("30", 1) == nil)
        names.add(table: "30", number: 5_000, name: "out of range")
        #expect(names.name("30", 5_000) == nil)
    }
}
