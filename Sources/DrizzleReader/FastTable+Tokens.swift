import SchemaModel

/// Column plans read from the tokens of a lazy column object (``TSExpr/lazyObject(_:_:)``), giving the
/// plans ``DrizzleEvaluator/fastTable(_:_:_:)`` makes from the object's syntax tree.
///
/// Columns and extras are read from the tokens where they have the common shapes (`TokenColumns.swift`,
/// `TokenExtras.swift`), and otherwise taken apart right before they are read (`TSParser+Shapes.swift`):
/// taking them all apart while parsing, on all cores, cost fewer instructions on this thread but more
/// time, the shapes of every table then being held in memory and read back cold.
extension DrizzleEvaluator {
    /// Appends the plans of the columns of the lazy object at token `open`; false when the table is
    /// to be read the general way (a repeated key, a spread of something other than an object).
    func planLazyColumns(_ module: Int, _ open: Int, _ binding: BindingKey, _ builders: inout BuilderMemo, _ keys: inout [String],
                         _ plans: inout [ColumnPlan]) -> Bool {
        // Each entry is a spread `...name` or `key: chain`; a column is read from its tokens when
        // ``tokenColumnPlan(_:_:_:_:_:_:_:)`` reads it, else from its shape.
        let parser = TSParser(bytes: modules[module].file.bytes, tokens: modules[module].syntax.tokens)
        let tokens = parser.tokens
        let close = Int(tokens[open].match)
        // Room for a table's columns: the caller sized the lists for a syntax tree's properties.
        plans.reserveCapacity(plans.count + 16)
        keys.reserveCapacity(keys.count + 16)
        var k = open + 1
        while k < close {
            if parser.isPunct(k, P.ellipsis) {
                let name = tokens[k + 1]
                let spread = TSExpr.identifier(parser.text(name), Int(name.start))
                guard case .object(let other) = evaluate(spread, module, [:]) else { return false }
                let source = stableSpreadSource(module, spread)
                for (index, entry) in other.entries.enumerated() {
                    guard !entry.key.hasPrefix(DrizzleObject.unresolvedSpread), !keys.contains(entry.key) else { return false }
                    keys.append(entry.key)
                    plans.append(spreadPlan(source, index, entry))
                }
                k += 2
            } else {
                let keyToken = tokens[k]
                let key = keyToken.kind == .string ? parser.stringValue(keyToken) : parser.text(keyToken)
                let keyOffset = Int(keyToken.start)
                let valueStart = k + 2
                guard !keys.contains(key) else { return false }
                keys.append(key)
                if let fast = tokenColumnPlan(parser, key, keyOffset, valueStart, module, binding, &builders) {
                    plans.append(.fast(consume fast))
                    k = parser.chainEnd(at: valueStart)
                } else {
                    let (shape, end) = parser.chainShape(at: valueStart)
                    if let fast = fastColumnPlan(key, keyOffset, shape, .tokens(valueStart), module, binding, &builders) {
                        plans.append(.fast(consume fast))
                    } else {
                        let value = TSParser.parseExpression(bytes: parser.bytes, tokens: tokens, at: valueStart)
                        plans.append(.general(key: key, value: evaluate(value, module, [:]), site: site(module, keyOffset)))
                    }
                    k = end
                }
            }
            if k >= close { break }
            k += 1  // the comma
        }
        return true
    }

    /// The extras `(t) => [ ... ]` left as tokens at `open` (checked by ``TSParser/isExtrasArrow(_:)``),
    /// item by item as ``interpretFastExtras(_:_:_:_:_:_:)`` reads them from syntax: from the tokens
    /// when ``addTokenExtra(_:_:_:_:_:_:_:_:)`` reads the item, else from its shape.
    func interpretLazyExtras(_ module: Int, _ open: Int, _ chain: Chain, _ name: QualifiedName, _ table: inout Table,
                             _ builders: inout BuilderMemo) {
        let parser = TSParser(bytes: modules[module].file.bytes, tokens: modules[module].syntax.tokens)
        var k = open + 1
        var parameter: String?
        if parser.tokens[k].kind == .identifier {
            parameter = parser.text(parser.tokens[k])
            k += 1
        }
        let arrayOpen = k + 2
        let close = Int(parser.tokens[arrayOpen].match)
        renderedTemplates.removeAll(keepingCapacity: true)
        defer { renderedTemplates.removeAll(keepingCapacity: true) }
        var j = arrayOpen + 1
        while j < close {
            let end = parser.chainEnd(at: j)
            if !addTokenExtra(parser, j, module, parameter, chain, name, &table, &builders) {
                let shape = parser.chainShape(at: j).shape
                if !addDirectExtra(shape, module, parameter, chain, name, &table, &builders) {
                    var scope = Scope()
                    if let parameter { scope.bind(parameter, .chain(chain)) }
                    // Interpreting an item evaluates nothing, so interpreting each right after evaluating
                    // it gives what evaluating them all and then interpreting them gives.
                    let value = fastExtraValue(shape, module, parameter, chain, &builders)
                        ?? evaluate(TSParser.parseExpression(bytes: parser.bytes, tokens: parser.tokens, at: j), module, scope)
                    interpretExtra(value, chain, name, &table)
                }
            }
            j = end
            if j >= close { break }
            j += 1  // the comma
        }
    }
}
