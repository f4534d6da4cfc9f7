#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes the escapes of a non-raw Python string literal's contents.
enum StringEscapes {
    static func decode(_ content: ArraySlice<UInt8>) -> String {
        guard hasBackslash(content) else { return String(decoding: content, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(content.count)
        decode(content, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the decoded bytes of `content` to `out` (the bytes ``decode(_:)`` makes its string of).
    static func decode(_ content: ArraySlice<UInt8>, into out: inout [UInt8]) {
        guard hasBackslash(content) else {
            out += content
            return
        }
        var k = content.startIndex
        while k < content.endIndex {
            let b = content[k]
            guard b == 0x5C, k + 1 < content.endIndex else {
                out.append(b)
                k += 1
                continue
            }
            let next = content[k + 1]
            k += 2
            switch next {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "0"): out.append(0)
            case 0x0A: break  // line continuation inside the literal
            case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): out.append(next)
            default:
                out.append(0x5C)
                out.append(next)
            }
        }
    }

    /// Whether every byte is ASCII, eight at a time.
    static func isASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return true }
            let raw = UnsafeRawPointer(base)
            var k = 0
            var high: UInt64 = 0
            while k + 8 <= b.count {
                high |= raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
                k += 8
            }
            while k < b.count {
                high |= UInt64(b[k])
                k += 1
            }
            return high & 0x8080_8080_8080_8080 == 0
        }
    }

    /// Whether `content` holds a backslash, found with the C library's vectorized byte search:
    /// most literals have none, and the long ones (DDL bodies) are a kilobyte each.
    private static func hasBackslash(_ content: ArraySlice<UInt8>) -> Bool {
        content.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress, !b.isEmpty else { return false }
            return memchr(base, 0x5C, b.count) != nil
        }
    }
}
