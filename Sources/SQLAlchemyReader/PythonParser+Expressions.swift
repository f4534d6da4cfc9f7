/// Expression parsing: precedence climbing over the operators models use, atoms and trailers.
extension PythonParser {
    /// `a, b, c` as a tuple (or the single expression).
    mutating func parseExpressionList() -> PyExpr {
        let at = tok.start
        let first = parseExpression()
        guard tok.isOp(Op.comma) else { return first }
        var items = [first]
        while tok.isOp(Op.comma) {
            i += 1
            if atExpressionEnd { break }
            items.append(parseExpression())
        }
        return .tuple(items, at: at)
    }

    private var atExpressionEnd: Bool {
        switch tok.kind {
        case .newline, .eof, .indent, .dedent: return true
        case .op:
            return tok.op == Op.assign || tok.op == Op.rparen || tok.op == Op.rbracket || tok.op == Op.rbrace
                || tok.op == Op.colon || tok.op == Op.semicolon
        default: return false
        }
    }

    /// One expression, including `lambda`, conditional expressions and `*x`.
    mutating func parseExpression() -> PyExpr {
        let at = tok.start
        if nestingDepth >= PythonParser.depthLimit {
            error("expression nested too deeply")
            skipToLineEnd()
            return .other(at: at)
        }
        if let atom = parseLoneAtom() { return atom }
        nestingDepth += 1
        defer { nestingDepth -= 1 }
        if isWord("lambda") {
            i += 1
            while !tok.isOp(Op.colon), !atLineEnd { i += 1 }
            if tok.isOp(Op.colon) { i += 1 }
            return .lambda(parseExpression(), at: at)
        }
        if tok.isOp(Op.star) || tok.isOp(Op.doubleStar) {
            i += 1
            return .unary("*", parseExpression(), at: at)
        }
        let value = parseBinary(minPrecedence: 1)
        if isWord("if") {
            i += 1
            _ = parseBinary(minPrecedence: 1)
            if isWord("else") {
                i += 1
                _ = parseExpression()
            }
            return .other(at: at)
        }
        if tok.isOp(Op.walrus) {
            i += 1
            return parseExpression()
        }
        return value
    }

    private var atLineEnd: Bool { tok.kind == .newline || tok.kind == .eof }

    private mutating func skipToLineEnd() {
        while !atLineEnd { i += 1 }
    }

    /// Binary operator at the current token and its precedence (higher binds tighter), if any.
    private mutating func binaryOperator() -> (String, Int, Int)? {
        switch tok.kind {
        case .name:
            if isWord("or") { return ("or", 1, 1) }
            if isWord("and") { return ("and", 2, 1) }
            if isWord("in") { return ("in", 4, 1) }
            if isWord("is") { return peekIsWord("not") ? ("is not", 4, 2) : ("is", 4, 1) }
            if isWord("not"), peekIsWord("in") { return ("not in", 4, 2) }
            return nil
        case .op:
            // The tokens that usually follow an operand end it; skip the table lookup for them.
            let op = tok.op
            if op == Op.comma || op == Op.rparen || op == Op.assign || op == Op.colon || op == Op.rbracket || op == Op.dot
                || op == Op.lparen || op == Op.rbrace
            {
                return nil
            }
            guard let entry = Self.binaryOperators[op] else { return nil }
            return (entry.0, entry.1, 1)
        default:
            return nil
        }
    }

    /// Binary operators by packed code: spelling and precedence.
    private static let binaryOperators: [UInt32: (String, Int)] = {
        var table: [UInt32: (String, Int)] = [:]
        let groups: [(Int, [String])] = [
            (4, ["==", "!=", "<", ">", "<=", ">=", "<>"]), (5, ["|"]), (6, ["^"]), (7, ["&"]), (8, ["<<", ">>"]),
            (9, ["+", "-"]), (10, ["*", "/", "//", "%", "@"]), (12, ["**"]),
        ]
        for (precedence, spellings) in groups {
            for spelling in spellings {
                var code: UInt32 = 0
                for byte in spelling.utf8 { code = code << 8 | UInt32(byte) }
                table[code] = (spelling, precedence)
            }
        }
        return table
    }()

    private mutating func parseBinary(minPrecedence: Int) -> PyExpr {
        let at = tok.start
        var left = parseUnary()
        var links = 0
        while let (op, precedence, width) = binaryOperator(), precedence >= minPrecedence {
            i += width
            if nestingDepth >= PythonParser.depthLimit {
                error("expression nested too deeply")
                skipToLineEnd()
                return .other(at: at)
            }
            nestingDepth += 1
            // `**` is right-associative; everything else left-associative.
            let right = parseBinary(minPrecedence: op == "**" ? precedence : precedence + 1)
            nestingDepth -= 1
            links += 1
            // A very long chain (`1 + 1 + ...`) would make a tree too deep to walk or free
            // recursively; beyond the limit only its extent is kept.
            left = links > PythonParser.chainLimit ? .other(at: at) : .binary(op, left, right, at: at)
        }
        return left
    }

