import SchemaModel

/// Tables of the fast path read in two parts, so that a second thread can do half the work.
///
/// ``DrizzleEvaluator/fastTable(_:_:_:)`` interleaves steps that need the evaluator's state (evaluating
/// names, spreads and general columns, in an order that matters) with steps that depend on nothing but
/// their inputs: building a column from its syntax (``DrizzleEvaluator/fastColumnParts(_:_:table:)``)
/// and interpreting an evaluated extra (``DrizzleEvaluator/interpretExtra(_:_:_:_:)``). Here the first
/// kind runs in the same order on the reading thread, and the second is left in a ``TableDraft`` that
/// ``DraftFinisher`` finishes on another.
///
/// This is speculation: it assumes every deferred step succeeds without a diagnostic, as it does for
/// the tables the fast path is made for. When one does not, the sequential reader would have read that
/// table differently from that point on (the general path, with its own evaluations), so the whole
/// read is done again sequentially (``DrizzleReader/read(paths:files:options:concurrentTables:)``).
/// Whether that happens depends only on the input, never on thread timing.
extension DrizzleEvaluator {
    /// A column of a draft: interpreted already (a general column whose value holds a function, which
    /// interpreting may call), to be interpreted from its value, or to be built from its syntax.
    enum DraftColumn {
        case done(ColumnResult?)
        case general(key: String, value: DrizzleValue, site: Site?)
        case fast(FastColumn)
    }

    /// What is left of a table once everything that needs the evaluator's state has been done.
    struct TableDraft {
        var module: Int
        var tableName: String
        var name: QualifiedName
        var provenance: Provenance
        var columns: [DraftColumn]
        /// The stand-in table value the extras saw.
        var chain: Chain
        /// The extras, evaluated, in order.
        var extras: [DrizzleValue]
    }

    /// What ``draftTable(_:_:_:)`` made of a table.
    enum DraftOutcome {
        /// Read whole, as ``fastTable(_:_:_:)`` reads it (its extras needed the general path).
        case table(Table)
        /// Left to finish with ``finishDraft(_:)``.
        case draft(TableDraft)
        /// Reading the table logged a diagnostic: the sequential reader would have read it in another
        /// order, so this read cannot go on.
        case speculationFailed
    }

    /// ``fastTable(_:_:_:)``, leaving the steps that need no state to ``finishDraft(_:)``; nil when the
    /// table is to be read the general way (decided before anything was evaluated, as there).
    func draftTable(_ module: Int, _ binding: String, _ expr: TSExpr) -> (outcome: DraftOutcome, key: QualifiedName, location: SourceLocation)? {
        guard let plan = planTable(module, binding, expr) else { return nil }
        let args = plan.args
        if args.count == 3, case .arrow = args[2], !isFastExtras(args[2]) {
            // Extras invoked as a function: the general path, which is not split.
            guard let whole = finishTable(plan) else { return nil }
            return (.table(whole.table), whole.key, whole.location)
        }
        let tableSite = site(module, plan.start, plan.start, plan.end)
        let location = tableSite.location
        var standIn = DrizzleObject()
        standIn.entries.reserveCapacity(plan.plans.count)
        var columns: [DraftColumn] = []
        columns.reserveCapacity(plan.plans.count)
        for columnPlan in plan.plans {
            switch columnPlan {
            case .general(let columnKey, let value, let site):
                let names = columnNames(key: columnKey, value: value)
                let explicit = names.raw == names.database && isExplicit(value) ? names.raw : nil
                standIn.entries.append(DrizzleObject.Entry(key: columnKey, value: standInColumn(explicit), site: nil))
                if holdsFunction(value) {
                    columns.append(.done(interpretColumn(key: columnKey, value: value, keyLocation: site?.location ?? location, table: plan.name)))
                } else {
                    columns.append(.general(key: columnKey, value: value, site: site))
                }
            case .fast(let column):
                standIn.entries.append(DrizzleObject.Entry(key: column.key, value: standInColumn(column.explicit), site: nil))
                columns.append(.fast(column))
            }
        }
        let chain = Chain(root: "pgTable", args: [.string(plan.tableName), .object(standIn)], site: tableSite)
        // Names not kept from earlier tables resolve after the table's evaluation, as in the general path.
        var extrasBuilders = builderMemo(module)
        defer { keepBuilders(module, extrasBuilders) }
        var extras: [DrizzleValue] = []
        if args.count == 3, case .lazyArrow(let open, _) = args[2] {
            extras = lazyExtrasValues(module, open, chain, &extrasBuilders)
        } else if args.count == 3 {
            extras = fastExtrasValues(args[2], module, chain, &extrasBuilders) ?? []
        }
        guard log.diagnostics.count == plan.savedLog.diagnostics.count, log.suppressed == plan.savedLog.suppressed else {
            return (.speculationFailed, plan.name, location)
        }
        tableShapes[plan.binding] = chain
        let draft = TableDraft(module: module, tableName: plan.tableName, name: plan.name,
                               provenance: Provenance(source: .drizzle, location: location), columns: columns, chain: chain, extras: extras)
        return (.draft(draft), plan.name, location)
    }

    /// Whether `value` holds a function anywhere: interpreting a column calls the functions it finds
    /// (a referenced column, a generated expression), which evaluates code, so such a column is
    /// interpreted in order; any other is interpreted from its value alone.
    func holdsFunction(_ value: DrizzleValue) -> Bool {
        switch value {
        case .closure: return true
        case .chain(let chain), .method(let chain, _):
            if let target = chain.target, holdsFunction(target.value) { return true }
            return chain.args.contains(where: holdsFunction) || chain.calls.contains { $0.args.contains(where: holdsFunction) }
        case .object(let object): return object.entries.contains { holdsFunction($0.value) }
        case .array(let items): return items.contains(where: holdsFunction)
        default: return false
        }
    }

    /// The table of a draft, or nil when a step would have gone otherwise than speculated (a column the
    /// fast path cannot build, a diagnostic). Touches nothing but this evaluator's memos and log, so an
    /// evaluator of its own can finish drafts on another thread.
    func finishDraft(_ draft: TableDraft) -> Table? {
        var table = Table(name: draft.tableName, provenance: draft.provenance)
        table.columns.reserveCapacity(draft.columns.count)  // a column is large: no room left over from doubling
        var primaryColumns: [String] = []
        for column in draft.columns {
            switch column {
            case .done, .general:
                var result: ColumnResult?
                switch column {
                case .done(let done): result = done
                case .general(let key, let value, let site):
                    result = interpretColumn(key: key, value: value, keyLocation: site?.location ?? draft.provenance.location, table: draft.name)
                case .fast: break
                }
                guard let result else {
                    table.notStated.insert(.column)
                    continue
                }
                Self.add(result.column, isPrimaryKey: result.isPrimaryKey, unique: result.unique,
                         foreignKeys: result.foreignKeys, to: &table, primaryColumns: &primaryColumns)
            case .fast(let fast):
                guard let (built, isPrimaryKey, unique, foreignKeys) = fastColumnParts(fast, draft.module, table: draft.name) else { return nil }
                Self.add(built, isPrimaryKey: isPrimaryKey, unique: unique, foreignKeys: foreignKeys,
                         to: &table, primaryColumns: &primaryColumns)
            }
        }
        Self.setInlinePrimaryKey(primaryColumns, of: &table)
        for value in draft.extras { interpretExtra(value, draft.chain, draft.name, &table) }
        if !table.policies.isEmpty { table.rowLevelSecurity = true }
        guard log.diagnostics.isEmpty, log.suppressed == 0 else { return nil }
        return table
    }
}
