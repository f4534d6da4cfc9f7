/// Arrow functions and the skipping of TypeScript types.
extension TSParser {
    /// Parses an arrow function when one starts here (`x =>`, `(a: T, b) =>`, `(): R =>`, `async`),
    /// else returns nil without moving.
    mutating func parseArrowIfPresent() -> TSExpr? {
        let offset = Int(tok.start)
        var k = i
        if isWord(tokens[k], "async") && (tokens[k + 1].kind == .identifier || isPunct(tokens[k + 1], P.lparen)) {
            k += 1
        }
        let first = tokens[k]
        if first.kind == .identifier && isPunct(tokens[min(k + 1, tokens.count - 1)], P.arrow) {
            let name = text(first)
            i = k + 2
            return .arrow(params: [TSParameter(name: name)], body: parseArrowBody(), offset: offset)
        }
        if isPunct(first, P.less) {
            // Generic arrow `<T>(x: T) => ...`: only when a parameter list and arrow follow.
            var j = k + 1
            var level = 1
            while j < tokens.count - 1 && level > 0 && j - k < 64 {
                if isPunct(tokens[j], P.less) { level += 1 } else if isPunct(tokens[j], P.greater) { level -= 1 }
                j += 1
            }
            guard level == 0, isPunct(tokens[j], P.lparen) else { return nil }
            let close = Int(tokens[j].match)
            guard close > j, isArrowAfter(close) else { return nil }
            i = j
            return parseParenthesizedArrow(offset: offset)
        }
        guard isPunct(first, P.lparen) else { return nil }
        let close = Int(first.match)
        guard close > k, isArrowAfter(close) else { return nil }
        i = k
        return parseParenthesizedArrow(offset: offset)
    }

    /// Whether the `)` at `close` is followed by `=>` or by a return type and then `=>`.
    func isArrowAfter(_ close: Int) -> Bool {
        let next = tokens[min(close + 1, tokens.count - 1)]
        if isPunct(next, P.arrow) { return true }
        guard isPunct(next, P.colon) else { return false }
        var j = close + 2
        var steps = 0
        while j < tokens.count - 1 && steps < 256 {
            let t = tokens[j]
            if isPunct(t, P.arrow) { return true }
            if t.kind == .punct {
                if t.punct == P.lparen || t.punct == P.lbracket || t.punct == P.lbrace {
                    if t.match < 0 { return false }
                    j = Int(t.match) + 1
                    steps += 1
                    continue
                }
                if t.punct == P.comma || t.punct == P.rparen || t.punct == P.rbracket || t.punct == P.rbrace
                    || t.punct == P.semicolon || t.punct == P.assign
                {
                    return false
                }
            }
            j += 1
            steps += 1
        }
        return false
    }

    mutating func parseParenthesizedArrow(offset: Int) -> TSExpr {
        let params = parseParameters()
        if eat(P.colon) { skipType(stopAtArrow: true) }
        _ = eat(P.arrow)
        return .arrow(params: params, body: parseArrowBody(), offset: offset)
    }

    /// Parses a parameter list at `(`: names ("" for patterns) and default values.
    mutating func parseParameters() -> [TSParameter] {
        let close = Int(tok.match)
        guard close > i else { advance(); return [] }
        advance()
        var params: [TSParameter] = []
        while i < close && !atEnd && budget > 0 {
            if at(P.ellipsis) { advance() }
            if tok.kind == .identifier {
                params.append(TSParameter(name: text(tok)))
                advance()
            } else if at(P.lbrace) || at(P.lbracket) {
                params.append(TSParameter(name: ""))  // destructuring: not modelled
                skipGroup()
            } else {
                advance()
                continue
            }
            _ = eat(P.question)
            if eat(P.colon) { skipType(stopAtArrow: false) }
            if eat(P.assign) { params[params.count - 1].defaultValue = parseAssignment() }
            while i < close && !at(P.comma) && budget > 0 { advance() }
            _ = eat(P.comma)
        }
        i = close + 1
        return params
    }

    /// An expression body, or the first top-level `return` of a block body.
    mutating func parseArrowBody() -> TSExpr {
        guard at(P.lbrace) else { return parseAssignment() }
        let offset = Int(tok.start)
        let close = Int(tok.match)
        guard close > i else { advance(); return .unknown(offset) }
        advance()
        var result = TSExpr.unknown(offset)
        while i < close && budget > 0 {
            if atWord("return") {
                advance()
                result = parseExpression()
                break
            }
            if at(P.lparen) || at(P.lbracket) || at(P.lbrace) { skipGroup() } else { advance() }
        }
        i = close + 1
        return result
    }

    // MARK: - Types

