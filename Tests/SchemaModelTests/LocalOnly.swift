import Testing
@Test func localPlaceholder() { #expect(Bool(true)) }
