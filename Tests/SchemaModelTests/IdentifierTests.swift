import Testing
@testable import SchemaModel

@Suite struct IdentifierTests {
    @Test func truncates() { #expect(Identifier.truncated(String(repeating: "a", count: 70)).utf8.count == 63) }
}
