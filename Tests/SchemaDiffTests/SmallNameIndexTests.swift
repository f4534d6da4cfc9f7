import Testing
@testable import SchemaDiff

@Suite struct SmallNameIndexTests {
    /// The first position of a name wins, below and above the switch to a dictionary.
    @Test(arguments: [3, 24, 25, 60])
    func firstPositionWinsAtEveryWidth(count: Int) {
        var index = SmallNameIndex(capacity: count / 2)
        for i in 0..<count { index.insertIfAbsent("c\(i)", i) }
        for i in 0..<count { index.insertIfAbsent("c\(i)", i + 1000) }
        for i in 0..<count { #expect(index["c\(i)"] == i) }
        #expect(index["missing"] == nil)
    }
}
