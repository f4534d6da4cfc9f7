extension Array {
    /// `sorted { key($0) < key($1) }` with each key computed once, not twice per comparison: the
    /// model's sort keys are built strings, and rebuilding them dominated `normalized()`.
    func sorted(byKey key: (Element) -> String) -> [Element] {
        if count < 2 { return self }
        let keys = map(key)
        return indices.sorted { keys[$0] < keys[$1] }.map { self[$0] }
    }
}