    private mutating func parseUnary() -> PyExpr {
        let at = tok.start
        if isWord("not") {
            i += 1
            if nestingDepth >= PythonParser.depthLimit { error("expression nested too deeply"); skipToLineEnd(); return .other(at: at) }
            nestingDepth += 1
            defer { nestingDepth -= 1 }
            return .unary("not", parseBinary(minPrecedence: 3), at: at)
        }
        if tok.isOp(Op.minus) || tok.isOp(Op.plus) || tok.isOp(Op.tilde) {
            let op = text(tok)
            i += 1
            if nestingDepth >= PythonParser.depthLimit { return .other(at: at) }
            nestingDepth += 1
            defer { nestingDepth -= 1 }
            return .unary(op, parseUnary(), at: at)
        }
        if isWord("await") { i += 1 }
        return parsePostfix()
    }

    private mutating func parsePostfix() -> PyExpr {
        let at = tok.start
        var value = parseAtom()
        var links = 0
        while true {
            links += 1
            if links > PythonParser.chainLimit { value = .other(at: at) }
            if tok.isOp(Op.dot) {
                i += 1
                guard tok.kind == .name else { error("expected a name after '.'"); return value }
                value = .attribute(value, text(tok), at: at)
                i += 1
            } else if tok.isOp(Op.lparen) {
                i += 1
                value = .call(value, parseArguments(), at: at)
            } else if tok.isOp(Op.lbracket) {
                i += 1
                value = .index(value, parseSequence(close: Op.rbracket), at: at)
            } else {
                return value
            }
        }
    }

    mutating func parseAtom() -> PyExpr {
        let t = tok
        switch t.kind {
        case .name:
            i += 1
            return .name(text(t), at: t.start)
        case .number:
            i += 1
            return .number(text(t), at: t.start)
        case .string:
            return parseStrings()
        case .op:
            if t.op == Op.lparen {
                i += 1
                let items = parseSequence(close: Op.rparen)
                if items.count == 1, !sawTrailingComma { return items[0] }
                return .tuple(items, at: t.start)
            }
            if t.op == Op.lbracket {
                i += 1
                return .list(parseSequence(close: Op.rbracket), at: t.start)
            }
            if t.op == Op.lbrace {
                i += 1
                return parseDictOrSet(at: t.start)
            }
            if t.op == Op.ellipsis {
                i += 1
                return .other(at: t.start)
            }
        default:
            break
        }
        error("unexpected \(describe(t))")
        return .other(at: t.start)
    }

    /// Adjacent string literals, concatenated; escapes decoded for non-raw parts.
    mutating func parseStrings() -> PyExpr {
        let at = tok.start
        if i + 1 < tokenCount, tokens[i + 1].kind == .string, let joined = parseASCIIStrings() { return joined }
        var value = ""
        var anyF = false
        while tok.kind == .string {
            let t = tok
            anyF = anyF || t.isFString
            let content = sourceBytes[t.contentStart..<max(t.contentStart, t.contentEnd)]
            let piece = t.isRaw ? String(decoding: content, as: UTF8.self) : StringEscapes.decode(content)
            // Most literals stand alone: take the piece instead of appending it to an empty string.
            if value.isEmpty { value = piece } else { value += piece }
            i += 1
        }
        return .string(value, isFString: anyF, at: at)
    }

    /// Adjacent literals (DDL bodies are written a line each) decoded into one byte buffer and made
    /// into one string, instead of a string per literal appended one by one. Only when every byte
    /// is ASCII, where joining the bytes and joining the strings decoded from them are the same
    /// (a literal with invalid UTF-8 is repaired on its own); else nil, with nothing consumed.
    private mutating func parseASCIIStrings() -> PyExpr? {
        let at = tok.start
        var total = 0
        var k = i
        while k < tokenCount, tokens[k].kind == .string {
            total += max(0, tokens[k].contentEnd - tokens[k].contentStart)
            k += 1
        }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(total)
        var anyF = false
        for index in i..<k {
            let t = tokens[index]
            anyF = anyF || t.isFString
            let content = sourceBytes[t.contentStart..<max(t.contentStart, t.contentEnd)]
            if t.isRaw { buffer += content } else { StringEscapes.decode(content, into: &buffer) }
        }
        guard StringEscapes.isASCII(buffer) else { return nil }
        i = k
        return .string(String(decoding: buffer, as: UTF8.self), isFString: anyF, at: at)
    }

    /// Whether the last ``parseSequence(close:)`` saw a comma (so `(x,)` is a tuple).
    private var sawTrailingComma: Bool { lastSequenceHadComma }

