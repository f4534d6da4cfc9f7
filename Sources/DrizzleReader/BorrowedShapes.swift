/// Stand-ins of tables that another evaluator reads at the same time (``ParallelBuild``).
///
/// A column referencing a table (`.references(() => users.id)`) is read from its tokens when the
/// table's stand-in (``DrizzleEvaluator/tableShapes``) is known, else the general way, which evaluates
/// the whole referenced table. The second run of a split read reads its modules last first, so it
/// would take the general way for every table of an earlier module it references, their stand-ins
/// being made later or by the other evaluator; that cost a third of the second run. So it makes those
/// stand-ins itself from the tokens of the common table shape, and ``matches(_:_:)`` checks each
/// against the one reading the table made: a difference, or a table read the general way, discards
/// the second run's result.
extension DrizzleEvaluator {
    /// The stand-in ``finishTable(_:)`` would make for `binding`, a `pgTable('name', { key: builder(...)
    /// ..., ... })` of a module below ``borrowBelow``; nil for any other binding or shape.
    func borrowedShape(_ binding: BindingKey) -> Chain? {
        let module = binding.module
        guard module < borrowBelow, case .value(let expr)? = modules[module].syntax.bindings[binding.name],
            case .call(.identifier(let callee, _), let args, let start, let end) = expr, args.count == 2 || args.count == 3,
            case .string(let tableName, _) = args[0], case .lazyObject(let open, _) = args[1],
            case .builtin("pgTable")? = topLevel(module, callee)
        else { return nil }
        let parser = TSParser(bytes: modules[module].file.bytes, tokens: modules[module].syntax.tokens)
        let tokens = parser.tokens
        let close = Int(tokens[open].match)
        var standIn = DrizzleObject()
        var k = open + 1
        while k < close {
            if parser.isPunct(k, P.ellipsis) {
                // `...name`, evaluated and given stand-ins as ``planLazyColumns`` and ``finishTable`` do.
                let nameToken = parser.token(k + 1)
                guard nameToken.kind == .identifier,
                    case .object(let other) = evaluate(.identifier(parser.text(nameToken), Int(nameToken.start)), module, [:]),
                    appendStandIns(of: other, to: &standIn)
                else { return nil }
                k += 2
                if k >= close { break }
                k += 1  // the comma
                continue
            }
            // A key is followed by `:` and a builder call.
            guard parser.isPunct(k + 1, P.colon) else { return nil }
            let keyToken = tokens[k]
            let key = keyToken.kind == .string ? parser.stringValue(keyToken) : parser.text(keyToken)
            let valueStart = k + 2
            guard tokens[valueStart].kind == .identifier, parser.isPunct(valueStart + 1, P.lparen) else { return nil }
            let first = parser.token(valueStart + 2)
            let explicit = first.kind == .string ? parser.stringValue(first) : nil
            standIn.entries.append(DrizzleObject.Entry(key: key, value: standInColumn(explicit), site: nil))
            k = parser.chainEnd(at: valueStart)
            if k >= close { break }
            k += 1  // the comma
        }
        let shape = Chain(root: "pgTable", args: [.string(tableName), .object(standIn)], site: site(module, start, start, end))
        tableShapes[binding] = shape
        borrowedShapes[binding] = shape
        return shape
    }

    /// Makes stand-ins for the tables of modules below `module`, which this evaluator reads next, and
    /// drops those it made of `module`'s own tables: reading the module makes the real ones, which
    /// ``borrowedShapes`` are checked against (a table read the general way leaves none, and fails
    /// the check).
    func startBorrowing(below module: Int) {
        borrowBelow = module
        for binding in borrowedShapes.keys where binding.module == module { tableShapes[binding] = nil }
    }

    /// The stand-in of a table this evaluator read the general way (its value in ``cache``). Nil when
    /// `binding` holds no plain `pgTable(...)` value.
    func evaluatedShape(_ binding: BindingKey) -> Chain? {
        guard case .chain(let real)? = cache[binding.module][binding.name], real.root == "pgTable", real.calls.isEmpty,
            real.target == nil, real.args.count >= 2, let tableName = real.args[0].stringValue,
            case .object(let columns) = real.args[1]
        else { return nil }
        var standIn = DrizzleObject()
        guard appendStandIns(of: columns, to: &standIn) else { return nil }
        return Chain(root: "pgTable", args: [.string(tableName), .object(standIn)], site: real.site)
    }

    /// Appends to `standIn` a stand-in column for each of `columns`' evaluated columns: its explicit
    /// name or none (``standInName(key:value:)``). False when a spread in them was not resolved.
    private func appendStandIns(of columns: DrizzleObject, to standIn: inout DrizzleObject) -> Bool {
        for entry in columns.entries {
            guard !entry.key.hasPrefix(DrizzleObject.unresolvedSpread) else { return false }
            let explicit = standInName(key: entry.key, value: entry.value)
            standIn.entries.append(DrizzleObject.Entry(key: entry.key, value: standInColumn(explicit), site: nil))
        }
        return true
    }

    /// Whether two table stand-ins give the same column references: the same table, site and columns,
    /// each with the same explicit name or none.
    static func matches(_ a: Chain, _ b: Chain) -> Bool {
        guard a.root == b.root, a.calls.isEmpty, b.calls.isEmpty, a.target == nil, b.target == nil,
            a.args.count == 2, b.args.count == 2, let nameA = a.args[0].stringValue, nameA == b.args[0].stringValue,
            case .object(let columnsA) = a.args[1], case .object(let columnsB) = b.args[1],
            columnsA.entries.count == columnsB.entries.count
        else { return false }
        switch (a.site, b.site) {
        case (nil, nil): break
        case (let siteA?, let siteB?):
            guard siteA.module == siteB.module, siteA.start == siteB.start, siteA.rawStart == siteB.rawStart,
                siteA.end == siteB.end
            else { return false }
        default: return false
        }
        for (x, y) in zip(columnsA.entries, columnsB.entries) {
            guard x.key == y.key, x.site == nil, y.site == nil else { return false }
            switch (x.value, y.value) {
            case (.undefined, .undefined): continue
            case (.chain(let p), .chain(let q)):
                guard p.root == q.root, p.calls.isEmpty, q.calls.isEmpty, p.target == nil, q.target == nil,
                    p.site == nil, q.site == nil, p.args.count == 1, q.args.count == 1,
                    let explicit = p.args[0].stringValue, explicit == q.args[0].stringValue
                else { return false }
            default: return false
            }
        }
        return true
    }
}
