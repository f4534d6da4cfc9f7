import Testing

@testable import SchemaDiff

@Suite struct TextBytesTests {
    /// Whatever the starting capacity, the pieces come out in order and whole: the buffer grows
    /// past it as often as needed, and non-ASCII text keeps its bytes.
    @Test(arguments: [0, 1, 16, 17, 4096])
    func piecesComeOutWholeAtAnyCapacity(capacity: Int) {
        var text = TextBytes(capacity: capacity)
        var expected = ""
        for i in 0..<200 {
            let piece = i % 3 == 0 ? "café·\(i)" : String(repeating: "x", count: i % 40)
            text.add(piece)
            expected += piece
        }
        #expect(text.text == expected)
        #expect(text.text.utf8.count == expected.utf8.count)
    }

    @Test func emptyBuilderIsEmptyText() {
        let text = TextBytes(capacity: 8)
        #expect(text.text == "")
        var nothing = TextBytes(capacity: 0)
        nothing.add("")
        #expect(nothing.text == "")
    }

    @Test func listsAndKeys() {
        var text = TextBytes(capacity: 2)
        text.add("unique ")
        text.addList(["owner_id", "name"])
        text.add(" ")
        text.addList([])
        text.add(" ")
        text.addJoined(["a"])
        #expect(text.text == "unique (owner_id, name) () a")
        #expect(TextBytes.dotted("public.users", "email") == "public.users.email")
        #expect(TextBytes.dotted("", "") == ".")
    }
}
