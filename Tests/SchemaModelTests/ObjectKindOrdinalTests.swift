import SchemaModel
import Testing

@Suite struct ObjectKindOrdinalTests {
    /// `ordinal` is written out case by case for speed; it must stay the declaration order.
    @Test func ordinalIsPositionInAllCases() {
        #expect(ObjectKind.allCases.map(\.ordinal) == Array(ObjectKind.allCases.indices))
    }

    @Test func orderFollowsDeclaration() {
        #expect(ObjectKind.table < ObjectKind.column)
        #expect(!(ObjectKind.sequence < ObjectKind.view))
        #expect(ObjectKind.allCases.sorted() == ObjectKind.allCases)
    }
}
