extension Array {
    /// `sorted { key($0) < key($1) }` with each key computed once, not twice per comparison: the
    /// model's sort keys are built strings, and rebuilding them dominated `normalized()`.
    func sorted(byKey key: (Element) -> String) -> [Element] {
        if count < 2 { return self }
        // Readers and the catalog queries mostly produce key order already: confirm it without
        // building an array of keys, and return the array itself. (The sort is stable, so sorted
        // input would come back unchanged anyway.)
        var previous = key(self[startIndex])
        var inOrder = true
        for index in indices.dropFirst() {
            let next = key(self[index])
            if next < previous { inOrder = false; break }
            previous = next
        }
        if inOrder { return self }
        let keys = indices.map { key(self[$0]) }
        return indices.sorted { keys[$0] < keys[$1] }.map { self[$0] }
    }
}

extension Array {
    /// `sorted(byKey: key)` where every key is `(name ?? "") + "\u{1}" + more`. When every element
    /// has a name and no two names are equal, the names alone decide the order of the keys (`\u{1}`
    /// sorts before every character a name holds), so no key is built at all. Building index keys
    /// (canonical key descriptions) was over half of normalizing a table.
    func sorted(byName name: (Element) -> String?, thenKey key: (Element) -> String) -> [Element] {
        if count < 2 { return self }
        var names: [String] = []
        names.reserveCapacity(count)
        // By index, not `for element in self`: the iterator hands out copies of each element (every
        // field of an index retained and released) just to read its name.
        for index in indices {
            guard let next = name(self[index]), !Self.holdsControlBytes(next) else { return sorted(byKey: key) }
            names.append(next)
        }
        // Readers and the catalog queries mostly produce name order already: no copy then.
        if names.indices.dropFirst().allSatisfy({ names[$0 - 1] < names[$0] }) { return self }
        let order = indices.sorted { names[$0] < names[$1] }
        // Equal names leave the order to the rest of the key.
        for i in order.indices.dropFirst() where !(names[order[i - 1]] < names[order[i]]) { return sorted(byKey: key) }
        return order.map { self[$0] }
    }

    /// Whether `name` holds a byte that could sort before or equal to the `\u{1}` separator.
    private static func holdsControlBytes(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in bytes.contains { $0 < 2 } }
    }
}
