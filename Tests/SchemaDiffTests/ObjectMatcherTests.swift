import Testing
@testable import SchemaDiff

@Suite struct ObjectMatcherTests {
    /// A deterministic generator (SplitMix64) so every run checks the same cases.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    /// Keys drawn from small alphabets, so meanings, names and loose keys collide often.
    static func keys(_ count: Int, _ generator: inout Generator) -> [ObjectMatcher.Keys] {
        (0..<count).map { _ in
            ObjectMatcher.Keys(
                meaning: "m\(generator.next(3))",
                name: generator.next(3) == 0 ? nil : "n\(generator.next(3))",
                loose: generator.next(2) == 0 ? nil : "l\(generator.next(2))")
        }
    }

    static func flat(_ result: ObjectMatcher.Result) -> String {
        result.pairs.map { "\($0.left)-\($0.right)-\($0.tier)" }.joined(separator: ",")
            + " | \(result.leftOnly) | \(result.rightOnly)"
    }

    /// Scanning short lists pairs exactly as the dictionaries do: same pairs, tiers and leftovers.
    @Test func scanningPairsLikeHashing() {
        var generator = Generator(state: 7)
        var differences: [String] = []
        var paired = 0
        for _ in 0..<2_000 {
            let left = Self.keys(generator.next(7), &generator)
            let right = Self.keys(generator.next(7), &generator)
            let scanned = ObjectMatcher.matchByScanning(left, right)
            let hashed = ObjectMatcher.matchByHashing(left, right)
            paired += hashed.pairs.count
            if Self.flat(scanned) != Self.flat(hashed) { differences.append("\(left) / \(right)") }
        }
        #expect(differences.isEmpty, "\(differences.count) cases differ, first: \(differences.first ?? "")")
        #expect(paired > 1_000)  // the cases really pair objects, at every tier
    }

    /// Matching by name alone pairs as the general matcher does with meanings that never repeat.
    @Test func byNameLikeUniqueMeanings() {
        var generator = Generator(state: 11)
        var differences = 0
        var paired = 0
        for _ in 0..<2_000 {
            let left = (0..<generator.next(6)).map { _ in generator.next(4) == 0 ? nil : "n\(generator.next(3))" }
            let right = (0..<generator.next(6)).map { _ in generator.next(4) == 0 ? nil : "n\(generator.next(3))" }
            let general = ObjectMatcher.match(left.enumerated().map { .init(meaning: "L\($0.offset)", name: $0.element) },
                                              right.enumerated().map { .init(meaning: "R\($0.offset)", name: $0.element) })
            let byName = ObjectMatcher.matchByName(left, right)
            paired += byName.pairs.count
            if Self.flat(general) != Self.flat(byName) { differences += 1 }
        }
        #expect(differences == 0)
        #expect(paired > 1_000)
    }

    /// Same meaning wins over same name, and among equal meanings the one with the same name.
    @Test func meaningThenName() {
        let left = [ObjectMatcher.Keys(meaning: "a", name: "x", loose: nil), ObjectMatcher.Keys(meaning: "z", name: "y", loose: "k")]
        let right = [ObjectMatcher.Keys(meaning: "a", name: "q", loose: nil), ObjectMatcher.Keys(meaning: "a", name: "x", loose: nil),
                     ObjectMatcher.Keys(meaning: "b", name: "y", loose: "k")]
        let result = ObjectMatcher.match(left, right)
        #expect(Self.flat(result) == "0-1-meaning,1-2-name | [] | [0]")
    }
}
