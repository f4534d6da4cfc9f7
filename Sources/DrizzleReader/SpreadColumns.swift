import SchemaModel

/// Columns spread into many tables from one top-level object, such as the audit columns of
/// `...timestamps`: each entry is interpreted once and its column reused by every table that spreads it.
///
/// Only a spread of a top-level name is memoized: once that name has a cached value it keeps it for
/// the whole read, so the same entry always holds the same value. A column is only reused when
/// nothing in it depends on its table or on the order of the read: no generated name (serial
/// sequence, unique constraint, foreign key), no diagnostic, no function call, no limit met.
extension DrizzleEvaluator {
    /// An entry of a top-level object: the object's binding, as the spreading module names it, and
    /// the entry's index.
    struct SpreadEntry: Hashable {
        var binding: BindingKey
        var index: Int
    }

    /// What a spread entry gives a table: its explicit name for the table's stand-in value, and the
    /// column when it can be reused (else nil: interpret it again for each table).
    struct SpreadColumn {
        var explicit: String?
        var column: (column: Column, isPrimaryKey: Bool)?
    }

    /// The binding whose value a spread `...name` spreads, when that value can no longer change:
    /// `name` is a top-level name of `module` with a cached value. Nil otherwise.
    func stableSpreadSource(_ module: Int, _ spread: TSExpr) -> BindingKey? {
        guard case .identifier(let name, _) = spread, cache[module][name] != nil else { return nil }
        return BindingKey(module: module, name: name)
    }

    /// The plan of entry `index` of a spread object: memoized when its source is stable.
    func spreadPlan(_ source: BindingKey?, _ index: Int, _ entry: DrizzleObject.Entry) -> ColumnPlan {
        guard let source, entry.site != nil else { return .general(key: entry.key, value: entry.value, site: entry.site) }
        return .spread(SpreadEntry(binding: source, index: index), key: entry.key, value: entry.value, site: entry.site)
    }

    /// The spread column `entry` for the table `table`: from the memo, or interpreted as the general
    /// path interprets it (`result`) and memoized when it can be reused.
    func spreadColumn(_ entry: SpreadEntry, key: String, value: DrizzleValue, site: Site?, table: QualifiedName)
        -> (explicit: String?, column: (column: Column, isPrimaryKey: Bool)?, result: ColumnResult?)
    {
        if let known = spreadColumns[entry] { return (known.explicit, known.column, nil) }
        let explicit = standInName(key: key, value: value)
        let (diagnostics, suppressed, limits, calls) = (log.diagnostics.count, log.suppressed, limitsReached, callsLeft)
        let result = interpretColumn(key: key, value: value, keyLocation: site?.location, table: table)
        let reusable = site != nil && log.diagnostics.count == diagnostics && log.suppressed == suppressed
            && limitsReached == limits && callsLeft == calls
        guard reusable, let result, result.unique == nil, result.foreignKeys.isEmpty,
            !(result.column.defaultExpression?.hasPrefix("nextval(") ?? false)
        else {
            return (explicit, nil, result)
        }
        let column = (result.column, result.isPrimaryKey)
        spreadColumns[entry] = SpreadColumn(explicit: explicit, column: column)
        return (explicit, column, nil)
    }
}
