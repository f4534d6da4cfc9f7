import SchemaModel
import SourceScanning

/// Recognizes the statements and expressions of model modules from a token stream.
///
/// Never throws: an unexpected token records one diagnostic and the parser resumes at the next
/// logical line. Every loop consumes at least one token per round, so it always terminates.
struct PythonParser {
    private let file: SourceFile
    let bytes: [UInt8]
    let tokens: TokenList
    var i = 0
    var lastSequenceHadComma = false
    private(set) var log: DiagnosticLog
    /// Nesting of expressions; bounds recursion on pathological input such as `((((((...`.
    private var depth = 0
    private static let maxDepth = 200
    /// Clean class-body lines parsed so far, by the token the lexer's copies of them name.
    var parsedLines = IntKeyedTable<ParsedLine>()
    /// Call arguments and bracket items being collected (see ``ScratchStack``).
    let argumentStack = ScratchStack<PyArg>()
    let itemStack = ScratchStack<PyExpr>()

    init(file: SourceFile, tokens: TokenList, log: DiagnosticLog) {
        self.file = file
        self.bytes = file.bytes
        self.tokens = tokens
        self.log = log
    }

    /// Lexes and parses a whole module, with token storage from `pool` when one is given.
    static func parse(_ file: SourceFile, log: inout DiagnosticLog, pool: TokenBufferPool? = nil) -> [PyStmt] {
        let tokens = PythonLexer.tokenList(file, log: &log, pool: pool)
        var parser = PythonParser(file: file, tokens: tokens, log: log)
        let body = parser.parseModule()
        log = parser.log
        return body
    }

    mutating func parseModule() -> [PyStmt] {
        var body: [PyStmt] = []
        while tok.kind != .eof {
            let before = i
            switch tok.kind {
            case .newline:
                i += 1
            case .indent:
                error("unexpected indent")
                i += 1
            case .dedent:
                i += 1
            default:
                parseStatement(into: &body)
            }
            if i == before { i += 1 }
        }
        return body
    }

    // MARK: statements

    mutating func parseStatement(into body: inout [PyStmt]) {
        let start = i
        if tok.isOp(Op.at) {
            parseDecorated(into: &body)
            return
        }
        if tok.kind == .name {
            if isWord("class") { if let c = parseClass(decorators: []) { body.append(.classDef(c)) }; return }
            if isWord("def") || (isWord("async") && peekIsWord("def")) {
                if let f = parseFunction(decorators: []) { body.append(.function(f)) }
                return
            }
            if isCompoundWord() {
                skipHeaderToColon()
                parseSuite(into: &body)
                return
            }
        }
        parseSimpleStatements(into: &body)
        if i == start { i += 1 }
    }

    /// Whether the current name starts a compound statement other than `class`/`def` (`if`, `elif`,
    /// `else`, `while`, `for`, `try`, `except`, `finally`, `with`); dispatches on the first byte so
    /// ordinary statements cost one comparison.
    func isCompoundWord() -> Bool {
        switch bytes[tok.start] {
        case UInt8(ascii: "i"): return isWord("if")
        case UInt8(ascii: "e"): return isWord("elif") || isWord("else") || isWord("except")
        case UInt8(ascii: "w"): return isWord("while") || isWord("with")
        case UInt8(ascii: "f"): return isWord("for") || isWord("finally")
        case UInt8(ascii: "t"): return isWord("try")
        default: return false
        }
    }

    private mutating func parseDecorated(into body: inout [PyStmt]) {
        var decorators: [PyExpr] = []
        while tok.isOp(Op.at) {
            i += 1
            decorators.append(parseExpression())
            if tok.kind == .newline { i += 1 } else { recover("expected a new line after a decorator") }
        }
        if isWord("class") {
            if let c = parseClass(decorators: decorators) { body.append(.classDef(c)) }
        } else if isWord("def") || isWord("async") {
            if let f = parseFunction(decorators: decorators) { body.append(.function(f)) }
        } else if tok.kind != .eof {
            recover("expected 'class' or 'def' after a decorator")
        }
    }

