import SchemaModel
import SourceScanning

/// Tables of the common shape read straight from their syntax:
/// `pgTable('name', { key: builder('col', { ... }).modifier()..., ...spread }, (t) => [ ... ])`.
///
/// The general path evaluates the whole call into a ``Chain`` of ``DrizzleValue``s (each column a
/// chain of calls, each `t.col` a lookup in that value) and then interprets it. Here each column is
/// interpreted from its call syntax, and the extras see a stand-in table value that holds only what
/// `t.col` needs: the table's name and each column's names. Anything outside the shapes handled here
/// is left to the general path, column by column or for the whole table, so results are the same:
/// a table is only taken from here when reading it logged nothing (a diagnostic means an unusual
/// table, which the general path then reads again with its exact messages).
extension DrizzleEvaluator {
    /// A column written as a builder call chain this file interprets itself.
    struct FastColumn {
        /// The column's syntax and its table's binding, for reading it the general way after all.
        var source: ColumnSource
        var binding: BindingKey
        var key: String
        var keyOffset: Int
        var spelling: String
        var enumType: SQLType?
        /// ``columnTypeParts(_:enumType:)`` of the spelling, when the builder's memo had them.
        var typeParts: FixedTypeParts?
        /// The explicit database name, else nil (the cased key).
        var explicit: String?
        var rootStart: Int
        var rootEnd: Int
        /// The modifiers chained onto the builder, innermost first.
        var modifiers: [ColumnModifier]
    }

    /// A modifier of a ``FastColumn``, checked and with its arguments read (``fastColumnParts(_:_:table:)``).
    enum ColumnModifier {
        case notNull, primaryKey, unique, defaultNow, defaultRandom
        /// `$type<T>()`, which changes nothing in the database.
        case typed
        /// `.default(literal)`
        case defaultValue(DrizzleValue)
        /// `.references(() => table.col, actions?)`: the column and the actions object.
        case references(ColumnRef, DrizzleValue)
        /// `generatedAlwaysAsIdentity()` or `generatedByDefaultAsIdentity()`, by name.
        case identity(String)
    }

    /// Where a column's value is written: a syntax tree, or the first token of a chain in a lazy
    /// column object (``TSExpr/lazyObject(_:_:)``).
    enum ColumnSource {
        case expr(TSExpr)
        case tokens(Int)
    }

    /// A builder call chain taken apart (see ``TSChainShape``).
    typealias ChainShape = TSChainShape

    enum ColumnPlan {
        case general(key: String, value: DrizzleValue, site: Site?)
        /// An entry of a top-level object spread into the table: read as ``general(key:value:site:)``,
        /// through the memo of ``spreadColumn(_:key:value:site:table:)``.
        case spread(SpreadEntry, key: String, value: DrizzleValue, site: Site?)
        case fast(FastColumn)
    }

    /// A table call after pass 1 of ``fastTable(_:_:_:)``: its column plans, with what pass 2 needs.
    struct TablePlan {
        var module: Int
        var tableName: String
        var name: QualifiedName
        var binding: BindingKey
        /// The arguments of the `pgTable` call and where the call starts and ends.
        var args: [TSExpr]
        var start: Int
        var end: Int
        var plans: [ColumnPlan]
        /// The log before the table was read, restored when the table is read the general way after all.
        var savedLog: DiagnosticLog
    }

    /// The table a top-level `pgTable(...)` binding declares, with its qualified name and location, or
    /// nil to read it the general way.
    func fastTable(_ module: Int, _ binding: String, _ expr: TSExpr) -> (table: Table, key: QualifiedName, location: SourceLocation)? {
        guard let plan = planTable(module, binding, expr) else { return nil }
        return finishTable(plan)
    }

