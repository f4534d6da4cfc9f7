import Testing

@testable import SQLAlchemyReader

/// ``KeySet`` answers the same whatever room it was given and on both sides of its switch from a
/// list to a set.
@Suite struct KeySetTests {
    @Test(arguments: [0, 1, 13, 33, 100])
    func insertsOnceWhateverTheCapacity(capacity: Int) {
        var keys = capacity == 0 ? KeySet() : KeySet(capacity: capacity)
        let names = (0..<50).map { "k\($0)" }
        var inserted: [Bool] = []
        for name in names { inserted.append(keys.insert(name)) }
        for name in names { inserted.append(keys.insert(name)) }
        inserted.append(keys.insert("new"))
        inserted.append(keys.insert("new"))
        #expect(inserted == Array(repeating: true, count: 50) + Array(repeating: false, count: 50) + [true, false])
    }
}
