import SchemaModel

/// Column plans read from the tokens of a lazy column object without taking each chain apart into a
/// ``TSChainShape`` (syntax trees of every argument and method, with their strings) first.
///
/// The common column, `builder('name', { literal options }).modifier()...` with argument-less
/// modifiers, `.default(literal)` and `.references(() => table.col, { literal actions })`, is read
/// here into the ``DrizzleEvaluator/FastColumn`` ``DrizzleEvaluator/fastColumnPlan(_:_:_:_:_:_:_:)``
/// makes of its shape. Everything is checked from the tokens before the builder is looked up, and the
/// builder is the only name either reader looks up, so when a column is anything else the caller
/// reads it from its shape with the same result.
extension DrizzleEvaluator {
    /// The plan of the column chain whose first token is `start`, or nil to read it from its shape.
    func tokenColumnPlan(_ parser: TSParser, _ key: String, _ keyOffset: Int, _ start: Int, _ module: Int,
                         _ binding: BindingKey, _ builders: inout BuilderMemo) -> FastColumn? {
        let tokens = parser.tokens
        guard tokens[start].kind == .identifier, parser.isPunct(start + 1, P.lparen) else { return nil }
        let rootClose = Int(tokens[start + 1].match)
        guard rootClose > start + 1 else { return nil }
        var k = start + 2
        var explicit: String?
        var options: TSExpr?
        if tokens[k].kind == .string {
            explicit = parser.stringValue(tokens[k])
            k += 1
            if k < rootClose {
                guard parser.isPunct(k, P.comma) else { return nil }
                k += 1
            }
        }
        if k < rootClose, parser.isPunct(k, P.lbrace) {
            guard let object = literalObject(parser, k) else { return nil }
            options = object
            k = Int(tokens[k].match) + 1
            if k < rootClose, parser.isPunct(k, P.comma) { k += 1 }
        }
        guard k == rootClose else { return nil }

        // The modifiers, read before anything is looked up; references are resolved after the builder,
        // as the shape reader resolves them.
        var modifiers: [ColumnModifier] = []
        var references: [(index: Int, call: TSMethodCall)] = []
        k = rootClose + 1
        // Room for a column's usual modifiers at once, instead of growing the list one by one.
        if parser.isPunct(k, P.dot) { modifiers.reserveCapacity(4) }
        while parser.isPunct(k, P.dot) {
            let nameToken = parser.token(k + 1)
            guard nameToken.kind == .identifier, parser.isPunct(k + 2, P.lparen) else { return nil }
            let open = k + 2
            let close = Int(tokens[open].match)
            guard close > open else { return nil }
            if close == open + 1 {
                guard let modifier = plainModifier(parser, nameToken) else { return nil }
                modifiers.append(modifier)
            } else if parser.isWord(nameToken, "default") {
                guard close == open + 2, parser.isLiteral(open + 1), let value = literalValue(parser.literalExpr(open + 1)) else { return nil }
                modifiers.append(.defaultValue(value))
            } else if parser.isWord(nameToken, "references") {
                guard let call = referenceCall(parser, open, close, rootStart: Int(tokens[start].start), nameToken) else { return nil }
                references.append((modifiers.count, call))
                modifiers.append(.typed)  // replaced once resolved
            } else {
                return nil
            }
            k = close + 1
        }

        guard let (spelling, enumType) = columnType(builderValue(module, parser, tokens[start], &builders), options, &builders) else { return nil }
        let typeParts = lastFixedParts(builders)
        for (index, call) in references {
            guard let (reference, actions) = fastReference(call, module) else { return nil }
            modifiers[index] = .references(reference, actions)
        }
        return FastColumn(source: .tokens(start), binding: binding, key: key, keyOffset: keyOffset, spelling: spelling,
                          enumType: enumType, typeParts: typeParts, explicit: explicit, rootStart: Int(tokens[start].start),
                          rootEnd: Int(tokens[rootClose].end), modifiers: modifiers)
    }

    /// The modifier of an argument-less method named by token `name`, or nil for any other method.
    private func plainModifier(_ parser: TSParser, _ name: TSToken) -> ColumnModifier? {
        switch parser.leadByte(name) {  // the names differ in their first byte but for three
        case UInt8(ascii: "n"): if parser.isWord(name, "notNull") { return .notNull }
        case UInt8(ascii: "p"): if parser.isWord(name, "primaryKey") { return .primaryKey }
        case UInt8(ascii: "d"):
            if parser.isWord(name, "defaultNow") { return .defaultNow }
            if parser.isWord(name, "defaultRandom") { return .defaultRandom }
        case UInt8(ascii: "u"): if parser.isWord(name, "unique") { return .unique }
        case UInt8(ascii: "$"): if parser.isWord(name, "$type") { return .typed }
        case UInt8(ascii: "g"):
            if parser.isWord(name, "generatedAlwaysAsIdentity") { return .identity("generatedAlwaysAsIdentity") }
            if parser.isWord(name, "generatedByDefaultAsIdentity") { return .identity("generatedByDefaultAsIdentity") }
        default: break
        }
        return nil
    }

    /// `{ key: literal, ... }` at token `open` as the syntax the shape reader builds, or nil when a
    /// value is not a literal.
    private func literalObject(_ parser: TSParser, _ open: Int) -> TSExpr? {
        let tokens = parser.tokens
        let close = Int(tokens[open].match)
        var props: [TSProperty] = []
        var j = open + 1
        while j < close {
            let keyToken = tokens[j]
            guard parser.isPunct(j + 1, P.colon), parser.isLiteral(j + 2), j + 3 == close || parser.isPunct(j + 3, P.comma) else { return nil }
            let key = keyToken.kind == .string ? parser.stringValue(keyToken) : parser.text(keyToken)
            props.append(.value(key: key, value: parser.literalExpr(j + 2), keyOffset: Int(keyToken.start)))
            j += 4
        }
        return .object(props, Int(tokens[open].start))
    }

    /// `.references(() => table.col, { literal actions }?)` between tokens `open` and `close` as the
    /// method call the shape reader builds, or nil for any other arguments.
    private func referenceCall(_ parser: TSParser, _ open: Int, _ close: Int, rootStart: Int, _ name: TSToken) -> TSMethodCall? {
        let tokens = parser.tokens
        guard parser.isPunct(open + 1, P.lparen), parser.isPunct(open + 2, P.rparen), parser.isPunct(open + 3, P.arrow),
            parser.token(open + 4).kind == .identifier, parser.isPunct(open + 5, P.dot), parser.token(open + 6).kind == .identifier
        else { return nil }
        let target = tokens[open + 4]
        let column = tokens[open + 6]
        let body = TSExpr.member(.identifier(parser.text(target), Int(target.start)), parser.text(column), Int(column.start))
        var args = [TSExpr.arrow(params: [], body: body, offset: Int(tokens[open + 1].start))]
        var k = open + 7
        if k < close {
            guard parser.isPunct(k, P.comma) else { return nil }
            k += 1
            if k < close {
                guard parser.isPunct(k, P.lbrace), let actions = literalObject(parser, k) else { return nil }
                args.append(actions)
                k = Int(tokens[k].match) + 1
                if k < close, parser.isPunct(k, P.comma) { k += 1 }
            }
        }
        guard k == close else { return nil }
        return TSMethodCall(name: "references", args: args, start: rootStart, nameOffset: Int(name.start), end: Int(tokens[close].end))
    }
}
