#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A JSON value tree as ``SortedJSONEncoder`` builds it, written the way Foundation's `JSONEncoder`
/// writes with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`.
///
/// Objects and arrays are classes so that a container handed out by the encoder keeps writing into
/// the node already placed in its parent. Scalars are kept as their finished JSON text.
enum JSONTree {
    /// An object's members in the order they were encoded; written sorted by key.
    // Unchecked exclusivity: only the encoding thread touches a tree, and the dynamic checks cost
    // as much as the appends.
    final class Object {
        @exclusivity(unchecked) var keys: [String] = []
        @exclusivity(unchecked) var values: [JSONTree] = []
    }

    final class Array {
        @exclusivity(unchecked) var values: [JSONTree] = []
    }

    /// JSON text: a number, `true`, `false` or `null`.
    case literal(String)
    case string(String)
    case object(Object)
    case array(Array)
    /// What the encoder of a `superEncoder()` call produces, possibly after the call placed it.
    case pending(TreeEncoder)

    /// The document as pretty-printed UTF-8 bytes, without a trailing newline.
    func bytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(into: &out, indent: 0)
        return out
    }

    private func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .literal(let text):
            out.append(contentsOf: text.utf8)
        case .string(let text):
            JSONTree.writeString(text, into: &out)
        case .pending(let pending):
            (pending.node ?? .object(Object())).write(into: &out, indent: indent)
        case .array(let array):
            out.append(UInt8(ascii: "["))
            out.append(10)
            if array.values.isEmpty { out.append(10) }
            for (index, value) in array.values.enumerated() {
                JSONTree.pad(&out, indent + 2)
                value.write(into: &out, indent: indent + 2)
                if index + 1 < array.values.count { out.append(UInt8(ascii: ",")) }
                out.append(10)
            }
            JSONTree.pad(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            out.append(10)
            if object.keys.isEmpty { out.append(10) }
            // Foundation sorts keys by their UTF-8 bytes (`"Z" < "_" < "a"`); the sort is stable.
            let keys = object.keys
            let order = JSONTree.sortedOrder(keys)
            for (position, index) in order.enumerated() {
                JSONTree.pad(&out, indent + 2)
                JSONTree.writeString(keys[index], into: &out)
                out.append(contentsOf: [32, UInt8(ascii: ":"), 32])
                object.values[index].write(into: &out, indent: indent + 2)
                if position + 1 < order.count { out.append(UInt8(ascii: ",")) }
                out.append(10)
            }
            JSONTree.pad(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let spaces = [UInt8](repeating: 32, count: 128)

    private static func pad(_ out: inout [UInt8], _ count: Int) {
        if count <= spaces.count {
            out.append(contentsOf: spaces[0..<count])
        } else {
            out.append(contentsOf: repeatElement(32, count: count))
        }
    }

    /// The indices of `keys` in the order of their UTF-8 bytes, stable. Synthesized coding emits keys
    /// in declaration order, so nearly every object needs sorting: keys are ranked by their first
    /// eight bytes as one integer, and only equal prefixes compare whole strings.
    static func sortedOrder(_ keys: [String]) -> [Int] {
        var prefixes: [UInt64] = []
        prefixes.reserveCapacity(keys.count)
        for key in keys {
            var key = key
            prefixes.append(key.withUTF8 { bytes in
                var prefix: UInt64 = 0
                for index in 0..<8 { prefix = prefix << 8 | UInt64(index < bytes.count ? bytes[index] : 0) }
                return prefix
            })
        }
        func before(_ i: Int, _ j: Int) -> Bool {
            if prefixes[i] != prefixes[j] { return prefixes[i] < prefixes[j] }
            return precedes(keys[i], keys[j])
        }
        // Insertion sort: objects have a handful of keys, and it is stable.
        var order = Swift.Array(keys.indices)
        for next in order.indices.dropFirst() {
            let item = order[next]
            var slot = next
            while slot > 0 && before(item, order[slot - 1]) {
                order[slot] = order[slot - 1]
                slot -= 1
            }
            order[slot] = item
        }
        return order
    }

    /// Whether `a`'s UTF-8 bytes sort before `b`'s.
    static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                if common > 0, let p = x.baseAddress, let q = y.baseAddress {
                    let order = memcmp(p, q, common)
                    if order != 0 { return order < 0 }
                }
                return x.count < y.count
            }
        }
    }

    private static let hexDigits = Swift.Array("0123456789abcdef".utf8)

    /// A JSON string literal: `"` and `\` escaped, control characters as `\b \t \n \f \r` or `\u00xx`
    /// (lower-case hex), everything else (`/`, DEL, non-ASCII) as it is.
    static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        // Most strings need no escape: one bulk copy then.
        let plain = text.withUTF8 { bytes in
            if bytes.contains(where: { $0 < 32 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if plain {
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [92, byte])
            case UInt8(ascii: "\\"): out.append(contentsOf: [92, 92])
            case 8: out.append(contentsOf: [92, UInt8(ascii: "b")])
            case 9: out.append(contentsOf: [92, UInt8(ascii: "t")])
            case 10: out.append(contentsOf: [92, UInt8(ascii: "n")])
            case 12: out.append(contentsOf: [92, UInt8(ascii: "f")])
            case 13: out.append(contentsOf: [92, UInt8(ascii: "r")])
            case 0..<32:
                out.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 15)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
