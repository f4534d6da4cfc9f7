/// Column objects (`{ id: uuid('id').primaryKey(), ...timestamps }`) kept as tokens.
///
/// Most of a schema file is the column objects of its tables, and the table reader interprets them
/// from their tokens (``DrizzleEvaluator/fastTable(_:_:_:)``), so building their syntax trees is
/// wasted work. An object passed as the second argument of a plain call is checked against a small,
/// strict grammar (keys with builder call chains of literals, spreads of names); one that matches is
/// left as ``TSExpr/lazyObject(_:_:)``, which the evaluator parses on demand with this same parser.
/// The grammar admits nothing the parser would report a problem for or treat specially (keywords,
/// operators, templates, a `casing` key), so parsing later gives the tree parsing now would have.
extension TSParser {
    /// A parser over tokens lexed before, for parsing parts of a module on demand.
    init(bytes: [UInt8], tokens: [TSToken]) {
        self.bytes = bytes
        self.tokens = tokens
        self.budget = tokens.count * 4 + 64
    }

    /// Parses the object literal whose `{` is token `index`.
    static func parseObject(bytes: [UInt8], tokens: [TSToken], at index: Int) -> TSExpr {
        var parser = TSParser(bytes: bytes, tokens: tokens)
        parser.i = index
        return parser.parseObject()
    }

    /// Parses the expression starting at token `index`.
    static func parseExpression(bytes: [UInt8], tokens: [TSToken], at index: Int) -> TSExpr {
        var parser = TSParser(bytes: bytes, tokens: tokens)
        parser.i = index
        return parser.parseAssignment()
    }

    /// Identifiers the expression parser gives a meaning of their own.
    static let reservedHeads: Set<String> = [
        "true", "false", "null", "undefined", "new", "function", "class", "typeof", "void", "delete", "await", "async",
        "get", "set", "in", "instanceof", "as", "satisfies",
    ]

    /// Whether identifier token `t` is one of ``reservedHeads``, compared byte by byte: the grammars
    /// ask this of nearly every name in a schema file, and decoding and hashing each cost more.
    func isReservedHead(_ t: TSToken) -> Bool {
        switch leadByte(t) {
        case UInt8(ascii: "t"): return isWord(t, "true") || isWord(t, "typeof")
        case UInt8(ascii: "f"): return isWord(t, "false") || isWord(t, "function")
        case UInt8(ascii: "n"): return isWord(t, "null") || isWord(t, "new")
        case UInt8(ascii: "u"): return isWord(t, "undefined")
        case UInt8(ascii: "c"): return isWord(t, "class")
        case UInt8(ascii: "v"): return isWord(t, "void")
        case UInt8(ascii: "d"): return isWord(t, "delete")
        case UInt8(ascii: "a"): return isWord(t, "await") || isWord(t, "async") || isWord(t, "as")
        case UInt8(ascii: "g"): return isWord(t, "get")
        case UInt8(ascii: "s"): return isWord(t, "set") || isWord(t, "satisfies")
        case UInt8(ascii: "i"): return isWord(t, "in") || isWord(t, "instanceof")
        default: return false
        }
    }

    /// Token `k`, or the end-of-file token past the end (lookahead never leaves the array).
    func token(_ k: Int) -> TSToken { tokens[min(k, tokens.count - 1)] }

    func isPunct(_ k: Int, _ code: UInt32) -> Bool { isPunct(token(k), code) }

    /// Whether token `k` is `true`, `false` or `null`.
    func isLiteralWord(_ k: Int) -> Bool {
        let t = token(k)
        switch leadByte(t) {  // one comparison for most names instead of three
        case UInt8(ascii: "t"): return isWord(t, "true")
        case UInt8(ascii: "f"): return isWord(t, "false")
        case UInt8(ascii: "n"): return isWord(t, "null")
        default: return false
        }
    }

    /// Whether token `k` starts a literal argument (string, number, true, false, null).
    func isLiteral(_ k: Int) -> Bool {
        let t = token(k)
        return t.kind == .string || t.kind == .number || (t.kind == .identifier && isLiteralWord(k))
    }

    /// Whether the object whose `{` is token `open` matches the column-object grammar.
    func isColumnsObject(_ open: Int) -> Bool {
        let close = Int(token(open).match)
        guard close > open + 1 else { return false }
        let after = token(close + 1)
        guard after.kind == .punct, after.punct == P.comma || after.punct == P.rparen else { return false }
        var chains = 0
        let end = listEnd(open) { k in
            if isPunct(k, P.ellipsis) {
                guard token(k + 1).kind == .identifier, !isReservedHead(token(k + 1)) else { return nil }
                return k + 2
            }
            guard isKey(k), isPunct(k + 1, P.colon), let end = chainEnd(k + 2) else { return nil }
            chains += 1
            return end
        }
        return end != nil && chains > 0
    }

