/// Positions by name for the handful of columns a table has: a linear scan over small-string
/// comparisons instead of hashing every name (hashing was a sixth of the column comparison at
/// 1,000 tables). Falls back to a dictionary for wide tables.
struct SmallNameIndex {
    private var names: [String] = []
    private var positions: [Int] = []
    private var dictionary: [String: Int]?

    /// Tables up to this many columns are searched linearly.
    private static let linearLimit = 24

    init(capacity: Int) {
        if capacity > Self.linearLimit {
            dictionary = Dictionary(minimumCapacity: capacity)
        } else {
            names.reserveCapacity(capacity)
            positions.reserveCapacity(capacity)
        }
    }

    subscript(name: String) -> Int? {
        if let dictionary { return dictionary[name] }
        for i in names.indices where names[i] == name { return positions[i] }
        return nil
    }

    /// ``subscript(name:)``, trying the `hint`-th name recorded first: sources mostly list a table's
    /// columns in the same order, so the name is usually where the caller is in its own list, and
    /// the scan compared about 25 names per column at 1,000 tables.
    subscript(name: String, hint hint: Int) -> Int? {
        if dictionary == nil, hint < names.count, names[hint] == name { return positions[hint] }
        return self[name]
    }

    /// Records `position` for `name` unless the name is already there (the first one counts); tells
    /// whether it did, so a caller needs no lookup of its own before.
    @discardableResult
    mutating func insertIfAbsent(_ name: String, _ position: Int) -> Bool {
        if dictionary != nil {
            if dictionary![name] != nil { return false }
            dictionary![name] = position
            return true
        }
        if self[name] != nil { return false }
        names.append(name)
        positions.append(position)
        if names.count > Self.linearLimit {
            dictionary = Dictionary(uniqueKeysWithValues: zip(names, positions))
            names = []
            positions = []
        }
        return true
    }
}
