import SchemaModel

/// The type parts of an enum column without `TypeCanonicalizer.parse`.
///
/// An enum column's type is its enum's qualified name (`public.order_status`), so the parsed type is
/// never used; only the serial flag and the lower-cased spelling are. Parsing such a spelling costs
/// tens of thousands of instructions (it walks it by `Character`), once per enum and thread: most of
/// the distinct spellings of a large schema are enums.
extension DrizzleEvaluator {
    /// The SQL type, serial flag and lower-cased spelling of a column spelled `spelling` whose type
    /// is `enumType` when set, as `canonicalType(_:)` gives them.
    /// A column's SQL type, serial flag and lower-cased spelling (``columnTypeParts(_:enumType:)``).
    typealias TypeParts = (type: SQLType, isSerial: Bool, lowered: String)

    /// The ``TypeParts`` of a builder's fixed type, shared by every column of the builder: one reference
    /// to copy with a column's plan instead of the parts' three.
    final class FixedTypeParts {
        let parts: TypeParts

        init(_ parts: TypeParts) { self.parts = parts }
    }

    func columnTypeParts(_ spelling: String, enumType: SQLType?) -> (type: SQLType, isSerial: Bool, lowered: String) {
        if let enumType, Self.isPlainQualifiedName(spelling) { return (enumType, false, spelling) }
        let (parsed, lowered) = canonicalType(spelling)
        return (enumType ?? parsed.type, parsed.isSerial, lowered)
    }

    /// Whether `TypeCanonicalizer.parse` reads `spelling` as itself and not as a serial type: only
    /// lower-case ASCII letters, digits, `_` and `.`, with a dot (no serial alias has one), and neither
    /// a leading `_` (an internal array name) nor the `pg_catalog.` prefix it strips.
    static func isPlainQualifiedName(_ spelling: String) -> Bool {
        guard let first = spelling.utf8.first, first != UInt8(ascii: "_"), first != UInt8(ascii: ".") else { return false }
        var dot = false
        for byte in spelling.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): continue
            case UInt8(ascii: "."): dot = true
            default: return false
            }
        }
        return dot && !spelling.hasPrefix("pg_catalog.")
    }
}
