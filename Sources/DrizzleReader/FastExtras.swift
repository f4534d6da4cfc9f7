import SchemaModel

/// The extras of a table read by ``DrizzleEvaluator/fastTable(_:_:_:)``: `(t) => [ ... ]`.
///
/// The general path invokes the function with the table and evaluates each item; here indexes, unique
/// constraints and checks written as `builder('name').on(t.a, t.b)` or `check('name', sql\`...${t.a}\`)`
/// are turned into the same values from their syntax, with `t.col` looked up in the stand-in table,
/// and every other item is evaluated the general way in the scope the function would give it.
extension DrizzleEvaluator {
    /// Interprets the extras; false when they are not an arrow function returning an array literal
    /// (the caller then uses ``interpretExtras(_:_:_:_:)`` with the evaluated function).
    func interpretFastExtras(_ extras: TSExpr, _ module: Int, _ chain: Chain, _ name: QualifiedName, _ table: inout Table,
                             _ builders: inout BuilderMemo) -> Bool {
        guard isFastExtras(extras), case .arrow(let params, .array(let items, _), _) = extras else { return false }
        let parameter = params.first?.name
        var scope = Scope()
        if let parameter { scope.bind(parameter, .chain(chain)) }
        for item in items {
            if let shape = chainShape(item), addDirectExtra(shape, module, parameter, chain, name, &table, &builders) { continue }
            // Interpreting an item evaluates nothing, so interpreting each right after evaluating it
            // gives what evaluating them all and then interpreting them gives.
            let value = fastExtraValue(item, module, parameter, chain, &builders) ?? evaluate(item, module, scope)
            interpretExtra(value, chain, name, &table)
        }
        return true
    }

    /// Whether ``interpretFastExtras(_:_:_:_:_:_:)`` reads `extras`: an arrow function of at most one named
    /// parameter returning an array literal without spreads.
    func isFastExtras(_ extras: TSExpr) -> Bool {
        guard case .arrow(let params, .array(let items, _), _) = extras, params.count <= 1,
            params.allSatisfy({ !$0.name.isEmpty && $0.defaultValue == nil })
        else { return false }
        for item in items { if case .spread = item { return false } }
        return true
    }

    /// The value of an index, unique or check item, as the general path evaluates it; nil for any other.
    private func fastExtraValue(_ item: TSExpr, _ module: Int, _ parameter: String?, _ table: Chain,
                                _ builders: inout BuilderMemo) -> DrizzleValue? {
        guard let shape = chainShape(item) else { return nil }
        return fastExtraValue(shape, module, parameter, table, &builders)
    }

    /// The value of an index, unique, check or policy item written as `shape`, or nil.
    func fastExtraValue(_ shape: ChainShape, _ module: Int, _ parameter: String?, _ table: Chain,
                        _ builders: inout BuilderMemo) -> DrizzleValue? {
        guard shape.builder != parameter, case .builtin(let builder)? = builderValue(module, shape.builder, &builders) else { return nil }
        var args: [DrizzleValue] = []
        switch builder {
        case "index", "uniqueIndex", "unique":
            guard shape.rootArgs.count <= 1 else { return nil }
            if let first = shape.rootArgs.first {
                guard case .string(let s, _) = first else { return nil }
                args.append(.string(s))
            }
        case "check":
            guard shape.rootArgs.count == 2, case .string(let checkName, _) = shape.rootArgs[0],
                let condition = sqlOfColumns(shape.rootArgs[1], module, parameter, table, &builders)
            else { return nil }
            args = [.string(checkName), condition]
        case "pgPolicy":
            guard shape.rootArgs.count == 2, shape.methods.isEmpty, case .string(let policyName, _) = shape.rootArgs[0],
                case .object(let props, _) = shape.rootArgs[1],
                let config = policyConfig(props, module, parameter, table, &builders)
            else { return nil }
            args = [.string(policyName), .object(config)]
        default:
            return nil
        }
        var value = Chain(root: builder, args: args, site: site(module, shape.rootStart, shape.rootStart, shape.rootEnd))
        for method in shape.methods {
            switch (builder, method.name) {
            case ("index", "on"), ("uniqueIndex", "on"), ("unique", "on"): break
            case ("unique", "nullsNotDistinct"): guard method.args.isEmpty else { return nil }
            default: return nil
            }
            guard let columns = columnsOf(method.args, parameter, table) else { return nil }
            value.calls.append(Chain.Call(name: method.name, args: columns, site: site(module, method.start, method.nameOffset, method.end)))
        }
        return .chain(value)
    }

    /// A policy's options (`{ as: 'permissive', to: role, using: sql\`...\` }`) as the general path evaluates
    /// them, when each is a string, a name, an array of those, or an `sql` template of `t.col`s.
    func policyConfig(_ props: [TSProperty], _ module: Int, _ parameter: String?, _ table: Chain,
                              _ builders: inout BuilderMemo) -> DrizzleObject? {
        var object = DrizzleObject()
        object.entries.reserveCapacity(props.count)
        for prop in props {
            guard case .value(let key, let expr, let keyOffset) = prop, let value = policyValue(expr, module, parameter, table, &builders)
            else { return nil }
            object.set(key, value, site(module, keyOffset))
        }
        return object
    }

    func policyValue(_ expr: TSExpr, _ module: Int, _ parameter: String?, _ table: Chain,
                             _ builders: inout BuilderMemo) -> DrizzleValue? {
        switch expr {
        case .string(let s, _):
            return .string(s)
        case .identifier(let name, _):
            guard name != parameter, let value = builderValue(module, name, &builders) else { return nil }
            return value
        case .array(let items, _):
            var values: [DrizzleValue] = []
            values.reserveCapacity(items.count)
            for item in items {
                guard let value = policyValue(item, module, parameter, table, &builders), !isArray(item) else { return nil }
                values.append(value)
            }
            return .array(values)
        case .template:
            return sqlOfColumns(expr, module, parameter, table, &builders)
        default:
            return nil
        }
    }

    private func isArray(_ expr: TSExpr) -> Bool {
        if case .array = expr { return true }
        return false
    }

    /// An `sql` template whose every interpolation is a `t.col`, as the SQL value the general path
    /// gives it; nil for any other expression.
    private func sqlOfColumns(_ expr: TSExpr, _ module: Int, _ parameter: String?, _ table: Chain,
                              _ builders: inout BuilderMemo) -> DrizzleValue? {
        guard case .template(.identifier(let tag, _)?, let pieces, let values, _) = expr, tag != parameter,
            case .builtin(let tagName)? = builderValue(module, tag, &builders), tagName == "sql" || tagName == "*.sql",
            let refs = columnsOf(values, parameter, table)
        else { return nil }
        return .sql(sqlTemplate(pieces, refs))
    }

    /// Every expression as ``columnOf(_:_:_:)`` gives it, or nil when one is not a `t.col`.
    private func columnsOf(_ exprs: [TSExpr], _ parameter: String?, _ table: Chain) -> [DrizzleValue]? {
        var columns: [DrizzleValue] = []
        columns.reserveCapacity(exprs.count)
        for expr in exprs {
            guard let column = columnOf(expr, parameter, table) else { return nil }
            columns.append(column)
        }
        return columns
    }

    /// `t.col` of the extras' parameter as the column value the general path gives it; nil for anything else.
    private func columnOf(_ expr: TSExpr, _ parameter: String?, _ table: Chain) -> DrizzleValue? {
        guard let parameter, case .member(.identifier(let base, _), let key, _) = expr, base == parameter,
            let ref = columnRef(table, key: key)
        else { return nil }
        return .column(ref)
    }
}
