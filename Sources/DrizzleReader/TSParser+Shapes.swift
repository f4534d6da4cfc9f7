/// Chains of the column objects and extras arrays left as tokens (`TSParser+Columns.swift`,
/// `TSParser+Extras.swift`), taken apart into ``TSChainShape``s when the table reader does not read
/// them from the tokens directly (`TokenColumns.swift`, `TokenExtras.swift`).
///
/// The shapes are exactly what the reader needs to interpret the columns and extras it handles from
/// their syntax; anything else it still parses from the tokens on demand.
extension TSParser {
    /// The token after the chain at token `start` (checked as for ``chainShape(at:)``), found without
    /// taking it apart.
    func chainEnd(at start: Int) -> Int {
        var k = Int(tokens[start + 1].match) + 1
        while isPunct(k, P.dot) { k = Int(tokens[k + 2].match) + 1 }
        return k
    }

    /// The shape of the chain at token `start` (checked by ``chainEnd(_:)`` or ``extrasChainEnd(_:)``)
    /// and the token after it.
    func chainShape(at start: Int) -> (shape: TSChainShape, end: Int) {
        let builder = text(tokens[start])
        let rootStart = Int(tokens[start].start)
        let (rootArgs, rootClose) = shapeArguments(start + 1)
        var methods: [TSMethodCall] = []
        var k = rootClose + 1
        while isPunct(k, P.dot) {
            let name = tokens[k + 1]
            let (args, close) = shapeArguments(k + 2)
            methods.append(TSMethodCall(name: text(name), args: args, start: rootStart, nameOffset: Int(name.start), end: Int(tokens[close].end)))
            k = close + 1
        }
        let shape = TSChainShape(builder: builder, rootArgs: rootArgs, rootStart: rootStart, rootEnd: Int(tokens[rootClose].end), methods: methods)
        return (shape, k)
    }

    /// The arguments of the call whose `(` is token `open` (checked by ``argumentsEnd(_:)`` or
    /// ``extrasArgumentsEnd(_:)``), as ``parseArguments(columns:)`` would build them, and the index of the `)`.
    private func shapeArguments(_ open: Int) -> ([TSExpr], Int) {
        let close = Int(tokens[open].match)
        var args: [TSExpr] = []
        var k = open + 1
        while k < close {
            if isPunct(k, P.lbrace) {
                let end = Int(tokens[k].match)
                var props: [TSProperty] = []
                var j = k + 1
                while j < end {
                    let keyToken = tokens[j]
                    let key = keyToken.kind == .string ? stringValue(keyToken) : text(keyToken)
                    let (value, next) = shapeValue(j + 2)
                    props.append(.value(key: key, value: value, keyOffset: Int(keyToken.start)))
                    j = next
                    if j < end { j += 1 }
                }
                args.append(.object(props, Int(tokens[k].start)))
                k = end + 1
            } else if isPunct(k, P.lparen) {
                // `() => table.column`
                let target = tokens[k + 3]
                let column = tokens[k + 5]
                let body = TSExpr.member(.identifier(text(target), Int(target.start)), text(column), Int(column.start))
                args.append(.arrow(params: [], body: body, offset: Int(tokens[k].start)))
                k += 6
            } else if let end = memberEnd(k) {
                args.append(shapeMember(k))
                k = end
            } else {
                let (value, next) = shapeValue(k)
                args.append(value)
                k = next
            }
            if k >= close { break }
            k += 1  // the comma
        }
        return (args, close)
    }

    /// `name.name` at token `k`.
    private func shapeMember(_ k: Int) -> TSExpr {
        let base = tokens[k]
        let name = tokens[k + 2]
        return .member(.identifier(text(base), Int(base.start)), text(name), Int(name.start))
    }

    /// A literal, a name, an array of those or a tagged template at token `k`, and the token after it.
    private func shapeValue(_ k: Int) -> (TSExpr, Int) {
        if isLiteral(k) { return (literalExpr(k), k + 1) }
        if isPunct(k, P.lbracket) {
            let end = Int(tokens[k].match)
            var items: [TSExpr] = []
            var j = k + 1
            while j < end {
                let (item, next) = shapeValue(j)
                items.append(item)
                j = next
                if j < end { j += 1 }
            }
            return (.array(items, Int(tokens[k].start)), end + 1)
        }
        let tag = TSExpr.identifier(text(tokens[k]), Int(tokens[k].start))
        guard isTemplateStart(k + 1) else { return (tag, k + 1) }
        var j = k + 1
        var pieces = [templatePiece(tokens[j])]
        var values: [TSExpr] = []
        if tokens[j].kind == .templateHead {
            j += 1
            while true {
                values.append(shapeMember(j))
                j += 3
                pieces.append(templatePiece(tokens[j]))
                if tokens[j].kind == .templateTail { break }
                j += 1
            }
        }
        return (.template(tag: tag, pieces: pieces, values: values, offset: Int(tokens[k].start)), j + 1)
    }
}
