/// A class's own `__table_args__` read ahead on a preparation thread (see ``Preparation``).
///
/// ``ModelBuilder/applyTableArgs(_:in:to:base:)`` reads the table it applies to only through
/// ``ModelBuilder/lookUpColumn(_:in:)`` (the column name for an attribute key) and otherwise appends
/// items and sets the schema and comment. So its effect on a fresh table (no items, no comment, the
/// base's schema) is a function of the arguments' syntax and the answers to those lookups. The
/// preparation reads the arguments against the class's own columns and records every lookup; the
/// sequential pass uses the result only when its table asks the same lookups the same answers
/// (mixins may add columns the preparation did not see), nothing read tables built so far, and
/// nothing warned. Otherwise it reads the arguments itself, as before.
struct PreparedTableArgs {
    /// The schema the table had before the arguments were read.
    var initialSchema: String?
    /// Every attribute key looked up, with the column name the preparation's columns gave.
    var lookups: [BuilderCache.ColumnLookup]
    /// The table's items, schema and comment after the arguments were read.
    var items: [TableItemSpec]
    var schema: String?
    var comment: String?
}

extension BuilderCache {
    /// One column lookup by attribute key, and its answer (the key itself when the caller falls
    /// back to it: then only the answer matters, not whether a column had the key).
    struct ColumnLookup {
        var key: String
        var orKey: Bool
        var name: String?

        /// This lookup's answer against `spec`.
        func answer(in spec: TableSpec) -> String? {
            let found = spec.columnName(forKey: key)
            return orKey ? found ?? key : found
        }
    }
}

extension ModelBuilder {
    /// The column name for attribute `key` of `spec` (or `key` itself when no column has it and
    /// `orKey`), recorded while a preparation reads table arguments ahead (``PreparedTableArgs``).
    func lookUpColumn(_ key: String, in spec: TableSpec, orKey: Bool) -> String? {
        let lookup = BuilderCache.ColumnLookup(key: key, orKey: orKey, name: nil)
        let name = lookup.answer(in: spec)
        if cache.recordsColumnLookups { cache.columnLookups.append(BuilderCache.ColumnLookup(key: key, orKey: orKey, name: name)) }
        return name
    }

    /// Reads class arguments `args` of module `module` ahead against `columns`, the class's own;
    /// nil when the result could depend on the sequential pass (tables built so far) or warned.
    mutating func prepareTableArgs(_ args: PyExpr, in module: ModuleID, columns: [ColumnSpec], base: BaseInfo) -> PreparedTableArgs? {
        var scratch = TableSpec(name: "", schema: base.schema, location: location(0, in: module))
        scratch.columns = columns
        let queued = queue.count
        let logged = log.diagnostics.count + log.suppressed
        cache.readsBuildState = false
        cache.recordsColumnLookups = true
        cache.columnLookups = []
        applyTableArgs(args, in: module, to: &scratch, base: base)
        cache.recordsColumnLookups = false
        let lookups = cache.columnLookups
        cache.columnLookups = []
        guard !cache.readsBuildState, queue.count == queued, log.diagnostics.count + log.suppressed == logged else {
            _ = queue.drain(from: queued)
            return nil
        }
        return PreparedTableArgs(initialSchema: base.schema, lookups: lookups, items: scratch.items, schema: scratch.schema, comment: scratch.comment)
    }

    /// Applies prepared table arguments to `spec` when they provably equal reading them here
    /// (see ``PreparedTableArgs``); false when the caller must read them itself.
    func applyPrepared(_ ready: PreparedTableArgs, to spec: inout TableSpec) -> Bool {
        guard spec.items.isEmpty, spec.comment == nil, spec.schema == ready.initialSchema else { return false }
        for lookup in ready.lookups where lookup.answer(in: spec) != lookup.name { return false }
        spec.items = ready.items
        spec.schema = ready.schema
        spec.comment = ready.comment
        return true
    }
}
