import SchemaModel

/// One statement from a literal `DDL("...")`/`text("...")` body that the model can hold.
enum DDLStatement: Sendable {
    case enableRowLevelSecurity(table: QualifiedName, location: SourceLocation)
    case forceRowLevelSecurity(table: QualifiedName, location: SourceLocation)
    case policy(table: QualifiedName, Policy)
    case trigger(table: QualifiedName, Trigger)
}

/// A small PostgreSQL DDL reader for `ALTER TABLE ... ENABLE|FORCE ROW LEVEL SECURITY`,
/// `CREATE POLICY` and `CREATE TRIGGER`. Other statements are skipped; it never fails.
struct DDLParser {
    /// A token of SQL: a word or quoted identifier (`isIdentifier`), or any other lexeme.
    struct Token {
        /// The spelling as written (quoted identifiers without their quotes).
        var text: String
        var isWord: Bool
        var isQuoted = false
        /// Lower-cased for unquoted words (how PostgreSQL folds them), else as written.
        var folded: String { isWord && !isQuoted ? text.lowercased() : text }
    }

    private var tokens: [Token] = []
    private var i = 0
    let defaultSchema: String
    let location: SourceLocation

    init(sql: String, defaultSchema: String, location: SourceLocation) {
        self.defaultSchema = defaultSchema
        self.location = location
        tokens = DDLParser.tokenize(sql)
    }

    static func parse(_ sql: String, defaultSchema: String, location: SourceLocation) -> [DDLStatement] {
        var parser = DDLParser(sql: sql, defaultSchema: defaultSchema, location: location)
        return parser.statements()
    }

    /// Splits SQL into words, quoted identifiers, string literals, dollar-quoted bodies, punctuation.
    /// Works on UTF-8 bytes: every byte of a multi-byte character counts as a word character.
    static func tokenize(_ sql: String) -> [Token] {
        let b = Array(sql.utf8)
        let n = b.count
        var out: [Token] = []
        out.reserveCapacity(n / 4)
        func isWordByte(_ c: UInt8) -> Bool {
            (c | 0x20) &- 0x61 < 26 || c &- 0x30 < 10 || c == 0x5F || c == 0x24 || c >= 0x80
        }
        func text(_ r: Range<Int>) -> String { String(decoding: b[r], as: UTF8.self) }
        var k = 0
        while k < n {
            let c = b[k]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C { k += 1; continue }
            if c == 0x2D, k + 1 < n, b[k + 1] == 0x2D {  // -- comment
                while k < n, b[k] != 0x0A { k += 1 }
                continue
            }
            if isWordByte(c), c != 0x24, c &- 0x30 >= 10 {
                let start = k
                while k < n, isWordByte(b[k]) { k += 1 }
                out.append(Token(text: text(start..<k), isWord: true))
                continue
            }
            if c == 0x22 || c == 0x27 {  // "identifier" or 'literal', doubled quotes inside
                let start = k
                k += 1
                while k < n {
                    if b[k] == c {
                        if k + 1 < n, b[k + 1] == c { k += 2; continue }
                        k += 1
                        break
                    }
                    k += 1
                }
                if c == 0x22 {
                    let inner = text((start + 1)..<max(start + 1, k - 1)).replacingBytes("\"\"", with: "\"")
                    out.append(Token(text: inner, isWord: true, isQuoted: true))
                } else {
                    out.append(Token(text: text(start..<k), isWord: false))
                }
                continue
            }
            if c == 0x24 {  // $tag$ ... $tag$
                var tagEnd = k + 1
                while tagEnd < n, b[tagEnd] != 0x24, isWordByte(b[tagEnd]), b[tagEnd] &- 0x30 >= 10 { tagEnd += 1 }
                if tagEnd < n, b[tagEnd] == 0x24 {
                    let tag = Array(b[k...tagEnd])
                    var m = tagEnd + 1
                    var closed = n
                    while m + tag.count <= n {
                        if b[m] == 0x24, Array(b[m..<(m + tag.count)]) == tag { closed = m + tag.count; break }
                        m += 1
                    }
                    out.append(Token(text: text(k..<closed), isWord: false))
                    k = closed
                    continue
                }
            }
            if c == 0x3A, k + 1 < n, b[k + 1] == 0x3A {
                out.append(Token(text: "::", isWord: false))
                k += 2
                continue
            }
            if c &- 0x30 < 10 {
                let start = k
                while k < n, b[k] &- 0x30 < 10 || b[k] == 0x2E { k += 1 }
                out.append(Token(text: text(start..<k), isWord: false))
                continue
            }
            out.append(Token(text: String(UnicodeScalar(c)), isWord: false))
            k += 1
        }
        return out
    }

    private var atEnd: Bool { i >= tokens.count }
    private func peek(_ offset: Int = 0) -> Token? { i + offset < tokens.count ? tokens[i + offset] : nil }
    private func isWord(_ word: String, _ offset: Int = 0) -> Bool {
        guard let t = peek(offset), t.isWord, !t.isQuoted, t.text.utf8.count == word.utf8.count else { return false }
        // ASCII case-insensitive comparison without allocating (keywords are ASCII).
        for (a, b) in zip(t.text.utf8, word.utf8) where a | 0x20 != b { return false }
        return true
    }

