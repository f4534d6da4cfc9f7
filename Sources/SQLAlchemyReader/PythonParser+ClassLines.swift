/// Class-body lines that repeat an earlier line of the file (see ``RepeatedLines``).
///
/// A line whose tokens the lexer copied from a recorded line parses, at the same nesting, to the
/// statement that line parsed to, moved (the parser looks at nothing but the tokens and their
/// bytes). So the parser keeps the first such statement and stands it in for the copies
/// (``PyStmt/repeated(_:delta:)``) instead of building and later freeing the same tree again;
/// model building reuses results by statement text anyway (``StatementMemo``) and spells a copy
/// out only where it must evaluate it.
struct ParsedLine {
    /// Tokens the statement took, its NEWLINE included.
    var tokenCount: Int
    /// Where the line's first token starts.
    var textStart: Int
    var depth: Int
    var sawTrailingComma: Bool
    var statement: RepeatedStatement
}

extension PythonParser {
    /// One line of a class body at the current token (a name): the recorded statement when the line
    /// is a copy of a line parsed before, else parsed, and recorded when it is a clean
    /// one-statement line (the first of its text) whose statement is column-like.
    mutating func parseClassLine(into body: inout [PyStmt]) {
        let first = tok
        // Lines are recorded under the token the lexer's copies name: their own first token for
        // lines it lexed, the one their first token names for copies.
        let key = first.repeatOf != 0 ? Int(first.repeatOf) - 1 : i
        if first.repeatOf != 0, let line = parsedLines[key], line.depth == nestingDepth,
            i + line.tokenCount <= tokens.count, tokens[i + line.tokenCount - 1].kind == .newline
        {
            i += line.tokenCount
            lastSequenceHadComma = line.sawTrailingComma
            line.statement.markRepeated()
            body.append(.repeated(line.statement, delta: first.start - line.textStart))
            return
        }
        let start = i
        let simple = !isWord("class") && !isWord("def") && !isWord("async") && !isCompoundWord()
        let logged = log.diagnostics.count + log.suppressed
        let count = body.count
        parseStatement(into: &body)
        guard simple, i > start, tokens[i - 1].kind == .newline, body.count == count + 1,
            log.diagnostics.count + log.suppressed == logged, parsedLines[key] == nil, Self.isRepeatable(body[count])
        else { return }
        // The statement must have taken the line up to its first NEWLINE, nothing more.
        var end = start
        while tokens[end].kind != .newline { end += 1 }
        guard end == i - 1 else { return }
        let line = RepeatedStatement(body[count])
        parsedLines.insert(
            ParsedLine(
                tokenCount: i - start, textStart: first.start, depth: nestingDepth, sawTrailingComma: lastSequenceHadComma,
                statement: line),
            for: key)
        // The line itself shares its statement too, so model building knows all copies as one.
        body[count] = .repeated(line, delta: 0)
    }

    /// Statements worth recording: a column-like attribute (`name: T = ...` or `name = ...`, one
    /// plain target) whose name does not start with `_`, so that readers of dunder attributes
    /// (`__tablename__`, `__table_args__`) never meet a repeated line.
    private static func isRepeatable(_ stmt: PyStmt) -> Bool {
        switch stmt {
        case .annotated(.name(let name, _), _, _, _):
            return name.utf8.first != UInt8(ascii: "_")
        case .assign(let targets, _, _):
            guard targets.count == 1, case .name(let name, _) = targets[0] else { return false }
            return name.utf8.first != UInt8(ascii: "_")
        default:
            return false
        }
    }
}
