/// Recognizes the statements of a TypeScript module that matter to a Drizzle schema: imports,
/// exports, `const` declarations and `enum`s. Everything else (types, interfaces, functions,
/// classes, expression statements) is skipped by bracket matching, so the parser is linear and always
/// makes progress.
struct TSParser {
    let bytes: [UInt8]
    let tokens: [TSToken]
    var i = 0
    var module = TSModule()
    /// Nesting depth of expression parsing; very deep input is cut off instead of overflowing the stack.
    var depth = 0
    var budget: Int

    init(bytes: [UInt8], lexer: TSLexer) {
        self.bytes = bytes
        self.tokens = lexer.tokens
        self.module.problems = lexer.problems
        self.budget = lexer.tokens.count * 4 + 64
    }

    /// Parses `bytes` into a module.
    static func parse(_ bytes: [UInt8]) -> TSModule {
        let lexer = TSLexer.lex(bytes)
        var parser = TSParser(bytes: bytes, lexer: lexer)
        parser.parseModule()
        parser.module.tokens = parser.tokens
        return parser.module
    }

    // MARK: - Token helpers

    var tok: TSToken { tokens[i] }
    var atEnd: Bool { tokens[i].kind == .eof }

    func peek(_ k: Int = 1) -> TSToken { tokens[min(i + k, tokens.count - 1)] }

    func text(_ t: TSToken) -> String {
        String(decoding: bytes[Int(t.start)..<Int(t.end)], as: UTF8.self)
    }

    func isPunct(_ t: TSToken, _ code: UInt32) -> Bool { t.isPunct(code) }
    func at(_ code: UInt32) -> Bool { isPunct(tokens[i], code) }

    /// Whether token `t` is the identifier `word` (compared byte by byte, no allocation).
    func isWord(_ t: TSToken, _ word: StaticString) -> Bool {
        guard t.kind == .identifier, Int(t.end - t.start) == word.utf8CodeUnitCount else { return false }
        let p = word.utf8Start
        let count = word.utf8CodeUnitCount
        let start = Int(t.start)
        guard count > 0, start >= 0, start + count <= bytes.count else { return false }
        // Unchecked reads: the range was checked once above.
        return bytes.withUnsafeBufferPointer { b in
            let o = b.baseAddress! + start
            var k = 0
            while k < count {
                if o[k] != p[k] { return false }
                k += 1
            }
            return true
        }
    }

    func atWord(_ word: StaticString) -> Bool { isWord(tokens[i], word) }

    /// Whether token `t` is spelled `text` (compared byte by byte, no string made of the token).
    func hasText(_ t: TSToken, _ text: String) -> Bool {
        var text = text
        let start = Int(t.start)
        let count = Int(t.end) - start
        return text.withUTF8 { utf8 in
            guard utf8.count == count else { return false }
            var k = 0
            while k < count && bytes[start + k] == utf8[k] { k += 1 }
            return k == count
        }
    }

    /// The first byte of an identifier token (0 for other tokens): a cheap filter before comparing
    /// against several keywords.
    @inline(__always) func leadByte(_ t: TSToken) -> UInt8 {
        t.kind == .identifier && t.end > t.start ? bytes[Int(t.start)] : 0
    }

    mutating func advance() {
        if tokens[i].kind != .eof { i += 1 }
        budget -= 1
    }

    mutating func eat(_ code: UInt32) -> Bool {
        if at(code) { advance(); return true }
        return false
    }

    /// Skips a balanced bracket group starting at the current opening bracket.
    mutating func skipGroup() {
        let m = Int(tok.match)
        if m > i { i = m + 1 } else { advance() }
    }

    mutating func problem(_ offset: Int, _ message: String, error: Bool = false) {
        if module.problems.count < 60 {
            module.problems.append(TSLexer.Problem(offset: offset, message: message, isError: error))
        }
    }

