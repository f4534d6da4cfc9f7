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

    /// Records `position` for `name` unless the name is already there (the first one counts).
    mutating func insertIfAbsent(_ name: String, _ position: Int) {
        if dictionary != nil {
            if dictionary![name] == nil { dictionary![name] = position }
            return
        }
        if self[name] != nil { return }
        names.append(name)
        positions.append(position)
        if names.count > Self.linearLimit {
            dictionary = Dictionary(uniqueKeysWithValues: zip(names, positions))
            names = []
            positions = []
        }
    }
}
