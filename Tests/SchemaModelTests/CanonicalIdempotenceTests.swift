import Testing
@testable import SchemaModel

/// A canonical form is a fixed point: canonicalizing it again changes nothing. This is what lets
/// a canonical text be stored (in a baseline, a report) and compared with later runs.
@Suite struct CanonicalIdempotenceTests {
    static var allSpellings: [String] {
        let pairs = ExpressionCanonicalizerTests.defaults + ExpressionCanonicalizerTests.checks
            + ExpressionCanonicalizerTests.policies + ExpressionCanonicalizerTests.more
        return pairs.flatMap { [$0.written, $0.stored] }
            + StoredCheckConstraintTests.rows.flatMap { [$0.0, $0.1] }
            + StoredDefaultTests.rows.flatMap { [$0.1, $0.2] }
            + StoredPolicyTests.rows.flatMap { [$0.0, $0.1] }
            + ExpressionCanonicalizerTests.hostile
    }

    @Test func canonicalFormIsAFixedPoint() {
        for spelling in Self.allSpellings {
            let once = ExpressionCanonicalizer.canonicalize(spelling)
            #expect(ExpressionCanonicalizer.canonicalize(once) == once, "\(spelling)")
        }
    }
}