    /// Pass 2 of ``fastTable(_:_:_:)``: the table, or nil (with the log as before) to read it the general way.
    func finishTable(_ plan: consuming TablePlan) -> (table: Table, key: QualifiedName, location: SourceLocation)? {
        // Read field by field: a tuple of them all was built as a copy of each and then taken apart.
        let module = plan.module
        let tableName = plan.tableName
        let name = plan.name
        let key = plan.binding
        let start = plan.start
        let end = plan.end
        var args: [TSExpr] = []
        swap(&args, &plan.args)
        var savedLog = DiagnosticLog()
        swap(&savedLog, &plan.savedLog)
        // Each plan is moved out of the list, the last first once the list is reversed: iterating the
        // list would copy every plan (a column's names, type and modifiers) and then release the list's
        // copies. The buffer's swaps move the plans; the array's swapped them by copying.
        var plans: [ColumnPlan] = []
        swap(&plans, &plan.plans)
        let columnCount = plans.count
        plans.withUnsafeMutableBufferPointer { buffer in
            var low = 0
            var high = buffer.count - 1
            while low < high {
                buffer.swapAt(low, high)
                low += 1
                high -= 1
            }
        }

        // Pass 2, as the general path interprets the evaluated table.
        let tableSite = site(module, start, start, end)
        let location = tableSite.location
        let provenance = Provenance(source: .drizzle, location: location)
        var table = Table(name: tableName, provenance: provenance)
        table.columns.reserveCapacity(columnCount)  // a column is large: no room left over from doubling
        var standIn = DrizzleObject()
        standIn.entries.reserveCapacity(columnCount)
        var primaryColumns: [String] = []
        while let columnPlan = plans.popLast() {
            let result: ColumnResult?
            switch consume columnPlan {
            case .general(let columnKey, let value, let site):
                let explicit = standInName(key: columnKey, value: value)
                standIn.entries.append(DrizzleObject.Entry(key: columnKey, value: standInColumn(explicit), site: nil))
                result = interpretColumn(key: columnKey, value: value, keyLocation: site?.location ?? location, table: name)
            case .spread(let entry, let columnKey, let value, let site):
                let memo = spreadColumn(entry, key: columnKey, value: value, site: site, table: name)
                standIn.entries.append(DrizzleObject.Entry(key: columnKey, value: standInColumn(memo.explicit), site: nil))
                if let memoized = memo.column {
                    Self.add(memoized.column, isPrimaryKey: memoized.isPrimaryKey, unique: nil, foreignKeys: [],
                             to: &table, primaryColumns: &primaryColumns)
                    continue
                }
                result = memo.result
            case .fast(let column):
                standIn.entries.append(DrizzleObject.Entry(key: column.key, value: standInColumn(column.explicit), site: nil))
                if let (built, isPrimaryKey, unique, foreignKeys) = fastColumnParts(column, module, table: name) {
                    Self.add(built, isPrimaryKey: isPrimaryKey, unique: unique, foreignKeys: foreignKeys,
                             to: &table, primaryColumns: &primaryColumns)
                    continue
                }
                result = interpretFastColumn(column, module, table: name)
            }
            guard let result else {
                table.notStated.insert(.column)
                continue
            }
            Self.add(result.column, isPrimaryKey: result.isPrimaryKey, unique: result.unique,
                     foreignKeys: result.foreignKeys, to: &table, primaryColumns: &primaryColumns)
        }
        Self.setInlinePrimaryKey(primaryColumns, of: &table)
        let chain = Chain(root: "pgTable", args: [.string(tableName), .object(standIn)], site: tableSite)
        // Names not kept from earlier tables resolve after the table's evaluation, as in the general path.
        var extrasBuilders = builderMemo(module)
        defer { keepBuilders(module, &extrasBuilders) }
        if args.count == 3, case .lazyArrow(let open, _) = args[2] {
            interpretLazyExtras(module, open, chain, name, &table, &extrasBuilders)
        } else if args.count == 3 && !interpretFastExtras(args[2], module, chain, name, &table, &extrasBuilders) {
            interpretExtras(evaluate(args[2], module, [:]), chain, name, &table)
        }
        if !table.policies.isEmpty { table.rowLevelSecurity = true }
        guard log.diagnostics.count == savedLog.diagnostics.count, log.suppressed == savedLog.suppressed else {
            log = savedLog
            return nil
        }
        tableShapes[key] = chain
        return (table, name, location)
    }

