import SchemaModel

/// Tables by `schema.name`, as a dictionary keyed by the joined string `schema + "." + name` would
/// find them, without joining a string per table and per lookup.
///
/// While no table's schema or name contains a dot, every joined key has exactly one dot, so two
/// joined keys are equal exactly when their schemas and names are: the pair is the key. When some
/// name does contain a dot (`"a.b" + "." + "c"` equals `"a" + "." + "b.c"`), the joined strings are
/// the keys, as before, so lookups give the same answers either way.
struct TableLookup: Sendable {
    private var byPair: [QualifiedName: Int] = [:]
    private var byJoined: [String: Int]?

    /// Numbers `names` in order; a later equal name takes the number (as assigning into a
    /// dictionary does).
    init(_ names: [QualifiedName]) {
        let dotted = names.contains { Self.hasDot($0.schema) || Self.hasDot($0.name) }
        if dotted {
            var joined: [String: Int] = [:]
            for (k, name) in names.enumerated() { joined[name.schema + "." + name.name] = k }
            byJoined = joined
        } else {
            byPair.reserveCapacity(names.count)
            for (k, name) in names.enumerated() { byPair[name] = k }
        }
    }

    /// Whether `s` has a `.`, searched through its bytes' buffer: the generic search of the UTF-8
    /// view cost more than building the table.
    static func hasDot(_ s: String) -> Bool {
        s.utf8.withContiguousStorageIfAvailable { $0.contains(0x2E) } ?? s.utf8.contains(0x2E)
    }

    /// The number of the table `schema.name`, if any.
    subscript(schema schema: String, name name: String) -> Int? {
        if let byJoined { return byJoined[schema + "." + name] }
        return byPair[QualifiedName(schema: schema, name: name)]
    }
}

/// `schema.name` pairs seen so far, equal as their joined strings `schema + "." + name` are (see
/// ``TableLookup``): pairs without a dot are kept as pairs, the others as joined strings, since a
/// pair without a dot never joins to the same string as one with a dot.
struct SeenNames {
    private var pairs: Set<QualifiedName> = []
    private var joined: Set<String> = []

    /// Adds `schema.name`; false when it was already there.
    mutating func insert(schema: String, name: String) -> Bool {
        if TableLookup.hasDot(schema) || TableLookup.hasDot(name) { return joined.insert(schema + "." + name).inserted }
        return pairs.insert(QualifiedName(schema: schema, name: name)).inserted
    }
}
