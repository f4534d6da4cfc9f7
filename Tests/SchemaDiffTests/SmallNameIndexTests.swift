import Testing
@testable import SchemaDiff

@Suite struct SmallNameIndexTests {
    /// The first position of a name wins, below and above the switch to a dictionary.
    @Test(arguments: [3, 24, 25, 60])
    func firstPositionWinsAtEveryWidth(count: Int) {
        var index = SmallNameIndex(capacity: count / 2)
        for i in 0..<count {
            let inserted = index.insertIfAbsent("c\(i)", i)
            #expect(inserted)
        }
        for i in 0..<count {
            let inserted = index.insertIfAbsent("c\(i)", i + 1000)
            #expect(!inserted)
        }
        for i in 0..<count { #expect(index["c\(i)"] == i) }
        #expect(index["missing"] == nil)
    }

    /// Lookups answer as `==` does, narrow or wide: canonically equivalent spellings of a non-ASCII
    /// name find each other even though their UTF-8 lengths differ; ASCII names of equal length that
    /// differ do not.
    @Test(arguments: [4, 40])
    func lookupsFollowStringEquality(width: Int) {
        var index = SmallNameIndex(capacity: width)
        for i in 0..<(width - 3) { index.insertIfAbsent("col_\(i)", i) }
        index.insertIfAbsent("caf\u{E9}", 100)
        index.insertIfAbsent("abc", 101)
        index.insertIfAbsent("x\u{301}", 102)
        #expect(index["cafe\u{301}"] == 100)
        #expect(index["caf\u{E9}"] == 100)
        #expect(index["abd"] == nil)
        #expect(index["abc"] == 101)
        #expect(index["x\u{301}"] == 102)
        #expect(index["x"] == nil)
    }

    /// A hint only decides where the search starts: a right hint, a wrong one and one past the end
    /// give what the plain lookup gives, narrow or wide.
    @Test(arguments: [5, 30])
    func hintNeverChangesTheAnswer(count: Int) {
        var index = SmallNameIndex(capacity: count)
        // Inserted in reverse, so the position recorded differs from the insertion slot.
        for i in (0..<count).reversed() { index.insertIfAbsent("n\(i)", 10 * i) }
        for i in 0..<count {
            let slot = count - 1 - i
            #expect(index["n\(i)", hint: slot] == 10 * i)
            #expect(index["n\(i)", hint: i] == 10 * i)
            #expect(index["n\(i)", hint: count + 7] == 10 * i)
            #expect(index["absent", hint: slot] == nil)
        }
    }
}
