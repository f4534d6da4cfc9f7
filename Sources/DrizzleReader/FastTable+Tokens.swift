import SchemaModel

/// Column plans read from the tokens of a lazy column object (``TSExpr/lazyObject(_:_:)``), giving the
/// plans ``DrizzleEvaluator/fastTable(_:_:_:)`` makes from the object's syntax tree.
extension DrizzleEvaluator {
    /// Appends the plans of the columns of the lazy object at token `open`; false when the table is
    /// to be read the general way (a repeated key, a spread of something other than an object).
    func planLazyColumns(_ module: Int, _ open: Int, _ binding: BindingKey, _ builders: inout BuilderMemo, _ keys: inout [String],
                         _ plans: inout [ColumnPlan]) -> Bool {
        let parser = TSParser(bytes: modules[module].file.bytes, tokens: modules[module].syntax.tokens)
        let tokens = parser.tokens
        let close = Int(tokens[open].match)
        var k = open + 1
        while k < close {
            if parser.isPunct(k, P.ellipsis) {
                let name = tokens[k + 1]
                let inner = TSExpr.identifier(parser.text(name), Int(name.start))
                guard case .object(let other) = evaluate(inner, module, [:]) else { return false }
                for entry in other.entries {
                    guard !entry.key.hasPrefix(DrizzleObject.unresolvedSpread), !keys.contains(entry.key) else { return false }
                    keys.append(entry.key)
                    plans.append(.general(key: entry.key, value: entry.value, site: entry.site))
                }
                k += 2
            } else {
                let keyToken = tokens[k]
                let key = keyToken.kind == .string ? parser.stringValue(keyToken) : parser.text(keyToken)
                let keyOffset = Int(keyToken.start)
                guard !keys.contains(key) else { return false }
                keys.append(key)
                let valueStart = k + 2
                let shape = lazyChainShape(parser, valueStart)
                if let fast = fastColumnPlan(key, keyOffset, shape.shape, .tokens(valueStart), module, binding, &builders) {
                    plans.append(.fast(fast))
                } else {
                    let value = TSParser.parseExpression(bytes: parser.bytes, tokens: tokens, at: valueStart)
                    plans.append(.general(key: key, value: evaluate(value, module, [:]), site: site(module, keyOffset)))
                }
                k = shape.end
            }
            if k >= close { break }
            k += 1  // the comma
        }
        return true
    }

    /// The shape of the chain at token `start` (checked by ``TSParser/chainEnd(_:)`` when parsing) and
    /// the token after it.
    private func lazyChainShape(_ parser: TSParser, _ start: Int) -> (shape: ChainShape, end: Int) {
        let tokens = parser.tokens
        let builder = parser.text(tokens[start])
        let rootStart = Int(tokens[start].start)
        let (rootArgs, rootClose) = lazyArguments(parser, start + 1)
        var methods: [FastMethod] = []
        var k = rootClose + 1
        while parser.isPunct(k, P.dot) {
            let name = tokens[k + 1]
            let (args, close) = lazyArguments(parser, k + 2)
            methods.append(FastMethod(name: parser.text(name), args: args, start: rootStart, nameOffset: Int(name.start), end: Int(tokens[close].end)))
            k = close + 1
        }
        return (ChainShape(builder: builder, rootArgs: rootArgs, rootStart: rootStart, rootEnd: Int(tokens[rootClose].end), methods: methods), k)
    }

