/// A name of up to 24 UTF-8 bytes packed into three words with its length, so that a name token can
/// be compared with a memoized name (``BuilderMemo``) by three word comparisons, without making a
/// `String` of the token.
///
/// Equal packed names have equal bytes, and so are equal strings: a token whose bytes are not valid
/// UTF-8 equals no packed `String`, and is then looked up by its (repaired) text as before.
struct PackedName: Equatable {
    var a: UInt64 = 0
    var b: UInt64 = 0
    var c: UInt64 = 0
    var length: Int

    /// Names longer than this are not packed.
    static let maximum = 24

    /// The bytes `start..<end` of `bytes`, or nil when the range is empty, out of bounds or too long.
    init?(_ bytes: [UInt8], _ start: Int, _ end: Int) {
        let count = end - start
        guard count > 0, count <= PackedName.maximum, start >= 0, end <= bytes.count else { return nil }
        length = count
        if start + 24 <= bytes.count {
            // Three unaligned word loads, masked to the name's length, instead of a byte loop.
            bytes.withUnsafeBytes { raw in
                let base = raw.baseAddress! + start
                a = UInt64(littleEndian: base.loadUnaligned(as: UInt64.self))
                b = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                c = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
            }
            if count <= 8 {
                a &= PackedName.mask(count)
                b = 0
                c = 0
            } else if count <= 16 {
                b &= PackedName.mask(count - 8)
                c = 0
            } else {
                c &= PackedName.mask(count - 16)
            }
        } else {
            bytes.withUnsafeBufferPointer { buffer in
                for k in 0..<count { add(buffer[start + k], at: k) }
            }
        }
    }

    /// The low `count` bytes (1 to 8) of a word.
    private static func mask(_ count: Int) -> UInt64 {
        count >= 8 ? ~0 : (1 << UInt64(8 * count)) - 1
    }

    /// The UTF-8 bytes of `name`, or nil when it is empty or too long.
    init?(_ name: String) {
        let count = name.utf8.count
        guard count > 0, count <= PackedName.maximum else { return nil }
        length = count
        var k = 0
        for byte in name.utf8 {
            add(byte, at: k)
            k += 1
        }
    }

    private mutating func add(_ byte: UInt8, at k: Int) {
        let shifted = UInt64(byte) << UInt64(8 * (k & 7))
        switch k >> 3 {
        case 0: a |= shifted
        case 1: b |= shifted
        default: c |= shifted
        }
    }
}
