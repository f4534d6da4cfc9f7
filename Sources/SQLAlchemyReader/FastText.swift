#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level substring search and replace. The generic `_StringProcessing` versions are an order of
/// magnitude slower and showed up at the top of profiles of large model files.
extension String {
    /// Whether `needle` occurs in the string, compared byte by byte.
    func containsBytes(_ needle: String) -> Bool {
        firstByteOffset(of: needle) != nil
    }

    /// The UTF-8 offset of the first occurrence of `needle`, if any.
    func firstByteOffset(of needle: String, from start: Int = 0) -> Int? {
        var hay = self
        var pattern = needle
        return hay.withUTF8 { h in
            pattern.withUTF8 { p in
                guard !p.isEmpty, p.count <= h.count, start >= 0, let base = h.baseAddress else { return nil }
                let first = Int32(p[0])
                let last = h.count - p.count
                var i = start
                while i <= last {
                    // Candidates found with the C library's vectorized byte search: SQL strings of
                    // DDL listeners are checked for `%(` whole, a kilobyte at a time.
                    guard let hit = memchr(base + i, first, last - i + 1) else { return nil }
                    i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    var j = 1
                    while j < p.count, h[i + j] == p[j] { j += 1 }
                    if j == p.count { return i }
                    i += 1
                }
                return nil
            }
        }
    }

    /// The string with every occurrence of `needle` replaced by `replacement`.
    func replacingBytes(_ needle: String, with replacement: String) -> String {
        guard firstByteOffset(of: needle) != nil else { return self }
        let bytes = Array(utf8)
        let pattern = Array(needle.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if i + pattern.count <= bytes.count, bytes[i] == pattern[0], Array(bytes[i..<(i + pattern.count)]) == pattern {
                out += replacement.utf8
                i += pattern.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