    /// The arguments of the call whose `(` is token `open` (checked by ``TSParser/argumentsEnd(_:)`` or
    /// ``TSParser/extrasArgumentsEnd(_:)``), as the parser would build them, and the index of the `)`.
    private func lazyArguments(_ parser: TSParser, _ open: Int) -> ([TSExpr], Int) {
        let tokens = parser.tokens
        let close = Int(tokens[open].match)
        var args: [TSExpr] = []
        var k = open + 1
        while k < close {
            if parser.isPunct(k, P.lbrace) {
                let end = Int(tokens[k].match)
                var props: [TSProperty] = []
                var j = k + 1
                while j < end {
                    let keyToken = tokens[j]
                    let key = keyToken.kind == .string ? parser.stringValue(keyToken) : parser.text(keyToken)
                    let (value, next) = lazyValue(parser, j + 2)
                    props.append(.value(key: key, value: value, keyOffset: Int(keyToken.start)))
                    j = next
                    if j < end { j += 1 }
                }
                args.append(.object(props, Int(tokens[k].start)))
                k = end + 1
            } else if parser.isPunct(k, P.lparen) {
                // `() => table.column`
                let target = tokens[k + 3]
                let column = tokens[k + 5]
                let body = TSExpr.member(.identifier(parser.text(target), Int(target.start)), parser.text(column), Int(column.start))
                args.append(.arrow(params: [], body: body, offset: Int(tokens[k].start)))
                k += 6
            } else if let end = parser.memberEnd(k) {
                args.append(lazyMember(parser, k))
                k = end
            } else {
                let (value, next) = lazyValue(parser, k)
                args.append(value)
                k = next
            }
            if k >= close { break }
            k += 1  // the comma
        }
        return (args, close)
    }

    /// `name.name` at token `k`.
    private func lazyMember(_ parser: TSParser, _ k: Int) -> TSExpr {
        let base = parser.tokens[k]
        let name = parser.tokens[k + 2]
        return .member(.identifier(parser.text(base), Int(base.start)), parser.text(name), Int(name.start))
    }

    /// A literal, a name, an array of those or a tagged template at token `k`, and the token after it.
    private func lazyValue(_ parser: TSParser, _ k: Int) -> (TSExpr, Int) {
        let tokens = parser.tokens
        if parser.isLiteral(k) { return (parser.literalExpr(k), k + 1) }
        if parser.isPunct(k, P.lbracket) {
            let end = Int(tokens[k].match)
            var items: [TSExpr] = []
            var j = k + 1
            while j < end {
                let (item, next) = lazyValue(parser, j)
                items.append(item)
                j = next
                if j < end { j += 1 }
            }
            return (.array(items, Int(tokens[k].start)), end + 1)
        }
        let tag = TSExpr.identifier(parser.text(tokens[k]), Int(tokens[k].start))
        guard parser.isTemplateStart(k + 1) else { return (tag, k + 1) }
        var j = k + 1
        var pieces = [parser.templatePiece(tokens[j])]
        var values: [TSExpr] = []
        if tokens[j].kind == .templateHead {
            j += 1
            while true {
                values.append(lazyMember(parser, j))
                j += 3
                pieces.append(parser.templatePiece(tokens[j]))
                if tokens[j].kind == .templateTail { break }
                j += 1
            }
        }
        return (.template(tag: tag, pieces: pieces, values: values, offset: Int(tokens[k].start)), j + 1)
    }

    /// The extras `(t) => [ ... ]` left as tokens at `open` (checked by ``TSParser/isExtrasArrow(_:)``),
    /// item by item as ``interpretFastExtras(_:_:_:_:_:_:)`` reads them from syntax.
    func interpretLazyExtras(_ module: Int, _ open: Int, _ chain: Chain, _ name: QualifiedName, _ table: inout Table,
                             _ builders: inout BuilderMemo) {
        let parser = TSParser(bytes: modules[module].file.bytes, tokens: modules[module].syntax.tokens)
        let tokens = parser.tokens
        var k = open + 1
        var parameter: String?
        if tokens[k].kind == .identifier {
            parameter = parser.text(tokens[k])
            k += 1
        }
        let arrayOpen = k + 2
        let close = Int(tokens[arrayOpen].match)
        var scope = Scope()
        if let parameter { scope.bind(parameter, .chain(chain)) }
        var j = arrayOpen + 1
        while j < close {
            let (shape, end) = lazyChainShape(parser, j)
            let value = fastExtraValue(shape, module, parameter, chain, &builders)
                ?? evaluate(TSParser.parseExpression(bytes: parser.bytes, tokens: tokens, at: j), module, scope)
            interpretExtra(value, chain, name, &table)
            j = end
            if j >= close { break }
            j += 1  // the comma
        }
    }
}
