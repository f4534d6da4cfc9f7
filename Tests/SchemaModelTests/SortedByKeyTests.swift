import Testing
@testable import SchemaModel

@Suite struct SortedByKeyTests {
    struct Item: Equatable { var key: String; var tag: Int }

    /// Same result as a stable sort by key, for sorted, reversed, shuffled and tied inputs.
    @Test(arguments: [
        ["a", "b", "c"], ["c", "b", "a"], ["b", "a", "c", "a"], ["x"], [], ["a", "a", "a"], ["B", "a", "A", "b"],
    ])
    func matchesAStableSort(keys: [String]) {
        let items = keys.enumerated().map { Item(key: $0.element, tag: $0.offset) }
        let expected = items.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(\.element)
        #expect(items.sorted(byKey: \.key) == expected)
    }
}
