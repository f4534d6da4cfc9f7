/// Expression parsing: a precedence climber over the token array. Types (`as T`, `satisfies T`,
/// `<T>` call arguments, `x!`) are consumed and dropped.
extension TSParser {
    static let maxDepth = 200

    mutating func parseExpression() -> TSExpr {
        parseAssignment()
    }

    mutating func parseAssignment() -> TSExpr {
        guard depth < TSParser.maxDepth, budget > 0 else {
            let offset = Int(tok.start)
            if depth >= TSParser.maxDepth { problem(offset, "expression nested too deeply") }
            skipToListEnd()
            return .unknown(offset)
        }
        depth += 1
        defer { depth -= 1 }
        if let arrow = parseArrowIfPresent() { return arrow }
        let start = Int(tok.start)
        let test = parseBinary(0)
        if at(P.question) {
            advance()
            let yes = parseAssignment()
            _ = eat(P.colon)
            let no = parseAssignment()
            return .conditional(test, yes, no, start)
        }
        if tok.kind == .punct, isAssignmentOperator(tok.punct) {
            advance()
            _ = parseAssignment()
            return .unknown(start)
        }
        return test
    }

    func isAssignmentOperator(_ code: UInt32) -> Bool {
        if code == P.assign { return true }
        // Compound assignments all end in `=` and are not comparisons.
        let last = UInt8(truncatingIfNeeded: code >> 8) == 61 || UInt8(truncatingIfNeeded: code >> 16) == 61
        let first = UInt8(truncatingIfNeeded: code)
        return last && !(first == 61 || first == 33 || first == 60 || first == 62) && code > 0xFF
    }

    /// Skips to a `,`, `)`, `]`, `}` or `;` at this level (recovery after a deep or broken expression).
    mutating func skipToListEnd() {
        while !atEnd && budget > 0 {
            if at(P.comma) || at(P.rparen) || at(P.rbracket) || at(P.rbrace) || at(P.semicolon) { return }
            if at(P.lparen) || at(P.lbracket) || at(P.lbrace) { skipGroup() } else { advance() }
        }
    }

    /// Binary operator precedence by packed punctuator code; -1 when the token is not one.
    static func precedence(_ code: UInt32) -> Int {
        switch code {
        case 0x3F3F: return 1  // ??
        case 0x7C7C: return 2  // ||
        case 0x2626: return 3  // &&
        case 0x7C: return 4  // |
        case 0x5E: return 5  // ^
        case 0x26: return 6  // &
        case 0x3D3D, 0x3D21, 0x3D3D3D, 0x3D3D21: return 7  // == != === !==
        case 0x3C, 0x3E, 0x3D3C, 0x3D3E: return 8  // < > <= >=
        case 0x3C3C, 0x3E3E: return 9  // << >>
        case 0x2B, 0x2D: return 10  // + -
        case 0x2A, 0x2F, 0x25: return 11  // * / %
        case 0x2A2A: return 12  // **
        default: return -1
        }
    }

    /// The spelling of a packed punctuator code.
    static func spelling(_ code: UInt32) -> String {
        var bytes: [UInt8] = []
        var c = code
        while c != 0 { bytes.append(UInt8(c & 0xFF)); c >>= 8 }
        return String(decoding: bytes, as: UTF8.self)
    }

    mutating func parseBinary(_ minimum: Int) -> TSExpr {
        var left = parseUnary()
        while !atEnd && budget > 0 {
            let lead = leadByte(tok)
            if (lead == 0x61 || lead == 0x73) && (atWord("as") || atWord("satisfies")) && !tok.newlineBefore {  // a, s
                advance()
                skipType(stopAtArrow: false)
                continue
            }
            let prec: Int
            if tok.kind == .punct {
                prec = TSParser.precedence(tok.punct)
            } else if lead == 0x69 && (atWord("instanceof") || atWord("in")) {  // i
                prec = 8
            } else {
                break
            }
            if prec < 0 || prec <= minimum { break }
            let op = tok.kind == .punct ? TSParser.spelling(tok.punct) : text(tok)
            let offset = left.offset
            advance()
            let right = parseBinary(prec)
            left = .binary(op, left, right, offset)
        }
        return left
    }

    mutating func parseUnary() -> TSExpr {
        let offset = Int(tok.start)
        guard depth < TSParser.maxDepth else {
            problem(offset, "expression nested too deeply")
            skipToListEnd()
            return .unknown(offset)
        }
        depth += 1
        defer { depth -= 1 }
        if tok.kind == .punct {
            if at(P.bang) || at(P.minus) || at(P.plus) || at(P.tilde) {
                let op = TSParser.spelling(tok.punct)
                advance()
                return .unary(op, parseUnary(), offset)
            }
            if tok.punct == TSToken.code("++") || tok.punct == TSToken.code("--") {
                advance()
                _ = parseUnary()
                return .unknown(offset)
            }
            if at(P.less) {  // `<T>expr` type assertion
                skipTypeArguments()
                return parseUnary()
            }
        }
        let lead = leadByte(tok)
        if (lead == 0x74 || lead == 0x76 || lead == 0x64 || lead == 0x61)  // t, v, d, a
            && (atWord("typeof") || atWord("void") || atWord("delete") || atWord("await"))
        {
            let op = text(tok)
            advance()
            let operand = parseUnary()
            return op == "await" ? operand : .unary(op, operand, offset)
        }
        return parsePostfix()
    }