    /// Pass 1 of ``fastTable(_:_:_:)``, as the general path evaluates the call: the column plans, or nil
    /// to read the table the general way.
    func planTable(_ module: Int, _ binding: String, _ expr: TSExpr) -> TablePlan? {
        guard case .call(.identifier(let callee, _), let args, let start, let end) = expr, args.count == 2 || args.count == 3,
            case .string(let tableName, _) = args[0]
        else { return nil }
        var props: [TSProperty] = []
        var lazyColumns: Int?
        switch args[1] {
        case .object(let list, _): props = list
        case .lazyObject(let open, _): lazyColumns = open
        default: return nil
        }
        if args.count == 3 {
            switch args[2] {
            case .arrow, .lazyArrow: break
            default: return nil
            }
        }
        let key = BindingKey(module: module, name: binding)
        guard cache[module][binding] == nil, !inProgress.contains(key), case .builtin("pgTable")? = topLevel(module, callee) else { return nil }
        let savedLog = log
        let name = QualifiedName(schema: defaultSchema, name: tableName)

        // Pass 1, as the general path evaluates the call: with the binding marked as in progress.
        inProgress.insert(key)
        var plans: [ColumnPlan] = []
        plans.reserveCapacity(props.count)
        // Keys seen so far, compared directly: a table has a few dozen at most, and hashing each one
        // would cost more than the comparisons.
        var keys: [String] = []
        keys.reserveCapacity(props.count + 4)
        var builders = builderMemo(module)
        defer { keepBuilders(module, &builders) }
        var planned = true
        if let lazyColumns {
            planned = planLazyColumns(module, lazyColumns, key, &builders, &keys, &plans)
        }
        for prop in props {
            switch prop {
            case .value(let columnKey, let value, let keyOffset):
                guard !keys.contains(columnKey) else { planned = false; break }
                keys.append(columnKey)
                if let shape = chainShape(value), let fast = fastColumnPlan(columnKey, keyOffset, shape, .expr(value), module, key, &builders) {
                    plans.append(.fast(consume fast))
                } else {
                    plans.append(.general(key: columnKey, value: evaluate(value, module, [:]), site: site(module, keyOffset)))
                }
            case .spread(let inner):
                guard case .object(let other) = evaluate(inner, module, [:]) else { planned = false; break }
                let source = stableSpreadSource(module, inner)
                for (index, entry) in other.entries.enumerated() {
                    guard !entry.key.hasPrefix(DrizzleObject.unresolvedSpread), !keys.contains(entry.key) else { planned = false; break }
                    keys.append(entry.key)
                    plans.append(spreadPlan(source, index, entry))
                }
            }
            if !planned { break }
        }
        inProgress.remove(key)
        guard planned else { return nil }
        return TablePlan(module: module, tableName: tableName, name: name, binding: key, args: args, start: start, end: end,
                         plans: plans, savedLog: savedLog)
    }

    func isExplicit(_ value: DrizzleValue) -> Bool {
        if case .chain(let chain) = value, chain.args.first?.stringValue != nil { return true }
        return false
    }

    /// The explicit name a column's stand-in keeps (``standInColumn(_:)``): the name given in its
    /// builder call when that is also its database name, else nil (the key, cased, names it).
    func standInName(key: String, value: DrizzleValue) -> String? {
        let names = columnNames(key: key, value: value)
        return names.raw == names.database && isExplicit(value) ? names.raw : nil
    }

    /// A column value for which ``columnNames(key:value:)`` gives the same names as the real one.
    ///
    /// Shared by every column of that name: tables repeat a few column names (`id`, `created_at`), and
    /// making each value cost a box and an argument list, allocated and later freed.
    func standInColumn(_ explicit: String?) -> DrizzleValue {
        guard let explicit else { return .undefined }
        if let known = standInColumns[explicit] { return known }
        let value = DrizzleValue.chain(Chain(root: "", args: [.string(explicit)]))
        if standInColumns.count < 4096 { standInColumns[explicit] = value }
        return value
    }

    // MARK: - Columns
}