    private mutating func parseClass(decorators: [PyExpr]) -> PyClass? {
        let at = tok.start
        i += 1
        guard tok.kind == .name else { recover("expected a class name"); return nil }
        let name = text(tok)
        i += 1
        var bases: [PyArg] = []
        if tok.isOp(Op.lparen) {
            i += 1
            bases = parseArguments()
        }
        guard tok.isOp(Op.colon) else { recover("expected ':' after the class header"); return nil }
        i += 1
        var body: [PyStmt] = []
        parseSuite(into: &body, colonConsumed: true, inClass: true)
        return PyClass(name: name, at: at, decorators: decorators, bases: bases, body: body)
    }

    private mutating func parseFunction(decorators: [PyExpr]) -> PyFunction? {
        if isWord("async") { i += 1 }
        let at = tok.start
        i += 1
        guard tok.kind == .name else { recover("expected a function name"); return nil }
        let name = text(tok)
        i += 1
        guard tok.isOp(Op.lparen) else { recover("expected '(' after the function name"); return nil }
        skipBalanced()
        var returns: PyExpr?
        if tok.isOp(Op.arrow) {
            i += 1
            returns = parseExpression()
        }
        guard tok.isOp(Op.colon) else { recover("expected ':' after the function header"); return nil }
        i += 1
        var body: [PyStmt] = []
        parseSuite(into: &body, colonConsumed: true)
        return PyFunction(name: name, at: at, decorators: decorators, returns: returns, body: body)
    }

    /// Skips a compound statement's header up to and including its `:` at bracket depth zero.
    private mutating func skipHeaderToColon() {
        i += 1
        var nesting = 0
        while tok.kind != .eof, tok.kind != .newline {
            if tok.kind == .op {
                if tok.op == Op.lparen || tok.op == Op.lbracket || tok.op == Op.lbrace { nesting += 1 }
                if tok.op == Op.rparen || tok.op == Op.rbracket || tok.op == Op.rbrace { nesting -= 1 }
                if tok.op == Op.colon, nesting <= 0 { return }
                if isWord("lambda") { nesting += 1 }
            }
            i += 1
        }
    }

    /// Parses a block after `:`: an indented suite, or simple statements on the same line.
    private mutating func parseSuite(into body: inout [PyStmt], colonConsumed: Bool = false, inClass: Bool = false) {
        if !colonConsumed {
            guard tok.isOp(Op.colon) else { recover("expected ':'"); return }
            i += 1
        }
        if tok.kind != .newline {
            parseSimpleStatements(into: &body)
            return
        }
        i += 1
        guard tok.kind == .indent else {
            error("expected an indented block")
            return
        }
        i += 1
        if depth >= Self.maxDepth / 4 {
            // Absurdly deep nesting: skip the block instead of recursing into it.
            error("blocks nested too deeply")
            var level = 1
            while tok.kind != .eof, level > 0 {
                if tok.kind == .indent { level += 1 }
                if tok.kind == .dedent { level -= 1 }
                i += 1
            }
            return
        }
        depth += 1
        defer { depth -= 1 }
        while tok.kind != .eof, tok.kind != .dedent {
            let before = i
            if tok.kind == .newline {
                i += 1
            } else if tok.kind == .indent {
                error("unexpected indent")
                i += 1
            } else if inClass, tok.kind == .name {
                parseClassLine(into: &body)
            } else {
                parseStatement(into: &body)
            }
            if i == before { i += 1 }
        }
        if tok.kind == .dedent { i += 1 }
    }

    /// Parses `stmt; stmt; ...` up to the end of the logical line.
    private mutating func parseSimpleStatements(into body: inout [PyStmt]) {
        while true {
            let start = i
            if let stmt = parseSimpleStatement() { body.append(stmt) }
            if tok.isOp(Op.semicolon) {
                i += 1
                if tok.kind == .newline || tok.kind == .eof { break }
                continue
            }
            if tok.kind == .newline { i += 1; return }
            if tok.kind == .eof || tok.kind == .dedent { return }
            recover("unexpected \(describe(tok))")
            if i == start { i += 1 }
            return
        }
        if tok.kind == .newline { i += 1 }
    }

