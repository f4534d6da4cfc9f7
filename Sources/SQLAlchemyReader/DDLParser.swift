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

    private let sql: [UInt8]
    private var keys: [Key] = []
    /// Spellings of quoted identifiers (doubled quotes undone), by token index.
    private var quoted: [Int: String] = [:]
    private var i = 0
    let defaultSchema: String
    let location: SourceLocation

    init(sql: String, defaultSchema: String, location: SourceLocation) {
        self.defaultSchema = defaultSchema
        self.location = location
        self.sql = Array(sql.utf8)
        (keys, quoted) = DDLParser.scan(self.sql)
    }

    /// The spelling of token `k` as written (quoted identifiers without their quotes).
    private func text(_ k: Int) -> String {
        if keys[k].isQuoted, let spelled = quoted[k] { return spelled }
        return String(decoding: sql[keys[k].start..<keys[k].end], as: UTF8.self)
    }

    /// Token `k` folded as PostgreSQL folds identifiers (``Token/folded``).
    private func folded(_ k: Int) -> String {
        let key = keys[k]
        guard key.isWord, !key.isQuoted, key.needsFolding else { return text(k) }
        return text(k).lowercased()
    }

    static func parse(_ sql: String, defaultSchema: String, location: SourceLocation) -> [DDLStatement] {
        var parser = DDLParser(sql: sql, defaultSchema: defaultSchema, location: location)
        return parser.statements()
    }

    private var atEnd: Bool { i >= keys.count }
    /// The ``Token/punct`` code of the current token, 0 at the end.
    private var punct: UInt8 { i < keys.count ? keys[i].punct : 0 }

    /// Whether the token `offset` ahead is the unquoted keyword `word` (lower-case ASCII letters),
    /// compared ASCII case-insensitively without touching the token's `String`.
    ///
    /// The keyword is packed as the tokenizer packs words (``Key/packed0``) and compared a word at a
    /// time; inlined where `word` is a literal, the packing folds to constants (it was a loop over
    /// the keyword's bytes for each of tens of thousands of tests).
    @inline(__always)
    private func isWord(_ word: StaticString, _ offset: Int = 0) -> Bool {
        let k = i + offset
        guard k < keys.count else { return false }
        let count = word.utf8CodeUnitCount
        guard count <= 16 else { return false }
        let pointer = word.utf8Start
        var low: UInt64 = 0, high: UInt64 = 0
        for j in 0..<count {
            if j < 8 { low |= UInt64(pointer[j]) << (8 * UInt64(j)) } else { high |= UInt64(pointer[j]) << (8 * UInt64(j - 8)) }
        }
        let t = keys[k]
        return t.isWord && !t.isQuoted && t.byteCount == count && t.packed0 == low && t.packed1 == high
    }

    private mutating func accept(_ a: StaticString) -> Bool {
        guard isWord(a) else { return false }
        i += 1
        return true
    }

    private mutating func accept(_ a: StaticString, _ b: StaticString) -> Bool {
        guard isWord(a), isWord(b, 1) else { return false }
        i += 2
        return true
    }

    private mutating func accept(_ a: StaticString, _ b: StaticString, _ c: StaticString) -> Bool {
        guard isWord(a), isWord(b, 1), isWord(c, 2) else { return false }
        i += 3
        return true
    }

    private mutating func accept(_ a: StaticString, _ b: StaticString, _ c: StaticString, _ d: StaticString) -> Bool {
        guard isWord(a), isWord(b, 1), isWord(c, 2), isWord(d, 3) else { return false }
        i += 4
        return true
    }

    private mutating func skipStatement() {
        while !atEnd, punct != UInt8(ascii: ";") { i += 1 }
        if !atEnd { i += 1 }
    }

    mutating func statements() -> [DDLStatement] {
        var out: [DDLStatement] = []
        // At most one statement per `;`-separated part: one allocation, where appending grew the
        // list a few times per listener.
        var parts = 1
        for key in keys where key.punct == UInt8(ascii: ";") { parts += 1 }
        out.reserveCapacity(parts)
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
            if i == start || (punct != UInt8(ascii: ";") && !atEnd) { skipStatement() } else if !atEnd { i += 1 }
        }
        return out
    }

    private mutating func name() -> String {
        guard i < keys.count else { return "" }
        i += 1
        return folded(i - 1)
    }

    private mutating func qualifiedName() -> QualifiedName {
        let first = name()
        if punct == UInt8(ascii: ".") {
            i += 1
            return QualifiedName(schema: first, name: name())
        }
        return QualifiedName(schema: defaultSchema, name: first)
    }

    /// A parenthesized expression's text, tokens joined with single spaces where needed.
    private mutating func parenthesized() -> String? {
        guard punct == UInt8(ascii: "(") else { return nil }
        let start = i
        var depth = 0
        repeat {
            guard i < keys.count else { break }
            let p = keys[i].punct
            if p == UInt8(ascii: "(") { depth += 1 }
            if p == UInt8(ascii: ")") { depth -= 1 }
            i += 1
        } while depth > 0 && !atEnd
        return join((start..<i).dropFirst().dropLast())
    }

    /// Tokens `range` joined with single spaces where needed, written straight into the string:
    /// its length is counted first, then the bytes are copied in. The tokens and the SQL are read
    /// through pointers (per-token array and slice accesses, and appending token by token to a
    /// byte array that was then copied into the string, were most of it).
    private func join(_ range: Range<Int>) -> String {
        guard let first = range.first else { return "" }
        return sql.withUnsafeBufferPointer { b in
            keys.withUnsafeBufferPointer { keys in
                /// Whether a space goes between token `k` and the one before it.
                func spaced(_ k: Int) -> Bool {
                    guard k != first else { return false }
                    let p = keys[k - 1].punct
                    let c = keys[k].punct
                    let tight = p == UInt8(ascii: "(") || c == UInt8(ascii: ")") || c == UInt8(ascii: ",") || c == UInt8(ascii: ".")
                        || p == UInt8(ascii: ".") || c == UInt8(ascii: "(") && keys[k - 1].isWord
                        || c == Key.castCode || p == Key.castCode
                    return !tight
                }
                var total = 0
                for k in range {
                    if spaced(k) { total += 1 }
                    if keys[k].isQuoted {
                        total += 2 + (quoted[k].map { $0.utf8.count } ?? keys[k].byteCount)
                    } else {
                        total += keys[k].byteCount
                    }
                }
                return String(unsafeUninitializedCapacity: total) { out in
                    var n = 0
                    func copy(_ start: Int, _ count: Int) {
                        guard count > 0 else { return }
                        (out.baseAddress! + n).initialize(from: b.baseAddress! + start, count: count)
                        n += count
                    }
                    for k in range {
                        if spaced(k) { out[n] = 0x20; n += 1 }
                        let key = keys[k]
                        if key.isQuoted {
                            out[n] = 0x22
                            n += 1
                            if let spelled = quoted[k] {
                                for byte in spelled.utf8 { out[n] = byte; n += 1 }
                            } else {
                                copy(key.start, key.byteCount)
                            }
                            out[n] = 0x22
                            n += 1
                        } else {
                            copy(key.start, key.byteCount)
                        }
                    }
                    return n
                }
            }
        }
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
        while !atEnd, punct != UInt8(ascii: ";") {
            if accept("as") {
                permissive = name() != "restrictive"
            } else if accept("for") {
                command = Policy.Command(rawValue: name()) ?? .all
            } else if accept("to") {
                roles.append(name())
                while punct == UInt8(ascii: ",") { i += 1; roles.append(name()) }
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
            guard i < keys.count, case let word = folded(i), let kind = Trigger.Event.Kind(rawValue: word) else { break }
            i += 1
            var columns: [String] = []
            if kind == .update, accept("of") {
                columns.append(name())
                while punct == UInt8(ascii: ",") { i += 1; columns.append(name()) }
            }
            events.append(Trigger.Event(kind, columns: columns))
        } while accept("or")
        guard accept("on") else { return nil }
        let table = qualifiedName()
        var level = Trigger.Level.statement
        var when: String?
        var function = QualifiedName(schema: defaultSchema, name: "")
        var arguments: [String] = []
        while !atEnd, punct != UInt8(ascii: ";") {
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
