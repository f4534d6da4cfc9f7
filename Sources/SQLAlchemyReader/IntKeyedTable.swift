/// A map from non-negative integers to values, by open addressing with linear probing.
///
/// For the parser's clean class-body lines by token index (looked up for every class-body line):
/// a `Dictionary` hashed each integer with SipHash, the larger part of a lookup's cost. Keys are
/// never removed.
struct IntKeyedTable<Value> {
    /// Per slot: the key plus one (zero for a free slot).
    private var keys: [Int] = []
    private var values: [Value?] = []
    private var count = 0

    /// The value stored for `key`, if any.
    subscript(key: Int) -> Value? {
        guard !keys.isEmpty else { return nil }
        let mask = keys.count - 1
        var k = Self.slot(key, mask)
        while keys[k] != 0 {
            if keys[k] == key + 1 { return values[k] }
            k = (k + 1) & mask
        }
        return nil
    }

    /// Stores `value` for `key` (which must not be stored yet).
    mutating func insert(_ value: Value, for key: Int) {
        if (count + 1) * 2 > keys.count { grow() }
        place(key, value)
        count += 1
    }

    private mutating func place(_ key: Int, _ value: Value) {
        let mask = keys.count - 1
        var k = Self.slot(key, mask)
        while keys[k] != 0 { k = (k + 1) & mask }
        keys[k] = key + 1
        values[k] = value
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        let size = max(64, keys.count * 2)
        keys = [Int](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
        for k in oldKeys.indices where oldKeys[k] != 0 { place(oldKeys[k] - 1, oldValues[k]!) }
    }

    /// Fibonacci hashing: token indices are dense, the multiplication spreads them over the slots.
    private static func slot(_ key: Int, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }
}