    private mutating func accept(_ words: String...) -> Bool {
        for (n, w) in words.enumerated() where !isWord(w, n) { return false }
        i += words.count
        return true
    }

    private mutating func skipStatement() {
        while !atEnd, peek()?.text != ";" { i += 1 }
        if !atEnd { i += 1 }
    }

    mutating func statements() -> [DDLStatement] {
        var out: [DDLStatement] = []
        while !atEnd {
            let start = i
            if accept("alter", "table") {
                _ = accept("if", "exists")
                _ = accept("only")
                let table = qualifiedName()
                if accept("enable", "row", "level", "security") { out.append(.enableRowLevelSecurity(table: table, location: location)) }
                else if accept("force", "row", "level", "security") { out.append(.forceRowLevelSecurity(table: table, location: location)) }
            } else if accept("create", "policy") {
                if let p = policy() { out.append(p) }
            } else if isWord("create") {
                var k = 1
                if isWord("or", 1), isWord("replace", 2) { k = 3 }
                if isWord("constraint", k) { k += 1 }
                if isWord("trigger", k) {
                    i += k + 1
                    if let t = trigger() { out.append(t) }
                }
            }
            if i == start || (peek()?.text != ";" && !atEnd) { skipStatement() } else if !atEnd { i += 1 }
        }
        return out
    }

    private mutating func name() -> String {
        guard let t = peek() else { return "" }
        i += 1
        return t.folded
    }

    private mutating func qualifiedName() -> QualifiedName {
        let first = name()
        if peek()?.text == "." {
            i += 1
            return QualifiedName(schema: first, name: name())
        }
        return QualifiedName(schema: defaultSchema, name: first)
    }

    /// A parenthesized expression's text, tokens joined with single spaces where needed.
    private mutating func parenthesized() -> String? {
        guard peek()?.text == "(" else { return nil }
        var depth = 0
        var parts: [Token] = []
        repeat {
            guard let t = peek() else { break }
            if t.text == "(" { depth += 1 }
            if t.text == ")" { depth -= 1 }
            parts.append(t)
            i += 1
        } while depth > 0 && !atEnd
        return DDLParser.join(parts.dropFirst().dropLast())
    }

    static func join<C: Collection>(_ parts: C) -> String where C.Element == Token {
        var out = ""
        var previous: Token?
        for t in parts {
            if let p = previous {
                let tight = p.text == "(" || t.text == ")" || t.text == "," || t.text == "." || p.text == "." || t.text == "(" && p.isWord
                    || t.text == "::" || p.text == "::"
                if !tight { out += " " }
            }
            out += t.isQuoted ? "\"" + t.text + "\"" : t.text
            previous = t
        }
        return out
    }

    private mutating func policy() -> DDLStatement? {
        let policyName = name()
        guard accept("on") else { return nil }
        let table = qualifiedName()
        var permissive = true
        var command = Policy.Command.all
        var roles: [String] = []
        var using: String?
        var check: String?
        while !atEnd, peek()?.text != ";" {
            if accept("as") {
                permissive = name() != "restrictive"
            } else if accept("for") {
                command = Policy.Command(rawValue: name()) ?? .all
            } else if accept("to") {
                roles.append(name())
                while peek()?.text == "," { i += 1; roles.append(name()) }
            } else if accept("using") {
                using = parenthesized()
            } else if accept("with", "check") {
                check = parenthesized()
            } else {
                i += 1
            }
        }
        return .policy(table: table, Policy(name: policyName, isPermissive: permissive, command: command, roles: roles, using: using, withCheck: check, provenance: Provenance(source: .sqlalchemy, location: location)))
    }

    private mutating func trigger() -> DDLStatement? {
        let triggerName = name()
        var timing = Trigger.Timing.before
        if accept("before") { timing = .before } else if accept("after") { timing = .after } else if accept("instead", "of") { timing = .insteadOf } else { return nil }
        var events: [Trigger.Event] = []
        repeat {
            guard let word = peek()?.folded, let kind = Trigger.Event.Kind(rawValue: word) else { break }
            i += 1
            var columns: [String] = []
            if kind == .update, accept("of") {
                columns.append(name())
                while peek()?.text == "," { i += 1; columns.append(name()) }
            }
            events.append(Trigger.Event(kind, columns: columns))
        } while accept("or")
        guard accept("on") else { return nil }
        let table = qualifiedName()
        var level = Trigger.Level.statement
        var when: String?
        var function = QualifiedName(schema: defaultSchema, name: "")
        var arguments: [String] = []
        while !atEnd, peek()?.text != ";" {
            if accept("for", "each", "row") || accept("for", "row") {
                level = .row
            } else if accept("for", "each", "statement") || accept("for", "statement") {
                level = .statement
            } else if accept("when") {
                when = parenthesized()
            } else if accept("execute", "function") || accept("execute", "procedure") {
                function = qualifiedName()
                if let args = parenthesized(), !args.isEmpty {
                    arguments = args.split(separator: ",").map { String($0).trimmingSpaces() }
                }
            } else {
                i += 1
            }
        }
        return .trigger(table: table, Trigger(name: triggerName, timing: timing, events: events, level: level, function: function, arguments: arguments, when: when, provenance: Provenance(source: .sqlalchemy, location: location)))
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
