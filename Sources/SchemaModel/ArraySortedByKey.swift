extension Array {
    /// `sorted { key($0) < key($1) }` with each key computed once, not twice per comparison: the
    /// model's sort keys are built strings, and rebuilding them dominated `normalized()`.
    func sorted(byKey key: (Element) -> String) -> [Element] {
        if count < 2 { return self }
        let keys = map(key)
        // Readers and the catalog queries mostly produce name order already: one pass to confirm
        // it, and no copy. (The sort is stable, so sorted input comes back unchanged either way.)
        if keys.indices.dropFirst().allSatisfy({ !(keys[$0] < keys[$0 - 1]) }) { return self }
        return indices.sorted { keys[$0] < keys[$1] }.map { self[$0] }
    }
}
