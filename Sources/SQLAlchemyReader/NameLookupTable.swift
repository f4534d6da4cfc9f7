/// Memoized top-level name lookups, by module number and name.
///
/// Model building looks names up several times per column (the annotation, the callee, the type),
/// so this is the resolver's hottest table. A `[String: Resolved]` per module paid for SipHash of
/// the name, exclusivity checks on the enclosing class and dictionary bookkeeping on every hit; this
/// open-addressing table hashes the name's bytes with FNV-1a and compares hits by hash first. One
/// per reading, filled and read on one thread.
final class NameLookupTable: @unchecked Sendable {
    /// Per slot: the hash (0: empty; stored hashes are odd), module, name and result; names and
    /// results are initialized only in used slots.
    private var hashes: UnsafeMutablePointer<UInt64>
    private var modules: UnsafeMutablePointer<Int>
    private var names: UnsafeMutablePointer<String>
    private var values: UnsafeMutablePointer<Resolved>
    private var capacity: Int
    private var count = 0

    init(capacity: Int = 256) {
        var size = 16
        while size < capacity { size <<= 1 }
        self.capacity = size
        (hashes, modules, names, values) = Self.allocate(size)
    }

    private static func allocate(_ size: Int) -> (UnsafeMutablePointer<UInt64>, UnsafeMutablePointer<Int>, UnsafeMutablePointer<String>, UnsafeMutablePointer<Resolved>) {
        let hashes = UnsafeMutablePointer<UInt64>.allocate(capacity: size)
        hashes.initialize(repeating: 0, count: size)
        let modules = UnsafeMutablePointer<Int>.allocate(capacity: size)
        modules.initialize(repeating: 0, count: size)
        return (hashes, modules, .allocate(capacity: size), .allocate(capacity: size))
    }

    private func release() {
        for k in 0..<capacity where hashes[k] != 0 {
            (names + k).deinitialize(count: 1)
            (values + k).deinitialize(count: 1)
        }
        hashes.deallocate()
        modules.deallocate()
        names.deallocate()
        values.deallocate()
    }

    deinit { release() }

    private static func hash(_ name: String, module: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ (UInt64(truncatingIfNeeded: module) &* 0x9E37_79B9_7F4A_7C15)
        var copy = name
        copy.withUTF8 { bytes in
            // Eight bytes at a time where there are eight (names are mostly longer than that).
            guard let base = bytes.baseAddress else { return }
            let n = bytes.count
            var k = 0
            while k + 8 <= n {
                h = (h ^ UnsafeRawPointer(base).loadUnaligned(fromByteOffset: k, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                h ^= h >> 29
                k += 8
            }
            while k < n {
                h = (h ^ UInt64(base[k])) &* 0x0000_0100_0000_01B3
                k += 1
            }
        }
        return (h ^ (h >> 29)) | 1
    }

    /// The remembered lookup of `name` in module number `module`, if any.
    func value(_ name: String, module: Int) -> Resolved? {
        let h = Self.hash(name, module: module)
        let mask = capacity - 1
        var k = Int(truncatingIfNeeded: h >> 1) & mask
        while hashes[k] != 0 {
            if hashes[k] == h, modules[k] == module, names[k] == name { return values[k] }
            k = (k + 1) & mask
        }
        return nil
    }

    /// Remembers the lookup of `name` in module number `module` (not already present).
    func insert(_ name: String, module: Int, value: Resolved) {
        if (count + 1) * 2 > capacity { grow() }
        place(Self.hash(name, module: module), module, name, value)
        count += 1
    }

    private func place(_ h: UInt64, _ module: Int, _ name: String, _ value: Resolved) {
        let mask = capacity - 1
        var k = Int(truncatingIfNeeded: h >> 1) & mask
        while hashes[k] != 0 { k = (k + 1) & mask }
        hashes[k] = h
        modules[k] = module
        (names + k).initialize(to: name)
        (values + k).initialize(to: value)
    }

    private func grow() {
        let (oldHashes, oldModules, oldNames, oldValues) = (hashes, modules, names, values)
        let oldCapacity = capacity
        capacity *= 2
        (hashes, modules, names, values) = Self.allocate(capacity)
        for k in 0..<oldCapacity where oldHashes[k] != 0 {
            place(oldHashes[k], oldModules[k], (oldNames + k).move(), (oldValues + k).move())
        }
        oldHashes.deallocate()
        oldModules.deallocate()
        oldNames.deallocate()
        oldValues.deallocate()
    }
}
