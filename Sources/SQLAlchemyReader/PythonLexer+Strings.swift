/// Fast scanning of string literals.
extension PythonLexer {
    /// The offset of the first byte from `start` that is `quote`, a backslash or a newline, found
    /// sixteen bytes or a word at a time (near the end, perhaps a few bytes before it: the caller
    /// looks at each byte from there); at most the end.
    static func skipOrdinary(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, quote: UInt8) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = ones &* UInt64(quote), backslashes = ones &* 0x5C, newlines = ones &* 0x0A
        // The three zero-byte tests (`(x - ones) & ~x & highs`) merged into one branch per word.
        @inline(__always) func zeroBits(_ x: UInt64) -> UInt64 { (x &- ones) & ~x }
        guard let base = bytes.baseAddress else { return start }
        let raw = UnsafeRawPointer(base)
        var p = start
        // Sixteen bytes at a time while they last (vector compares), then a word at a time.
        let quoteLanes = SIMD16<UInt8>(repeating: quote)
        let backslashLanes = SIMD16<UInt8>(repeating: 0x5C), newlineLanes = SIMD16<UInt8>(repeating: 0x0A)
        let last16 = bytes.count &- 16
        while p <= last16 {
            let lanes = raw.loadUnaligned(fromByteOffset: p, as: SIMD16<UInt8>.self)
            let hits = (lanes .== quoteLanes) .| (lanes .== backslashLanes) .| (lanes .== newlineLanes)
            if any(hits) {
                // The first hit lane: each lane of the mask is all ones or all zeros.
                let words = unsafeBitCast(hits, to: SIMD2<UInt64>.self)
                return words[0] != 0 ? p &+ words[0].trailingZeroBitCount / 8 : p &+ 8 &+ words[1].trailingZeroBitCount / 8
            }
            p &+= 16
        }
        let last = bytes.count &- 8
        while p <= last {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: p, as: UInt64.self))
            if (zeroBits(word ^ quotes) | zeroBits(word ^ backslashes) | zeroBits(word ^ newlines)) & highs != 0 { return p }
            p &+= 8
        }
        return p
    }
}
