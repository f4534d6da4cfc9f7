import Foundation
@testable import SchemaAuditKit
import SchemaModel
import Testing
import TestSupport

/// `SortedJSONEncoder` writes exactly the bytes of Foundation's `JSONEncoder` with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, which `inspect --format json` printed
/// before it and still falls back to.
@Suite struct SortedJSONEncoderTests {
    static func foundation<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    struct Leaf: Codable {
        var name: String
        var count: Int?
        var flags: [Bool] = []
    }

    /// Keys out of byte order, empty containers, optionals, nesting, integer extremes.
    struct Shapes: Codable {
        var zeta = "z"
        var Alpha = 1
        var _under: Int64 = .min
        var a10: UInt64 = .max
        var a9: Int8 = -3
        var aB = true
        var ab = false
        var emptyList: [Int] = []
        var emptyMap: [String: Int] = [:]
        var absent: String? = nil
        var leaves = [Leaf(name: "x", count: 2, flags: [true, false]), Leaf(name: "", count: nil)]
        var grid: [[Int]] = [[], [1, 2], [3]]
        var byName: [String: Leaf] = ["b": Leaf(name: "b"), "B": Leaf(name: "B"), "é": Leaf(name: "e"), "a": Leaf(name: "a")]
        var nested: [String: [String: [Int]]] = ["k": ["j": []], "": [:]]
        var numbers: [Int32] = [0, -1, .max]
        var small: [UInt16] = [0, 65535]
    }

    @Test func shapesMatchFoundation() throws {
        #expect(try SortedJSONEncoder.encode(Shapes()) == Self.foundation(Shapes()))
        #expect(try SortedJSONEncoder.encode([Shapes]()) == Self.foundation([Shapes]()))
        #expect(try SortedJSONEncoder.encode("top \"level\"") == Self.foundation("top \"level\""))
        #expect(try SortedJSONEncoder.encode([String: Int]()) == Self.foundation([String: Int]()))
    }

    /// Every control character, quotes, backslashes, slashes, DEL, non-ASCII and line separators,
    /// in values and in keys.
    @Test func stringEscapesMatchFoundation() throws {
        var text = ""
        for scalar in 0..<0x20 { text.unicodeScalars.append(Unicode.Scalar(UInt8(scalar))) }
        text += "\"\\/ \u{7F} é e\u{301} 😀 \u{2028}\u{2029}\u{FEFF} </script>"
        let values = [text, "", "plain", String(text.reversed())]
        #expect(try SortedJSONEncoder.encode(values) == Self.foundation(values))
        let keyed = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($0.element, $0.offset) })
        #expect(try SortedJSONEncoder.encode(keyed) == Self.foundation(keyed))
    }

    /// A value encoded through `superEncoder` lands where the call placed it.
    class Base: Encodable {
        var id = 7
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(id, forKey: .id)
        }
        enum Keys: String, CodingKey { case id }
    }

    final class Derived: Base {
        var extra = "e"
        override func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(extra, forKey: .extra)
            try super.encode(to: container.superEncoder())
            try super.encode(to: container.superEncoder(forKey: .parent))
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try super.encode(to: list.superEncoder())
            try list.encode(1)
        }
        enum Keys: String, CodingKey { case extra, parent, list }
    }

    @Test func superEncodersMatchFoundation() throws {
        #expect(try SortedJSONEncoder.encode(Derived()) == Self.foundation(Derived()))
    }

    /// Floating-point numbers are left to `JSONEncoder`: the encoder refuses them.
    @Test func floatingPointIsRefused() {
        #expect(throws: SortedJSONEncoder.Unsupported.self) { try SortedJSONEncoder.encode([1.5]) }
        #expect(throws: SortedJSONEncoder.Unsupported.self) { try SortedJSONEncoder.encode(["x": Float(2)]) }
    }

    /// The inspect documents of real-world fixtures, both file readers.
    @Test(arguments: [
        (SourceKind.drizzle, "pixcrawler/drizzle"), (.drizzle, "delula/drizzle"), (.drizzle, "roborail/drizzle"),
        (.drizzle, "compare-drift/drizzle"), (.sqlalchemy, "ledger-classic/sqlalchemy"),
        (.sqlalchemy, "pixcrawler-backend/sqlalchemy"),
    ])
    func inspectDocumentsMatchFoundation(kind: SourceKind, fixture: String) throws {
        let loaded = try SourceLoader().load(SourceSpec(kind: kind, label: kind.rawValue, values: [TestSupport.fixturePath(fixture)]))
        let document = InspectDocument(loaded)
        #expect(loaded.catalog.tableCount > 0)
        #expect(try SortedJSONEncoder.encode(document) == Self.foundation(document))
        #expect(try document.json() == String(decoding: Self.foundation(document), as: UTF8.self) + "\n")
    }
}
