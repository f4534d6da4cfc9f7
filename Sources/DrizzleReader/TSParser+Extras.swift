/// Table extras (`(t) => [index('i').on(t.a), pgPolicy('p', { to: role, using: sql\`...\` })]`) kept as
/// tokens, like column objects (`TSParser+Columns.swift`): the third argument of a plain call, when it
/// is an arrow function returning an array of builder chains over literals, names, `t.col`s, arrays,
/// objects and `sql` templates of `t.col`s, is left as ``TSExpr/lazyArrow(_:_:)``.
extension TSParser {
    /// Whether the arrow function whose `(` is token `open` matches the extras grammar.
    func isExtrasArrow(_ open: Int) -> Bool {
        var k = open + 1
        if token(k).kind == .identifier {
            guard !isReservedHead(token(k)) else { return false }
            k += 1
        }
        guard isPunct(k, P.rparen), token(open).match == Int32(k), isPunct(k + 1, P.arrow), isPunct(k + 2, P.lbracket) else { return false }
        let arrayOpen = k + 2
        let close = Int(token(arrayOpen).match)
        guard close > arrayOpen else { return false }
        let after = token(close + 1)
        guard after.kind == .punct, after.punct == P.comma || after.punct == P.rparen else { return false }
        return listEnd(arrayOpen) { extrasChainEnd($0) } != nil
    }

    /// The token after a chain `name(args).name(args)...` of extras arguments starting at `start`, or nil.
    func extrasChainEnd(_ start: Int) -> Int? { builderChainEnd(start) { extrasArgumentsEnd($0) } }

    /// The token after `( args )` at `open` whose arguments the extras grammar admits, or nil.
    func extrasArgumentsEnd(_ open: Int) -> Int? {
        listEnd(open) { k in isPunct(k, P.lbrace) ? extrasObjectEnd(k) : memberEnd(k) ?? valueEnd(k) }
    }

    /// `name.name` at `k`: the token after it.
    func memberEnd(_ k: Int) -> Int? {
        guard token(k).kind == .identifier, !isReservedHead(token(k)), isPunct(k + 1, P.dot),
            token(k + 2).kind == .identifier, !isPunct(k + 3, P.dot), !isPunct(k + 3, P.lparen), !isTemplateStart(k + 3)
        else { return nil }
        return k + 3
    }

    /// A literal, a name, or an `sql` template of `name.name`s at `k`: the token after it.
    func valueEnd(_ k: Int) -> Int? {
        if isLiteral(k) { return k + 1 }
        guard token(k).kind == .identifier, !isReservedHead(token(k)) else { return nil }
        if !isTemplateStart(k + 1) {
            return isPunct(k + 1, P.dot) || isPunct(k + 1, P.lparen) || isPunct(k + 1, P.lbracket) || isPunct(k + 1, P.arrow) ? nil : k + 1
        }
        var j = k + 1
        if token(j).kind == .templateFull { return j + 1 }
        j += 1
        while true {
            guard let end = memberEnd(j) else { return nil }
            j = end
            if token(j).kind == .templateTail { return j + 1 }
            guard token(j).kind == .templateMiddle else { return nil }
            j += 1
        }
    }

    func isTemplateStart(_ k: Int) -> Bool {
        token(k).kind == .templateFull || token(k).kind == .templateHead
    }

    /// `{ key: value, ... }` at `open` with values as ``valueEnd(_:)`` admits or arrays of literals and
    /// names: the token after it.
    func extrasObjectEnd(_ open: Int) -> Int? {
        listEnd(open) { k in
            guard isKey(k), isPunct(k + 1, P.colon) else { return nil }
            guard isPunct(k + 2, P.lbracket) else { return valueEnd(k + 2) }
            return listEnd(k + 2) { j in
                isLiteral(j) || (token(j).kind == .identifier && valueEnd(j) == j + 1) ? j + 1 : nil
            }
        }
    }
}
