/// A mapped class's own columns, moved into its table instead of copied.
///
/// A class that gets a table of its own lists its own body columns first. Copying them out of the
/// cache (about a dozen large specs a class, each retaining its strings and lists) cost millions of
/// instructions and hundreds of fresh pages at a thousand models, yet the cached list is almost
/// never asked for again: only a class that lists the mapped class as a second mapped base, or a
/// second class for the same table, reads it. So the list is taken out of the cache and becomes the
/// table's column list, and the cache records where it went. A table's column list only ever grows
/// at its end, so its first `count` columns stay exactly the moved list, and a later request gets
/// that prefix back: the same columns the cache held.
extension BuilderCache {
    /// Where a class's own body columns went: the first `count` columns of table `table`.
    struct MovedColumns {
        var table: Int
        var count: Int
    }

    /// The cached columns for `key`, removed from the cache so the caller holds the only reference.
    /// The caller must record where the list went (``recordMoved(_:_:)``) or give it back
    /// (``restore(_:_:)``) before anything else asks for it.
    func takeColumns(_ key: BodyColumnsKey) -> [ColumnSpec]? {
        bodyColumns.removeValue(forKey: key)
    }

    /// Notes that the list taken for `key` is now the start of a table's column list.
    func recordMoved(_ key: BodyColumnsKey, _ moved: MovedColumns) {
        movedColumns[key] = moved
    }

    /// Puts a taken list back (it did not become a table's column list).
    func restore(_ key: BodyColumnsKey, _ columns: [ColumnSpec]) {
        bodyColumns[key] = columns
    }
}

extension ModelBuilder {
    /// The moved list for `key`, if it was moved: copied back out of its table.
    func movedColumns(_ key: BuilderCache.BodyColumnsKey) -> [ColumnSpec]? {
        guard let moved = cache.movedColumns[key] else { return nil }
        return Array(tables[moved.table].columns[0..<moved.count])
    }
}