    /// Items up to the closing bracket; comprehensions and slices are skipped to `.other`.
    private mutating func parseSequence(close: UInt32) -> [PyExpr] {
        let base = itemStack.count
        if let comprehension = collectSequence(close: close) {
            itemStack.drop(from: base)
            return [.other(at: comprehension)]
        }
        return itemStack.pop(from: base)
    }

    /// Pushes the items up to the closing bracket on ``itemStack``; returns where a comprehension
    /// starts when the brackets hold one (its items are then dropped).
    private mutating func collectSequence(close: UInt32) -> Int? {
        lastSequenceHadComma = false
        while !tok.isOp(close) {
            if tok.kind == .eof || tok.kind == .newline { error("expected a closing bracket"); return nil }
            let before = i
            let at = tok.start
            if isWord("for") || isWord("async") {
                skipToClose(close)
                return at
            }
            var item = tok.isOp(Op.colon) ? PyExpr.other(at: at) : parseExpression()
            if tok.isOp(Op.colon) {  // slice a[1:2]
                while !tok.isOp(Op.comma), !tok.isOp(close), !atLineEnd { i += 1 }
                item = .other(at: at)
            }
            itemStack.push(item)
            if tok.isOp(Op.comma) {
                i += 1
                lastSequenceHadComma = true
            } else if !tok.isOp(close) {
                if isWord("for") || isWord("async") { skipToClose(close); return at }
                error("unexpected \(describe(tok))")
                skipToClose(close)
                return nil
            }
            if i == before { i += 1 }
        }
        let hadComma = lastSequenceHadComma
        i += 1
        lastSequenceHadComma = hadComma
        return nil
    }

    /// Skips to just after the bracket that closes the current group.
    private mutating func skipToClose(_ close: UInt32) {
        var nesting = 0
        while !atLineEnd {
            if tok.kind == .op {
                if tok.op == Op.lparen || tok.op == Op.lbracket || tok.op == Op.lbrace { nesting += 1 }
                if tok.op == Op.rparen || tok.op == Op.rbracket || tok.op == Op.rbrace {
                    if nesting == 0 { i += 1; return }
                    nesting -= 1
                }
            }
            i += 1
        }
    }

    private mutating func parseDictOrSet(at: Int) -> PyExpr {
        var entries: [PyDictEntry] = []
        var setItems: [PyExpr] = []
        while !tok.isOp(Op.rbrace) {
            if atLineEnd { error("expected '}'"); break }
            let before = i
            if isWord("for") || isWord("async") { skipToClose(Op.rbrace); return .other(at: at) }
            if tok.isOp(Op.doubleStar) {
                i += 1
                entries.append(PyDictEntry(key: nil, value: parseBinary(minPrecedence: 1)))
            } else {
                let key = parseExpression()
                if tok.isOp(Op.colon) {
                    i += 1
                    entries.append(PyDictEntry(key: key, value: parseExpression()))
                } else {
                    setItems.append(key)
                }
            }
            if tok.isOp(Op.comma) {
                i += 1
            } else if !tok.isOp(Op.rbrace) {
                if isWord("for") || isWord("async") { skipToClose(Op.rbrace); return .other(at: at) }
                error("unexpected \(describe(tok))")
                skipToClose(Op.rbrace)
                return .dict(entries, at: at)
            }
            if i == before { i += 1 }
        }
        if tok.isOp(Op.rbrace) { i += 1 }
        return setItems.isEmpty ? .dict(entries, at: at) : .list(setItems, at: at)
    }

    /// Call arguments up to and including `)`; the opening `(` is already consumed.
    mutating func parseArguments() -> [PyArg] {
        // Collected on a stack and made into an array once, at its size (see ``ScratchStack``).
        let base = argumentStack.count
        collectArguments()
        return argumentStack.pop(from: base)
    }

    private mutating func collectArguments() {
        while !tok.isOp(Op.rparen) {
            if atLineEnd { error("expected ')'"); return }
            let before = i
            if isWord("for") || isWord("async") { skipToClose(Op.rparen); return }
            var keyword: String?
            var isStar = false
            if tok.kind == .name, i + 1 < tokenCount, tokenIsAssign(at: i + 1) {
                keyword = text(tok)
                i += 2
            } else if tok.isOp(Op.star) || tok.isOp(Op.doubleStar) {
                isStar = true
                i += 1
            }
            let start = tok.start
            let value = parseExpression()
            let end = i > 0 ? previousTokenEnd : start
            argumentStack.push(PyArg(keyword: keyword, value: value, isStar: isStar, valueStart: start, valueEnd: max(start, end)))
            if tok.isOp(Op.comma) {
                i += 1
            } else if !tok.isOp(Op.rparen) {
                if isWord("for") || isWord("async") { skipToClose(Op.rparen); return }
                error("unexpected \(describe(tok))")
                skipToClose(Op.rparen)
                return
            }
            if i == before { i += 1 }
        }
        i += 1
    }
}
