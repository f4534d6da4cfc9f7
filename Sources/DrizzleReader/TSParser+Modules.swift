/// Module syntax: `import` and `export` in all their forms, recorded as bindings and exports.
extension TSParser {
    mutating func parseImport() {
        let importOffset = Int(tok.start)
        advance()
        if atWord("type") && !isWord(peek(), "from") && !isPunct(peek(), P.comma) { skipStatement(); return }
        if tok.kind == .string {  // side-effect import
            module.specifiers.append((stringValue(tok), Int(tok.start)))
            advance()
            endStatement()
            return
        }
        var pending: [(local: String, name: String?)] = []  // name nil = namespace
        if tok.kind == .identifier && !atWord("from") {
            pending.append((text(tok), "default"))
            advance()
            _ = eat(P.comma)
        }
        if at(P.star) {
            advance()
            if atWord("as") { advance() }
            if tok.kind == .identifier { pending.append((text(tok), nil)); advance() }
        } else if at(P.lbrace) {
            let close = Int(tok.match)
            advance()
            while !atEnd && !at(P.rbrace) && (close < 0 || i < close) {
                if atWord("type") && peek().kind == .identifier && !isWord(peek(), "as") { advance() }
                guard tok.kind == .identifier || tok.kind == .string else { advance(); continue }
                let name = tok.kind == .string ? stringValue(tok) : text(tok)
                advance()
                var local = name
                if atWord("as") {
                    advance()
                    local = text(tok)
                    advance()
                }
                pending.append((local, name))
                _ = eat(P.comma)
            }
            _ = eat(P.rbrace)
        }
        guard atWord("from") else {
            problem(importOffset, "malformed import statement")
            skipStatement()
            return
        }
        advance()
        guard tok.kind == .string else { skipStatement(); return }
        let specifier = stringValue(tok)
        let offset = Int(tok.start)
        module.specifiers.append((specifier, offset))
        advance()
        for entry in pending {
            if let name = entry.name {
                module.bind(entry.local, .imported(specifier: specifier, name: name, offset: offset))
            } else {
                module.bind(entry.local, .namespace(specifier: specifier, offset: offset))
            }
        }
        endStatement()
    }

    mutating func parseExport() {
        advance()
        if atWord("default") {
            advance()
            if tok.kind == .identifier && !atWord("function") && !atWord("class") && peekEndsStatement() {
                module.exports["default"] = .local(text(tok))
                advance()
                endStatement()
                return
            }
            if skipTypeLevelDeclaration() { return }
            let value = parseExpression()
            module.bind("default", .value(value))
            module.exports["default"] = .local("default")
            endStatement()
            return
        }
        if atWord("declare") { advance() }
        if atWord("const") || atWord("let") || atWord("var") {
            advance()
            if atWord("enum") { advance(); parseEnum(exported: true); return }
            parseDeclarations(exported: true)
            return
        }
        if atWord("enum") { advance(); parseEnum(exported: true); return }
        if parseFunctionDeclaration(exported: true) { return }
        if atWord("type") && isPunct(peek(), P.lbrace) { advance() }
        if at(P.star) {
            advance()
            var alias: String?
            if atWord("as") { advance(); alias = text(tok); advance() }
            guard atWord("from") else { skipStatement(); return }
            advance()
            guard tok.kind == .string else { skipStatement(); return }
            let specifier = stringValue(tok)
            let offset = Int(tok.start)
            module.specifiers.append((specifier, offset))
            if let alias {
                module.exports[alias] = .namespace(specifier: specifier, offset: offset)
            } else {
                module.exportStars.append((specifier, offset))
            }
            advance()
            endStatement()
            return
        }
        if at(P.lbrace) {
            let close = Int(tok.match)
            advance()
            var pairs: [(local: String, exported: String)] = []
            while !atEnd && !at(P.rbrace) && (close < 0 || i < close) {
                if atWord("type") && peek().kind == .identifier && !isWord(peek(), "as") { advance() }
                guard tok.kind == .identifier || tok.kind == .string else { advance(); continue }
                let local = tok.kind == .string ? stringValue(tok) : text(tok)
                advance()
                var exported = local
                if atWord("as") {
                    advance()
                    exported = tok.kind == .string ? stringValue(tok) : text(tok)
                    advance()
                }
                pairs.append((local, exported))
                _ = eat(P.comma)
            }
            _ = eat(P.rbrace)
            if atWord("from") {
                advance()
                if tok.kind == .string {
                    let specifier = stringValue(tok)
                    let offset = Int(tok.start)
                    module.specifiers.append((specifier, offset))
                    for pair in pairs {
                        module.exports[pair.exported] = .reexport(specifier: specifier, name: pair.local, offset: offset)
                    }
                    advance()
                }
            } else {
                for pair in pairs { module.exports[pair.exported] = .local(pair.local) }
            }
            endStatement()
            return
        }
        if skipTypeLevelDeclaration() { return }
        skipStatement()
    }

    func peekEndsStatement() -> Bool {
        let next = peek()
        return next.kind == .eof || isPunct(next, P.semicolon) || next.newlineBefore
    }
}
