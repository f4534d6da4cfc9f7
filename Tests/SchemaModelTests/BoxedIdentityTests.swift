import Foundation
import Testing
@testable import SchemaModel

@Suite struct BoxedIdentityTests {
    static func column(_ identity: Identity?) -> Column {
        Column(name: "id", type: SQLType("bigint"), isNullable: false, identity: identity, provenance: Provenance(source: .database))
    }

    static func json(_ column: Column) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(column), as: UTF8.self)
    }

    /// No identity leaves the key out, as a plain optional did; an identity is encoded in place.
    @Test func encodesLikeAnOptional() throws {
        #expect(!(try Self.json(Self.column(nil))).contains("identity"))
        let text = try Self.json(Self.column(Identity(generation: .always, start: 5)))
        #expect(text.contains(#""identity":{"generation":"always","start":5}"#))
    }

    /// Decoding gives back the same column, with and without an identity.
    @Test(arguments: [nil, Identity(generation: .byDefault, increment: 2, cycle: true)])
    func roundTrips(identity: Identity?) throws {
        let column = Self.column(identity)
        let decoded = try JSONDecoder().decode(Column.self, from: Data(try Self.json(column).utf8))
        #expect(decoded == column)
        #expect(decoded.identity == identity)
    }

    /// Equality and hashing look at the identity's value, not at the box holding it.
    @Test func comparesByValue() {
        let a = Self.column(Identity(generation: .always))
        var b = Self.column(nil)
        #expect(a != b)
        b.identity = Identity(generation: .always)
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        b.identity = nil
        #expect(b == Self.column(nil))
    }

    /// The point of the box: a column stays small (three catalogs hold tens of thousands of them).
    @Test func keepsColumnsSmall() {
        #expect(MemoryLayout<Column>.stride <= 200)
    }
}
