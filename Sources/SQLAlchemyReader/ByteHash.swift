/// A quick hash of a run of bytes, eight at a time, for the tables that key statements and lines by
/// their text. Those tables compare the bytes themselves on a match, so the hash only has to spread
/// the keys; hashing byte by byte through `Hasher` cost more than evaluating a statement.
enum ByteHash {
    /// The hash of the `length` bytes at `p`.
    static func of(_ p: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
        let raw = UnsafeRawPointer(p)
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(length)
        var k = 0
        while k + 8 <= length {
            h = (h ^ raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            k += 8
        }
        while k < length {
            h = (h ^ UInt64(p[k])) &* 0x0000_0100_0000_01B3
            k += 1
        }
        return h
    }
}
