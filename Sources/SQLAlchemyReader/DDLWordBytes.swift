/// What the DDL tokenizer needs to know of each byte of an unquoted word, by table: one lookup a
/// byte instead of a chain of range tests, which made scanning SQL the costliest part of reading
/// DDL listeners.
enum WordBytes {
    /// Set for bytes that continue a word (ASCII letters, digits, `_`, `$`, and every byte of a
    /// multi-byte character).
    static let continues: UInt8 = 1
    /// Set for word bytes that folding changes (ASCII capitals) or that need Unicode rules.
    static let folds: UInt8 = 2

    /// Per byte value: ``continues`` and ``folds`` bits.
    static let classes: [UInt8] = (0..<256).map { value in
        let c = UInt8(value)
        let isWord = (c | 0x20) &- 0x61 < 26 || c &- 0x30 < 10 || c == 0x5F || c == 0x24 || c >= 0x80
        guard isWord else { return 0 }
        return continues | (c >= 0x80 || c &- 0x41 < 26 ? folds : 0)
    }
}

extension DDLParser.Key {
    /// An unquoted word at `start..<end` of `b`: packs its first 16 bytes (each `| 0x20`) eight at a
    /// time, as ``absorb(_:at:)`` does byte by byte.
    init(word b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, needsFolding: Bool) {
        self.init(start: start, end: end, isWord: true, isQuoted: false)
        self.needsFolding = needsFolding
        let count = end - start
        if count == 1 { punct = b[start] }
        packed0 = Self.pack(b, start, min(count, 8))
        if count > 8 { packed1 = Self.pack(b, start + 8, min(count - 8, 8)) }
    }

    /// Up to eight bytes from `start`, little-endian, each `| 0x20`, zero above `count`.
    private static func pack(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> UInt64 {
        var word: UInt64
        if start + 8 <= b.count {
            word = UInt64(littleEndian: UnsafeRawPointer(b.baseAddress! + start).loadUnaligned(as: UInt64.self))
        } else {
            word = 0
            for j in 0..<count { word |= UInt64(b[start + j]) << (8 * UInt64(j)) }
        }
        word |= 0x2020_2020_2020_2020
        return count == 8 ? word : word & ((1 << (8 * UInt64(count))) - 1)
    }
}
