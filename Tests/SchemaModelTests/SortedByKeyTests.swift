import Testing
@testable import SchemaModel

@Suite struct SortedByKeyTests {
    struct Item: Equatable { var key: String; var tag: Int }

    /// Same result as a stable sort by key, for sorted, reversed, shuffled and tied inputs.
    @Test(arguments: [
        ["a", "b", "c"], ["c", "b", "a"], ["b", "a", "c", "a"], ["x"], [], ["a", "a", "a"], ["B", "a", "A", "b"],
        ["a", "b", "a"], ["a", "a", "b", "a"], ["a", "b", "c", "b"], ["é", "e\u{301}", "e"],
    ])
    func matchesAStableSort(keys: [String]) {
        let items = keys.enumerated().map { Item(key: $0.element, tag: $0.offset) }
        let expected = items.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(\.element)
        #expect(items.sorted(byKey: \.key) == expected)
    }

    struct Named: Equatable { var name: String?; var rest: String }

    /// Sorting by name first gives exactly the order of sorting by the whole `name \u{1} rest` key:
    /// names that are prefixes of others, missing names, ties, non-ASCII and combining marks, and
    /// names holding the separator byte (which take the slow path).
    @Test(arguments: [
        [("a", "2"), ("b", "1")], [("b", "1"), ("a", "2")], [("idx", "z"), ("idx_x", "a")], [("idx_x", "a"), ("idx", "z")],
        [(nil, "b"), (nil, "a")], [("a", "b"), ("a", "a")], [("é", "1"), ("e\u{301}", "0"), ("e", "2")],
        [("x\u{1}", "b"), ("x", "a")], [("t_1", "k"), (nil, "j"), ("t_0", "i")], [("Z", "1"), ("a", "1"), ("ä", "1")],
        [("c", "1"), ("a", "9"), ("b", "5")], [("c", "1"), ("a", "9"), ("c", "0"), ("b", "5")], [("b_x", "1"), ("b", "2"), ("a", "3")],
    ] as [[(String?, String)]])
    func byNameMatchesByKey(pairs: [(String?, String)]) {
        let items = pairs.map { Named(name: $0.0, rest: $0.1) }
        let key = { (n: Named) in (n.name ?? "") + "\u{1}" + n.rest }
        #expect(items.sorted(byName: \.name, thenKey: key) == items.sorted(byKey: key))
    }
}