    private mutating func parseSimpleStatement() -> PyStmt? {
        let at = tok.start
        if tok.kind == .name {
            if isWord("import") { return parseImport() }
            if isWord("from") { return parseFromImport() }
            if isWord("return") {
                i += 1
                if atStatementEnd { return .returnValue(nil, at: at) }
                return .returnValue(parseExpressionList(), at: at)
            }
            if isSkippedWord() {
                skipToStatementEnd()
                return nil
            }
        }
        let first = parseExpressionList()
        if tok.isOp(Op.colon) {
            i += 1
            let annotation = parseExpression()
            var value: PyExpr?
            if tok.isOp(Op.assign) {
                i += 1
                value = parseExpressionList()
            }
            return .annotated(target: first, annotation: annotation, value: value, at: at)
        }
        if tok.isOp(Op.assign) {
            var targets = [first]
            var value = first
            while tok.isOp(Op.assign) {
                i += 1
                value = parseExpressionList()
                targets.append(value)
            }
            targets.removeLast()
            return .assign(targets: targets, value: value, at: at)
        }
        if tok.kind == .op, isAugmentedAssignment(tok) {
            i += 1
            _ = parseExpressionList()
            return nil
        }
        return .expression(first, at: at)
    }

    /// Simple statements that never matter to models (`pass`, `break`, `continue`, `global`,
    /// `nonlocal`, `del`, `raise`, `assert`, `yield`), recognized without making a string.
    private func isSkippedWord() -> Bool {
        switch bytes[tok.start] {
        case UInt8(ascii: "p"): return isWord("pass")
        case UInt8(ascii: "b"): return isWord("break")
        case UInt8(ascii: "c"): return isWord("continue")
        case UInt8(ascii: "g"): return isWord("global")
        case UInt8(ascii: "n"): return isWord("nonlocal")
        case UInt8(ascii: "d"): return isWord("del")
        case UInt8(ascii: "r"): return isWord("raise")
        case UInt8(ascii: "a"): return isWord("assert")
        case UInt8(ascii: "y"): return isWord("yield")
        default: return false
        }
    }

    private var atStatementEnd: Bool {
        tok.kind == .newline || tok.kind == .eof || tok.isOp(Op.semicolon) || tok.kind == .dedent
    }

    private mutating func skipToStatementEnd() {
        while !atStatementEnd { i += 1 }
    }

    private func isAugmentedAssignment(_ t: PythonToken) -> Bool {
        let length = t.end - t.start
        return length >= 2 && bytes[t.end - 1] == UInt8(ascii: "=") && t.op != PythonToken.code("==")
            && t.op != PythonToken.code("!=") && t.op != PythonToken.code("<=") && t.op != PythonToken.code(">=")
    }

    private mutating func parseImport() -> PyStmt {
        let at = tok.start
        i += 1
        var names: [PyImportName] = []
        while true {
            guard let dotted = parseDottedName() else { recover("expected a module name"); break }
            var alias: String?
            if isWord("as") {
                i += 1
                if tok.kind == .name { alias = text(tok); i += 1 }
            }
            names.append(PyImportName(name: dotted, alias: alias))
            if tok.isOp(Op.comma) { i += 1 } else { break }
        }
        return .importModule(names, at: at)
    }

    private mutating func parseFromImport() -> PyStmt? {
        let at = tok.start
        i += 1
        var level = 0
        while tok.isOp(Op.dot) || tok.isOp(Op.ellipsis) {
            level += tok.isOp(Op.dot) ? 1 : 3
            i += 1
        }
        let module = isWord("import") ? "" : (parseDottedName() ?? "")
        guard isWord("import") else { recover("expected 'import'"); return nil }
        i += 1
        var names: [PyImportName] = []
        let parenthesized = tok.isOp(Op.lparen)
        if parenthesized { i += 1 }
        while true {
            if parenthesized { while tok.kind == .newline { i += 1 } }
            if tok.isOp(Op.star) {
                names.append(PyImportName(name: "*"))
                i += 1
            } else if tok.kind == .name {
                let name = text(tok)
                i += 1
                var alias: String?
                if isWord("as") {
                    i += 1
                    if tok.kind == .name { alias = text(tok); i += 1 }
                }
                names.append(PyImportName(name: name, alias: alias))
            } else {
                break
            }
            if tok.isOp(Op.comma) { i += 1 } else { break }
        }
        if parenthesized {
            if tok.isOp(Op.rparen) { i += 1 } else { recover("expected ')' to close the import list"); return nil }
        }
        return .importFrom(module: module, level: level, names: names, at: at)
    }

