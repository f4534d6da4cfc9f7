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
}