    /// The decoded value of a string token (escapes resolved).
    func stringValue(_ t: TSToken) -> String {
        let start = Int(t.start) + 1
        var end = Int(t.end)
        if end > start, bytes[end - 1] == bytes[Int(t.start)] { end -= 1 }
        end = max(start, end)
        let plain: String? = bytes.withUnsafeBufferPointer { b in
            let body = UnsafeBufferPointer(rebasing: b[start..<end])
            return body.contains(92) ? nil : String(decoding: body, as: UTF8.self)
        }
        return plain ?? TSParser.unescape(bytes, start, end)
    }

    static func unescape(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var k = start
        while k < end {
            let c = bytes[k]
            if c == 92, k + 1 < end {
                let d = bytes[k + 1]
                k += 2
                switch d {
                case 110: out.append(10)
                case 116: out.append(9)
                case 114: out.append(13)
                case 48: out.append(0)
                case 10: break  // line continuation
                default: out.append(d)
                }
                continue
            }
            out.append(c)
            k += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Statements

    mutating func parseModule() {
        while !atEnd && budget > 0 {
            let before = i
            parseStatement()
            if i == before { advance() }
        }
    }

    /// Whether the current token ends a statement (a `;`, a line break, a closing brace or the end).
    var atStatementEnd: Bool { at(P.semicolon) || tok.newlineBefore || at(P.rbrace) || atEnd }

    /// Skips to the end of the current statement: a `;` or a line break before a token that starts one.
    mutating func skipStatement() {
        let start = i
        while !atEnd && budget > 0 {
            if i > start && tok.newlineBefore && startsStatement(tok) { return }
            if at(P.semicolon) { advance(); return }
            if at(P.lparen) || at(P.lbracket) || at(P.lbrace) { skipGroup(); continue }
            advance()
        }
    }

    func startsStatement(_ t: TSToken) -> Bool {
        guard t.kind == .identifier else { return isPunct(t, P.at) }
        for word: StaticString in ["export", "import", "const", "let", "var", "function", "class", "interface", "type", "enum", "declare", "async", "abstract"] where isWord(t, word) {
            return true
        }
        return false
    }

    mutating func endStatement() {
        if eat(P.semicolon) { return }
        if atStatementEnd { return }
        skipStatement()
    }

    mutating func parseStatement() {
        if eat(P.semicolon) { return }
        if at(P.at) { skipDecorator(); return }
        guard tok.kind == .identifier else { skipStatement(); return }
        if atWord("import") && !isPunct(peek(), P.lparen) && !isPunct(peek(), P.dot) {
            parseImport()
        } else if atWord("export") {
            parseExport()
        } else if atWord("const") || atWord("let") || atWord("var") {
            advance()
            if atWord("enum") { advance(); parseEnum(exported: false); return }
            parseDeclarations(exported: false)
        } else if atWord("enum") {
            advance()
            parseEnum(exported: false)
        } else if atWord("declare") {
            advance()
            skipDeclaration()
        } else if parseFunctionDeclaration(exported: false) {
            return
        } else if skipTypeLevelDeclaration() {
            return
        } else if atControlStatement() {
            skipControlStatement()
        } else {
            _ = parseExpression()
            endStatement()
        }
    }

    func atControlStatement() -> Bool {
        for word: StaticString in ["if", "for", "while", "switch", "try", "do", "with", "return", "throw"] where atWord(word) {
            return true
        }
        return false
    }

    /// Skips `if (...) {...} else ...`, loops, `switch`, `try/catch/finally` and `return`/`throw`:
    /// statements a schema file may contain but that never declare schema objects.
    mutating func skipControlStatement() {
        while !atEnd && budget > 0 {
            advance()  // the keyword
            if at(P.lparen) { skipGroup() }
            if at(P.lbrace) { skipGroup() } else if !atControlStatement() { skipStatement() }
            if atWord("else") || atWord("catch") || atWord("finally") || (atWord("while") && !tok.newlineBefore) {
                continue
            }
            if atControlStatement() && !tok.newlineBefore { continue }
            return
        }
    }

    mutating func skipDecorator() {
        advance()
        _ = parsePostfix()
    }

    /// Skips `type`, `interface`, `function`, `class`, `namespace` declarations. Returns false when the
    /// current token starts none of them.
    mutating func skipTypeLevelDeclaration() -> Bool {
        if atWord("type") && peek().kind == .identifier {
            advance()
            skipTypeAlias()
            return true
        }
        if atWord("interface") || atWord("class") || atWord("namespace") || atWord("module") || atWord("abstract")
            || atWord("function") || (atWord("async") && isWord(peek(), "function"))
        {
            // Skip to the body and over it.
            while !atEnd && !at(P.lbrace) && !at(P.semicolon) && budget > 0 {
                if at(P.lparen) || at(P.lbracket) { skipGroup() } else { advance() }
            }
            if at(P.lbrace) { skipGroup() } else { _ = eat(P.semicolon) }
            return true
        }
        return false
    }

    /// `function name(params) { ... return expr }`: bound like an arrow function returning its first
    /// top-level `return` (helpers that build columns or index lists). Returns false when the current
    /// token does not start a named function declaration.
    mutating func parseFunctionDeclaration(exported: Bool) -> Bool {
        var k = i
        if isWord(tokens[k], "async") { k += 1 }
        guard isWord(tokens[k], "function") else { return false }
        var n = k + 1
        if isPunct(tokens[n], P.star) { n += 1 }
        guard tokens[n].kind == .identifier else { return false }
        i = n
        let name = text(tok)
        let offset = Int(tok.start)
        advance()
        if at(P.less) { skipTypeArguments() }
        guard at(P.lparen) else { skipStatement(); return true }
        let params = parseParameters()
        if eat(P.colon) { skipType(stopAtArrow: false, stopAtBrace: true) }
        guard at(P.lbrace) else { _ = eat(P.semicolon); return true }  // an overload signature
        let body = parseArrowBody()
        module.bind(name, .value(.arrow(params: params, body: body, offset: offset)))
        if exported { module.exports[name] = .local(name) }
        return true
    }

    mutating func skipDeclaration() {
        if skipTypeLevelDeclaration() { return }
        skipStatement()
    }

    mutating func skipTypeAlias() {
        advance()  // name
        if at(P.less) { skipTypeArguments() }
        _ = eat(P.assign)
        skipType(stopAtArrow: false)
        _ = eat(P.semicolon)
    }

    // MARK: Declarations

    mutating func parseDeclarations(exported: Bool) {
        while !atEnd && budget > 0 {
            guard tok.kind == .identifier else {
                // Destructuring and other patterns: not modelled.
                if at(P.lbrace) || at(P.lbracket) { skipGroup() }
                skipStatement()
                return
            }
            let name = text(tok)
            advance()
            _ = eat(P.bang)
            if eat(P.colon) { skipType(stopAtArrow: false) }
            var value = TSExpr.undefined(Int(tok.start))
            if eat(P.assign) { value = parseExpression() }
            module.bind(name, .value(value))
            if exported { module.exports[name] = .local(name) }
            if eat(P.comma) { continue }
            break
        }
        endStatement()
    }

    mutating func parseEnum(exported: Bool) {
        guard tok.kind == .identifier else { skipStatement(); return }
        let name = text(tok)
        let offset = Int(tok.start)
        advance()
        guard at(P.lbrace) else { skipStatement(); return }
        let close = Int(tok.match)
        advance()
        var members: [(String, TSExpr)] = []
        var next = 0.0
        while !atEnd && !at(P.rbrace) && (close < 0 || i < close) && budget > 0 {
            guard tok.kind == .identifier || tok.kind == .string else { advance(); continue }
            let key = tok.kind == .string ? stringValue(tok) : text(tok)
            let keyOffset = Int(tok.start)
            advance()
            var value = TSExpr.number(next, DrizzleEvaluator.spell(next), keyOffset)
            if eat(P.assign) { value = parseAssignment() }
            if case .number(let v, _, _) = value { next = v + 1 }
            members.append((key, value))
            _ = eat(P.comma)
        }
        _ = eat(P.rbrace)
        module.bind(name, .tsEnum(members, offset))
        if exported { module.exports[name] = .local(name) }
    }
}