    private mutating func parseDottedName() -> String? {
        guard tok.kind == .name else { return nil }
        var name = text(tok)
        i += 1
        while tok.isOp(Op.dot), i + 1 < tokens.count, tokens[i + 1].kind == .name {
            name += "." + text(tokens[i + 1])
            i += 2
        }
        return name
    }

    // MARK: helpers shared with the expression parser (PythonParser+Expressions.swift)

    var tok: PythonToken { tokens[i] }

    func text(_ t: PythonToken) -> String {
        String(decoding: bytes[t.start..<t.end], as: UTF8.self)
    }

    /// Whether the current token is the name `word`, compared without allocating. Inlined: the
    /// parser asks this several times per expression, and with the literal's length known at the
    /// call site most tokens are ruled out by one comparison.
    @inline(__always)
    func isWord(_ word: StaticString) -> Bool {
        let t = tokens[i]
        guard t.kind == .name, t.end - t.start == word.utf8CodeUnitCount else { return false }
        let p = word.utf8Start
        for k in 0..<word.utf8CodeUnitCount where bytes[t.start + k] != p[k] { return false }
        return true
    }

    @inline(__always)
    func peekIsWord(_ word: StaticString) -> Bool {
        guard i + 1 < tokens.count else { return false }
        let t = tokens[i + 1]
        guard t.kind == .name, t.end - t.start == word.utf8CodeUnitCount else { return false }
        let p = word.utf8Start
        for k in 0..<word.utf8CodeUnitCount where bytes[t.start + k] != p[k] { return false }
        return true
    }

    func describe(_ t: PythonToken) -> String {
        switch t.kind {
        case .newline: return "end of line"
        case .indent: return "indent"
        case .dedent: return "dedent"
        case .eof: return "end of file"
        case .string: return "string"
        default:
            let spelled = text(t)
            return "'" + (spelled.count > 40 ? String(spelled.prefix(40)) + "..." : spelled) + "'"
        }
    }

    mutating func error(_ message: String) {
        log.error("syntax error: " + message, at: file.location(at: min(tok.start, bytes.count)))
    }

    /// Records a syntax error and skips to the end of the logical line.
    mutating func recover(_ message: String) {
        error(message)
        while tok.kind != .newline, tok.kind != .eof, tok.kind != .dedent { i += 1 }
    }

    /// Skips a bracketed group starting at the current opening bracket.
    mutating func skipBalanced() {
        var nesting = 0
        repeat {
            if tok.kind == .op {
                if tok.op == Op.lparen || tok.op == Op.lbracket || tok.op == Op.lbrace { nesting += 1 }
                if tok.op == Op.rparen || tok.op == Op.rbracket || tok.op == Op.rbrace { nesting -= 1 }
            }
            if tok.kind == .eof || (tok.kind == .newline) { return }
            i += 1
        } while nesting > 0
    }

    var tokenCount: Int { tokens.count }

    func tokenIsAssign(at index: Int) -> Bool { tokens[index].isOp(Op.assign) }

    var previousTokenEnd: Int { tokens[i - 1].end }

    var nestingDepth: Int {
        get { depth }
        set { depth = newValue }
    }

    static var depthLimit: Int { maxDepth }

    /// Longest operator or trailer chain kept as a tree (see `parseBinary`/`parsePostfix`).
    static let chainLimit = 1_000

    var sourceBytes: [UInt8] { bytes }
}