    /// The token after the bracketed, comma-separated list whose opening token is `open` (a trailing
    /// comma allowed), when `element` accepts every item (returning the token after it); else nil.
    /// Every grammar of this file and of `TSParser+Extras.swift` walks its lists with it.
    /// Always inlined, so that the closure (and the parser it uses) is not put into a context: that
    /// copied the whole parser, with a retain of each of its references, for every list.
    @inline(__always)
    func listEnd(_ open: Int, element: (Int) -> Int?) -> Int? {
        let close = Int(token(open).match)
        guard close > open else { return nil }
        var k = open + 1
        while k < close {
            guard let end = element(k) else { return nil }
            k = end
            if k == close { break }
            guard isPunct(k, P.comma) else { return nil }
            k += 1
        }
        return close + 1
    }

    /// A property key the grammar admits: a name or string other than `casing` (which the parser notes).
    func isKey(_ k: Int) -> Bool {
        let t = token(k)
        guard t.kind == .identifier || t.kind == .string else { return false }
        return !(t.kind == .identifier ? isWord(t, "casing") : stringValue(t) == "casing")
    }

    /// The token after a builder chain `name(args).name(args)...` starting at `k`, or nil.
    func chainEnd(_ start: Int) -> Int? { builderChainEnd(start) { argumentsEnd($0) } }

    /// The token after `name(args).name(args)...` starting at `start`, each `(args)` checked by
    /// `arguments` (the token after its `)`, or nil); shared by the column and extras grammars.
    @inline(__always)
    func builderChainEnd(_ start: Int, arguments: (Int) -> Int?) -> Int? {
        guard token(start).kind == .identifier, !isReservedHead(token(start)),
            isPunct(start + 1, P.lparen), var k = arguments(start + 1)
        else { return nil }
        while isPunct(k, P.dot) {
            guard token(k + 1).kind == .identifier, isPunct(k + 2, P.lparen), let end = arguments(k + 2) else { return nil }
            k = end
        }
        return k
    }

    /// The token after `( args )` at `open`, when every argument is a literal, an object of literals or
    /// `() => name.name`; else nil.
    func argumentsEnd(_ open: Int) -> Int? {
        listEnd(open) { k in
            if isLiteral(k) { return k + 1 }
            if isPunct(k, P.lbrace) { return literalObjectEnd(k) }
            if isPunct(k, P.lparen), token(k).match == Int32(k + 1), isPunct(k + 2, P.arrow), !token(k + 2).newlineBefore,
                token(k + 3).kind == .identifier, !isReservedHead(token(k + 3)), isPunct(k + 4, P.dot),
                token(k + 5).kind == .identifier
            {
                return k + 6
            }
            return nil
        }
    }

    /// The token after `{ key: literal, ... }` at `open`, or nil.
    func literalObjectEnd(_ open: Int) -> Int? {
        listEnd(open) { k in isKey(k) && isPunct(k + 1, P.colon) && isLiteral(k + 2) ? k + 3 : nil }
    }

    /// The expression of literal token `k`, as ``parsePrimary()`` makes it.
    func literalExpr(_ k: Int) -> TSExpr {
        let t = tokens[k]
        let offset = Int(t.start)
        switch t.kind {
        case .string: return .string(stringValue(t), offset)
        case .number:
            let (value, spelling) = numberValue(t)
            return .number(value, spelling, offset)
        default:
            if isWord(t, "true") { return .boolean(true, offset) }
            if isWord(t, "false") { return .boolean(false, offset) }
            return .null(offset)
        }
    }

    /// A number token's value and spelling, as ``parsePrimary()`` reads them.
    func numberValue(_ t: TSToken) -> (Double, String) {
        // Most numbers have no separators: their text is the spelling, without filtering a copy.
        let spelling = bytes[Int(t.start)..<Int(t.end)].contains(UInt8(ascii: "_")) ? text(t).filter { $0 != "_" } : text(t)
        let value = Double(spelling) ?? (spelling.hasPrefix("0x") ? Double(Int(spelling.dropFirst(2), radix: 16) ?? 0) : .nan)
        return (value, spelling.hasSuffix("n") ? String(spelling.dropLast()) : spelling)
    }
}
