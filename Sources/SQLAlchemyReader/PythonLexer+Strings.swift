/// Fast scanning of string literals.
extension PythonLexer {
    /// The offset of the first byte from `start` that is `quote`, a backslash or a newline, found a
    /// word at a time (or a few bytes before it: the caller looks at each byte from there); at most
    /// the end.
    static func skipOrdinary(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, quote: UInt8) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = ones &* UInt64(quote), backslashes = ones &* 0x5C, newlines = ones &* 0x0A
        // The three zero-byte tests (`(x - ones) & ~x & highs`) merged into one branch per word.
        @inline(__always) func zeroBits(_ x: UInt64) -> UInt64 { (x &- ones) & ~x }
        guard let base = bytes.baseAddress else { return start }
        let raw = UnsafeRawPointer(base)
        var p = start
        let last = bytes.count &- 8
        while p <= last {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: p, as: UInt64.self))
            if (zeroBits(word ^ quotes) | zeroBits(word ^ backslashes) | zeroBits(word ^ newlines)) & highs != 0 { return p }
            p &+= 8
        }
        return p
    }
}
