import Testing
@testable import SourceScanning

@Suite struct LineTableTests {
    @Test func mapsOffsetsToLinesAndColumns() {
        let file = SourceFile(path: "a.ts", text: "ab\ncde\n\nf")
        #expect(file.location(at: 0).description == "a.ts:1:1")
        #expect(file.location(at: 1).description == "a.ts:1:2")
        #expect(file.location(at: 2).description == "a.ts:1:3")
        #expect(file.location(at: 3).description == "a.ts:2:1")
        #expect(file.location(at: 5).description == "a.ts:2:3")
        #expect(file.location(at: 7).description == "a.ts:3:1")
        #expect(file.location(at: 8).description == "a.ts:4:1")
    }

    @Test func textRangeIsClamped() {
        let file = SourceFile(path: "a.ts", text: "hello")
        #expect(file.text(1..<3) == "el")
        #expect(file.text(3..<99) == "lo")
    }

    /// Line starts are every offset after a newline, whatever surrounds them.
    @Test(arguments: ["", "\n", "\n\n\n", "abc", "abc\n", "a\r\nb\r\n", "é\nü\n\nx", String(repeating: "line of text\n", count: 500) + "end"])
    func lineStartsFollowEveryNewline(text: String) {
        let bytes = Array(text.utf8)
        let expected = [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
        #expect(LineTable(bytes: bytes).lineStarts == expected)
    }
}
