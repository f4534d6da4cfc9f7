/// Array, object and template literals.
extension TSParser {
    mutating func parseArray() -> TSExpr {
        let offset = Int(tok.start)
        let close = Int(tok.match)
        advance()
        var items: [TSExpr] = []
        while !atEnd && !at(P.rbracket) && (close < 0 || i < close) && budget > 0 {
            if close < 0 && tok.newlineBefore && startsStatement(tok) { break }  // unclosed bracket: stop at the next statement
            let before = i
            if at(P.comma) { advance(); items.append(.undefined(offset)); continue }
            if at(P.ellipsis) {
                let spreadOffset = Int(tok.start)
                advance()
                items.append(.spread(parseAssignment(), spreadOffset))
            } else {
                items.append(parseAssignment())
            }
            if !eat(P.comma) && !at(P.rbracket) {
                if i == before { advance() }
                if close > 0 && i <= close { skipUntil(close) } else { break }
            }
        }
        if close > 0 && i <= close { i = close + 1 } else { _ = eat(P.rbracket) }
        return .array(items, offset)
    }

    mutating func parseObject() -> TSExpr {
        let offset = Int(tok.start)
        let close = Int(tok.match)
        advance()
        var props: [TSProperty] = []
        while !atEnd && !at(P.rbrace) && (close < 0 || i < close) && budget > 0 {
            if close < 0 && tok.newlineBefore && startsStatement(tok) { break }  // unclosed bracket: stop at the next statement
            let before = i
            if at(P.ellipsis) {
                advance()
                props.append(.spread(parseAssignment()))
            } else if let prop = parseProperty() {
                props.append(prop)
            }
            if !eat(P.comma) && !at(P.rbrace) {
                if i == before { advance() }
                if close > 0 && i <= close { skipUntil(close) } else { break }
            }
        }
        if close > 0 && i <= close { i = close + 1 } else { _ = eat(P.rbrace) }
        return .object(props, offset)
    }

    mutating func parseProperty() -> TSProperty? {
        // Accessor and modifier prefixes on methods: `get x() {}`, `async x() {}`.
        if (atWord("get") || atWord("set") || atWord("async")) && (peek().kind == .identifier || peek().kind == .string) {
            advance()
        }
        let keyToken = tok
        var key: String
        switch keyToken.kind {
        case .identifier: key = text(keyToken)
        case .string: key = stringValue(keyToken)
        case .number: key = text(keyToken)
        case .punct where at(P.lbracket):
            skipGroup()  // computed key: not modelled
            key = "\u{0}computed"
        default:
            advance()
            return nil
        }
        if keyToken.kind != .punct { advance() }
        _ = eat(P.question)
        if at(P.lparen) || at(P.less) {  // method: kept as a function of its first `return`
            if at(P.less) { skipTypeArguments() }
            guard at(P.lparen) else { return nil }
            let params = parseParameters()
            if eat(P.colon) { skipType(stopAtArrow: false, stopAtBrace: true) }
            guard at(P.lbrace) else { return nil }
            let body = parseArrowBody()
            return .value(key: key, value: .arrow(params: params, body: body, offset: Int(keyToken.start)), keyOffset: Int(keyToken.start))
        }
        if eat(P.colon) {
            let value = parseAssignment()
            if key == "casing", case .string(let casing, _) = value { module.casing = casing }
            return .value(key: key, value: value, keyOffset: Int(keyToken.start))
        }
        if at(P.assign) {  // shorthand with default (in patterns)
            advance()
            _ = parseAssignment()
        }
        return .value(key: key, value: .identifier(key, Int(keyToken.start)), keyOffset: Int(keyToken.start))
    }

    mutating func parseTemplate(tag: TSExpr?) -> TSExpr {
        let offset = tag?.offset ?? Int(tok.start)
        var pieces: [String] = []
        var values: [TSExpr] = []
        if tok.kind == .templateFull {
            pieces.append(templatePiece(tok))
            advance()
            return .template(tag: tag, pieces: pieces, values: values, offset: offset)
        }
        pieces.append(templatePiece(tok))
        advance()
        while !atEnd && budget > 0 {
            values.append(parseExpression())
            // Recover to the next template piece if the interpolation did not parse fully.
            while !atEnd && tok.kind != .templateMiddle && tok.kind != .templateTail && budget > 0 {
                if at(P.lparen) || at(P.lbracket) || at(P.lbrace) { skipGroup() } else { advance() }
            }
            if atEnd { break }
            pieces.append(templatePiece(tok))
            let last = tok.kind == .templateTail
            advance()
            if last { break }
        }
        while pieces.count < values.count + 1 { pieces.append("") }
        return .template(tag: tag, pieces: pieces, values: values, offset: offset)
    }

    /// The raw text of a template piece without its delimiters (`` ` ``, `}`, `${`).
    func templatePiece(_ t: TSToken) -> String {
        var start = Int(t.start) + 1
        var end = Int(t.end)
        if t.kind == .templateHead || t.kind == .templateMiddle {
            end -= 2
        } else if end > start, bytes[end - 1] == 96 {
            end -= 1
        }
        if start > end { start = end }
        if !bytes[start..<end].contains(92) { return String(decoding: bytes[start..<end], as: UTF8.self) }
        return TSParser.unescape(bytes, start, end)
    }
}