    static func codes(_ list: [StaticString]) -> Set<UInt32> { Set(list.map { TSToken.code($0) }) }
    /// Punctuators that end a type skipped after `as`/`satisfies` (expression operators).
    static let typeEnders = codes(["?", ":", "||", "&&", "??", "+", "-", "*", "/", "==", "===", "!=", "!==", "<=", ">=", "!"])
    static let typeContinuersAfter = codes(["|", "&", "=>", ".", ":", "?", "<", ","])
    static let typeContinuersBefore = codes(["|", "&", "=>", ".", "?", "["])
    static let typeArgumentPunctuators = codes(["|", "&", ",", ".", "=>", "?", ":", "-"])

    /// Skips a type annotation. It ends at a `,`, `)`, `]`, `}`, `;` or `=` at this level, at `=>` when
    /// `stopAtArrow`, or at a line break that does not continue the type.
    mutating func skipType(stopAtArrow: Bool, stopAtBrace: Bool = false) {
        var previous: TSToken?
        while !atEnd && budget > 0 {
            let t = tok
            if stopAtBrace && previous != nil && at(P.lbrace) { return }
            if t.kind == .punct {
                let p = t.punct
                if p == P.comma || p == P.rparen || p == P.rbracket || p == P.rbrace || p == P.semicolon || p == P.assign
                    || p == P.greater
                {
                    return
                }
                if p == P.arrow && stopAtArrow { return }
            }
            if let previous, t.newlineBefore, !continuesType(previous, t) { return }
            if t.kind == .punct && (t.punct == P.lparen || t.punct == P.lbracket || t.punct == P.lbrace) {
                previous = t
                skipGroup()
                continue
            }
            if at(P.less) {
                previous = t
                skipTypeArguments()
                continue
            }
            // A type never contains an expression operator like `?` (conditional types aside) at depth 0
            // in the places we skip, so `?`/`:`/`||` end an `as` type inside a ternary or condition.
            if t.kind == .punct && TSParser.typeEnders.contains(t.punct) { return }
            if previous != nil, t.kind == .identifier, let prev = previous, prev.kind == .identifier,
                !isWord(prev, "keyof"), !isWord(prev, "typeof"), !isWord(prev, "readonly"), !isWord(prev, "unique"),
                !isWord(prev, "infer"), !isWord(prev, "asserts"), !isWord(prev, "is"), !isWord(t, "is"),
                !isWord(t, "extends")
            {
                return  // two names in a row: the type ended (`as const satisfies`) and a word follows
            }
            previous = t
            advance()
        }
    }

    func continuesType(_ previous: TSToken, _ next: TSToken) -> Bool {
        if previous.kind == .punct && TSParser.typeContinuersAfter.contains(previous.punct) { return true }
        if isWord(previous, "keyof") || isWord(previous, "typeof") || isWord(previous, "extends") { return true }
        if next.kind == .punct && TSParser.typeContinuersBefore.contains(next.punct) { return true }
        return isWord(next, "extends")
    }

    /// Skips `<...>` (type arguments or parameters), counting nested angle brackets.
    mutating func skipTypeArguments() {
        guard at(P.less) else { return }
        advance()
        var level = 1
        while !atEnd && level > 0 && budget > 0 {
            if at(P.less) { level += 1 } else if at(P.greater) { level -= 1 } else if at(P.semicolon) { return }
            if at(P.lparen) || at(P.lbracket) || at(P.lbrace) { skipGroup(); continue }
            if tok.punct == P.arrow { advance(); continue }
            advance()
        }
    }

    /// Whether the `<` here opens type arguments of a call (`f<T>(...)`, `sql<T>\`...\``) rather than
    /// a comparison.
    func looksLikeTypeArguments() -> Bool {
        var j = i + 1
        var level = 1
        var steps = 0
        while j < tokens.count - 1 && steps < 200 {
            let t = tokens[j]
            switch t.kind {
            case .punct:
                if t.punct == P.less { level += 1 } else if t.punct == P.greater {
                    level -= 1
                    if level == 0 {
                        let next = tokens[j + 1]
                        return isPunct(next, P.lparen) || next.kind == .templateFull || next.kind == .templateHead
                    }
                } else if t.punct == P.lparen || t.punct == P.lbracket || t.punct == P.lbrace {
                    if t.match < 0 { return false }
                    j = Int(t.match)
                } else if t.punct == P.semicolon || t.punct == P.rparen || t.punct == P.rbrace || t.punct == P.rbracket {
                    return false
                } else {
                    if !TSParser.typeArgumentPunctuators.contains(t.punct) { return false }
                }
            case .identifier, .string, .number, .templateFull: break
            default: return false
            }
            j += 1
            steps += 1
        }
        return false
    }
}
