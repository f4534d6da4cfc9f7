import SchemaModel

/// `Catalog.normalized()` with each table normalized on its own, on all cores.
///
/// Normalizing sorts every table's constraints, indexes, policies and triggers by keys built as
/// strings; for a 1,000-table reading that was the longest stretch done on one thread, at the very
/// end of the reading. A schema normalizes its tables one by one and then sorts them by name
/// (`tables.map { $0.normalized() }.sorted(byKey: \.name)`), so each table goes through the model's
/// own normalization as the only table of a catalog, in parallel, and only the stable sorts by
/// name of the schema and catalog levels are done here.
enum ParallelNormalization {
    /// Below this many tables the threads cost more than they save.
    static let minimumTables = 64

    /// Equal to `catalog.normalized()`.
    static func normalized(_ catalog: Catalog) -> Catalog {
        var places: [(schema: Int, table: Int)] = []
        for (s, schema) in catalog.schemas.enumerated() {
            for t in schema.tables.indices { places.append((s, t)) }
        }
        guard places.count >= minimumTables else { return catalog.normalized() }
        let tables = ParallelMap.map(places.count, minimum: minimumTables) { k -> Table in
            let table = catalog.schemas[places[k].schema].tables[places[k].table]
            let alone = Catalog(source: catalog.source, schemas: [Schema(name: "", tables: [table])])
            return alone.normalized().schemas[0].tables[0]
        }
        var copy = catalog
        var next = 0
        for s in copy.schemas.indices {
            // Everything but the tables through the model's normalization too (enums, views, sequences).
            var shell = copy.schemas[s]
            let count = shell.tables.count
            shell.tables = []
            var schema = Catalog(source: catalog.source, schemas: [shell]).normalized().schemas[0]
            schema.tables = sortedByName(Array(tables[next..<(next + count)])) { $0.name }
            next += count
            copy.schemas[s] = schema
        }
        copy.schemas = sortedByName(copy.schemas) { $0.name }
        return copy
    }

    /// Sorted by name, equal names in their given order: what the model's stable `sorted(byKey:)`
    /// gives.
    private static func sortedByName<T>(_ items: [T], _ name: (T) -> String) -> [T] {
        let keys = items.map(name)
        if keys.indices.dropFirst().allSatisfy({ !(keys[$0] < keys[$0 - 1]) }) { return items }
        return items.indices.sorted { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }.map { items[$0] }
    }
}
