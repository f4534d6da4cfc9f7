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

    /// Every offset (and one past the end) maps to the line a scan from the start finds, for files
    /// of many line counts: the search halves a window, so odd and even counts take other paths.
    @Test(arguments: [0, 1, 2, 3, 7, 8, 9, 64, 100])
    func positionAgreesWithAScan(lines: Int) {
        let text = (0..<lines).map { String(repeating: "x", count: $0 % 4) + "\n" }.joined() + "tail"
        let bytes = Array(text.utf8)
        let table = LineTable(bytes: bytes)
        var line = 1
        var column = 1
        for offset in 0...bytes.count {
            let found = table.position(of: offset)
            #expect(found.line == line && found.column == column, "offset \(offset)")
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
        }
    }
}