    mutating func parsePostfix() -> TSExpr {
        var value = parsePrimary()
        while !atEnd && budget > 0 {
            if at(P.dot) || at(P.questionDot) {
                advance()
                if tok.kind == .identifier {
                    value = .member(value, text(tok), Int(tok.start))
                    advance()
                    continue
                }
                if at(P.lparen) || at(P.lbracket) { continue }  // `?.(` and `?.[`
                return .unknown(value.offset)
            }
            if at(P.lbracket) && !tok.newlineBefore {
                let offset = Int(tok.start)
                let close = Int(tok.match)
                advance()
                let key = parseExpression()
                if close > 0 { i = close + 1 } else { _ = eat(P.rbracket) }
                value = .index(value, key, offset)
                continue
            }
            if at(P.lparen) {
                var isPlainCall = false
                if case .identifier = value { isPlainCall = true }
                let args = parseArguments(columns: isPlainCall)
                value = .call(value, args, start: value.offset, end: Int(tokens[i - 1].end))
                continue
            }
            if tok.kind == .templateFull || tok.kind == .templateHead {
                value = parseTemplate(tag: value)
                continue
            }
            if at(P.bang) && !tok.newlineBefore && !isPunct(peek(), P.assign) {
                advance()  // non-null assertion
                continue
            }
            if at(P.less) && looksLikeTypeArguments() {
                skipTypeArguments()
                continue
            }
            break
        }
        return value
    }

    /// Parses `( args )` at the current `(`; always ends after the matching `)`.
    /// `columns`: the second argument may be a column object left as tokens (`TSParser+Columns.swift`).
    mutating func parseArguments(columns: Bool = false) -> [TSExpr] {
        let close = Int(tok.match)
        advance()
        var args: [TSExpr] = []
        while !atEnd && !at(P.rparen) && (close < 0 || i < close) && budget > 0 {
            if close < 0 && tok.newlineBefore && startsStatement(tok) { break }  // unclosed bracket: stop at the next statement
            let before = i
            if at(P.ellipsis) {
                let offset = Int(tok.start)
                advance()
                args.append(.spread(parseAssignment(), offset))
            } else if columns && args.count == 1 && at(P.lbrace) && isColumnsObject(i) {
                args.append(.lazyObject(i, Int(tok.start)))
                let next = Int(tok.match) + 1
                budget -= next - i
                i = next
            } else if columns && args.count == 2 && at(P.lparen) && isExtrasArrow(i) {
                args.append(.lazyArrow(i, Int(tok.start)))
                let arrayOpen = Int(tok.match) + 2
                let next = Int(tokens[arrayOpen].match) + 1
                budget -= next - i
                i = next
            } else {
                args.append(parseAssignment())
            }
            if !eat(P.comma) && !at(P.rparen) {
                if i == before { advance() }
                if close > 0 && i <= close { skipUntil(close) } else { break }
            }
        }
        if close > 0 && i <= close { i = close + 1 } else { _ = eat(P.rparen) }
        return args
    }

    /// Moves forward to the token at `target` (never backwards).
    mutating func skipUntil(_ target: Int) {
        if target > i { problem(Int(tok.start), "unexpected '\(text(tok))'") ; i = target }
    }

    mutating func parsePrimary() -> TSExpr {
        let t = tok
        let offset = Int(t.start)
        switch t.kind {
        case .identifier:
            // Only identifiers starting with t, f, n, u or c can be the keywords below.
            let lead = leadByte(t)
            guard lead == 0x74 || lead == 0x66 || lead == 0x6E || lead == 0x75 || lead == 0x63 else {
                advance()
                return .identifier(text(t), offset)
            }
            if atWord("true") { advance(); return .boolean(true, offset) }
            if atWord("false") { advance(); return .boolean(false, offset) }
            if atWord("null") { advance(); return .null(offset) }
            if atWord("undefined") { advance(); return .undefined(offset) }
            if atWord("new") {
                advance()
                var callee = parsePrimary()
                while at(P.dot), peek().kind == .identifier {
                    advance()
                    callee = .member(callee, text(tok), Int(tok.start))
                    advance()
                }
                if at(P.less) && looksLikeTypeArguments() { skipTypeArguments() }
                let args = at(P.lparen) ? parseArguments() : []
                return .new(callee, args, offset)
            }
            if atWord("function") || atWord("class") {
                while !atEnd && !at(P.lbrace) && budget > 0 {
                    if at(P.lparen) { skipGroup() } else { advance() }
                }
                if at(P.lbrace) { skipGroup() }
                return .unknown(offset)
            }
            advance()
            return .identifier(text(t), offset)
        case .string:
            advance()
            return .string(stringValue(t), offset)
        case .number:
            advance()
            let spelling = text(t).filter { $0 != "_" }
            let value = Double(spelling) ?? (spelling.hasPrefix("0x") ? Double(Int(spelling.dropFirst(2), radix: 16) ?? 0) : .nan)
            return .number(value, spelling.hasSuffix("n") ? String(spelling.dropLast()) : spelling, offset)
        case .templateFull, .templateHead:
            return parseTemplate(tag: nil)
        case .regex:
            advance()
            return .unknown(offset)
        case .punct:
            if at(P.lparen) {
                let close = Int(tok.match)
                advance()
                let inner = parseExpression()
                if close > 0 && i <= close {
                    if i < close { skipUntil(close) }
                    i = close + 1
                } else {
                    _ = eat(P.rparen)
                }
                return inner
            }
            if at(P.lbracket) { return parseArray() }
            if at(P.lbrace) { return parseObject() }
            advance()
            problem(offset, "unexpected '\(text(t))'")
            return .unknown(offset)
        default:
            if t.kind != .eof { advance() }
            return .unknown(offset)
        }
    }
}
