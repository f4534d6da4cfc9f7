/// Hash values for the model builder's memo keys that are a few integers (module and class numbers,
/// offsets, a precomputed text hash).
///
/// `Dictionary` and `Set` hash a key through `_rawHashValue(seed:)`, whose default runs the
/// synthesized `hash(into:)` through `Hasher` (SipHash): setting it up and finalizing it was about
/// 4% of a 1,000-table reading's instructions, for keys looked up tens of thousands of times (the
/// ancestry, base and column memos). These keys are compared field by field on a match (`==` is
/// unchanged), so their hash only has to spread them over the buckets: a multiply and a
/// finalizing mix do that. Nothing here hashes text an input controls; the seed is still mixed in,
/// so each table's order stays its own.
enum IntegerKeyHash {
    /// Mixes three integers and the table's seed into one well-spread value (murmur3's 64-bit finalizer).
    @inline(__always)
    static func mix(_ a: Int, _ b: Int, _ c: Int = 0, seed: Int) -> Int {
        var x = UInt64(UInt(bitPattern: a)) &* 0x9E37_79B9_7F4A_7C15
        x ^= UInt64(UInt(bitPattern: b)) &* 0xC2B2_AE3D_27D4_EB4F
        x ^= UInt64(UInt(bitPattern: c)) &* 0x1656_67B1_9E37_79F9
        x ^= UInt64(UInt(bitPattern: seed))
        x ^= x >> 33
        x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x &*= 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return Int(bitPattern: UInt(x))
    }
}

extension ClassKey {
    func _rawHashValue(seed: Int) -> Int { IntegerKeyHash.mix(module.index, index, seed: seed) }
}

extension BuilderCache.GeneratedBaseKey {
    func _rawHashValue(seed: Int) -> Int { IntegerKeyHash.mix(module.index, offset, 1, seed: seed) }
}

extension BuilderCache.BodyColumnsKey {
    func _rawHashValue(seed: Int) -> Int {
        let baseCode = base.map { ($0.module.index << 32) ^ $0.index } ?? -1
        return IntegerKeyHash.mix(key.module.index, key.index, (baseCode << 1) | (sqlModel ? 1 : 0), seed: seed)
    }
}

extension BuilderCache.RepeatedKey {
    func _rawHashValue(seed: Int) -> Int {
        IntegerKeyHash.mix(Int(bitPattern: UInt(bitPattern: line)), module, (base << 1) | (sqlModel ? 1 : 0), seed: seed)
    }
}

extension StatementMemo.Key {
    /// Agrees with `==`, which compares the text hash, the module, the base and the flag first.
    func _rawHashValue(seed: Int) -> Int {
        IntegerKeyHash.mix(Int(truncatingIfNeeded: textHash), module, (base << 1) | (sqlModel ? 1 : 0), seed: seed)
    }
}
