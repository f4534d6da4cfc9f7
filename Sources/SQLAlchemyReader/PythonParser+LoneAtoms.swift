/// The shortcut for the commonest expressions (see ``parseLoneAtom()``).
extension PythonParser {
    /// A name, number or single string literal that the next token ends (`,`, `)`, `]`, `}`, `:`,
    /// `=`, a line end): most arguments and values. Taken directly, since the operator and trailer
    /// levels would find nothing to do with it; nil for anything else (including the names the
    /// levels treat as keywords).
    mutating func parseLoneAtom() -> PyExpr? {
        guard i + 1 < tokenCount else { return nil }
        let t = tok
        switch t.kind {
        case .name:
            if isWord("lambda") || isWord("not") || isWord("await") { return nil }
        case .number, .string:
            break
        default:
            return nil
        }
        let next = tokens[i + 1]
        switch next.kind {
        case .newline, .eof, .dedent, .indent:
            break
        case .op:
            let op = next.op
            guard op == Op.comma || op == Op.rparen || op == Op.rbracket || op == Op.rbrace || op == Op.colon || op == Op.assign
            else { return nil }
        default:
            return nil
        }
        return parseAtom()
    }
}
