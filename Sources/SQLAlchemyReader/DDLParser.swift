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

    /// A token as the parser sees it: where its spelling is, and what the parser tests about it
    /// over and over, computed once from its bytes. Plain data, so tests neither build nor touch a
    /// `String` nor retain anything; spellings become `String`s only when kept. (Comparing `String`s,
    /// one `String` per token and variadic keyword lists per test made this parser the costliest
    /// part of reading models with DDL listeners.)
    struct Key {
        /// Byte range of the spelling in the SQL (quoted identifiers: without the quotes).
        var start: Int
        var end: Int
        var isWord: Bool
        var isQuoted: Bool
        /// Whether folding the spelling changes it (an ASCII capital) or needs Unicode rules.
        var needsFolding = false
        /// The byte of a one-byte spelling (`;`, `(`, `,` ...), ``castCode`` for `::`, else 0.
        var punct: UInt8 = 0
        /// For unquoted words of up to 16 bytes: the bytes with bit 5 set (`| 0x20`), for keyword tests.
        var packed0: UInt64 = 0
        var packed1: UInt64 = 0

        var byteCount: Int { end - start }

        /// The ``punct`` code of `::` (no one-byte spelling has it: those are ASCII).
        static let castCode: UInt8 = 0xFF

        init(start: Int, end: Int, isWord: Bool, isQuoted: Bool) {
            self.start = start
            self.end = end
            self.isWord = isWord
            self.isQuoted = isQuoted
        }

        init(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, isWord: Bool, isQuoted: Bool) {
            self.start = start
            self.end = end
            self.isWord = isWord
            self.isQuoted = isQuoted
            let count = end - start
            if count == 1 {
                punct = b[start]
            } else if count == 2, b[start] == 0x3A, b[start + 1] == 0x3A {
                punct = Self.castCode
            }
            guard isWord, !isQuoted else { return }
            var fold = false
            for k in start..<end {
                let byte = b[k]
                if byte >= 0x80 || byte &- 0x41 < 26 { fold = true }
                let j = k - start
                if j < 8 {
                    packed0 |= UInt64(byte | 0x20) << (8 * UInt64(j))
                } else if j < 16 {
                    packed1 |= UInt64(byte | 0x20) << (8 * UInt64(j - 8))
                }
            }
            needsFolding = fold
        }
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

    /// Splits SQL into words, quoted identifiers, string literals, dollar-quoted bodies, punctuation.
    /// Works on UTF-8 bytes: every byte of a multi-byte character counts as a word character.
    static func tokenize(_ sql: String) -> [Token] {
        let b = Array(sql.utf8)
        let (keys, quoted) = scan(b)
        return keys.indices.map { k in
            let key = keys[k]
            let text = quoted[k] ?? String(decoding: b[key.start..<key.end], as: UTF8.self)
            return Token(text: text, isWord: key.isWord, isQuoted: key.isQuoted)
        }
    }

    /// The tokens of `b` as ``Key``s, and the spellings of quoted identifiers by token index.
    static func scan(_ bytes: [UInt8]) -> (keys: [Key], quoted: [Int: String]) {
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var keys: [Key] = []
            var quoted: [Int: String] = [:]
            keys.reserveCapacity(n / 4)
            func isWordByte(_ c: UInt8) -> Bool {
                (c | 0x20) &- 0x61 < 26 || c &- 0x30 < 10 || c == 0x5F || c == 0x24 || c >= 0x80
            }
            func add(_ start: Int, _ end: Int, isWord: Bool, isQuoted: Bool = false) {
                keys.append(Key(b, start, end, isWord: isWord, isQuoted: isQuoted))
            }
            var k = 0
            while k < n {
                let c = b[k]
                if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C { k += 1; continue }
                if c == 0x2D, k + 1 < n, b[k + 1] == 0x2D {  // -- comment
                    while k < n, b[k] != 0x0A { k += 1 }
                    continue
                }
                if isWordByte(c), c != 0x24, c &- 0x30 >= 10 {
                    // Words are most tokens: scan, pack and note capitals in one pass.
                    let start = k
                    var key = Key(start: start, end: start, isWord: true, isQuoted: false)
                    var fold = false
                    var packed0: UInt64 = 0
                    var packed1: UInt64 = 0
                    while k < n {
                        let byte = b[k]
                        guard isWordByte(byte) else { break }
                        if byte >= 0x80 || byte &- 0x41 < 26 { fold = true }
                        let j = k - start
                        if j < 8 {
                            packed0 |= UInt64(byte | 0x20) << (8 * UInt64(j))
                        } else if j < 16 {
                            packed1 |= UInt64(byte | 0x20) << (8 * UInt64(j - 8))
                        }
                        k += 1
                    }
                    key.end = k
                    key.needsFolding = fold
                    key.packed0 = packed0
                    key.packed1 = packed1
                    if k - start == 1 { key.punct = b[start] }
                    keys.append(key)
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
                        let inner = String(decoding: UnsafeBufferPointer(rebasing: b[(start + 1)..<max(start + 1, k - 1)]), as: UTF8.self)
                        quoted[keys.count] = inner.replacingBytes("\"\"", with: "\"")
                        add(start + 1, max(start + 1, k - 1), isWord: true, isQuoted: true)
                        // The spelling may differ from the bytes (doubled quotes): recompute its code.
                        let spelled = Array(quoted[keys.count - 1]!.utf8)
                        keys[keys.count - 1].punct = spelled.count == 1 ? spelled[0] : (spelled == [0x3A, 0x3A] ? Key.castCode : 0)
                    } else {
                        add(start, k, isWord: false)
                    }
                    continue
                }
                if c == 0x24 {  // $tag$ ... $tag$
                    var tagEnd = k + 1
                    while tagEnd < n, b[tagEnd] != 0x24, isWordByte(b[tagEnd]), b[tagEnd] &- 0x30 >= 10 { tagEnd += 1 }
                    if tagEnd < n, b[tagEnd] == 0x24 {
                        let tagCount = tagEnd - k + 1
                        var m = tagEnd + 1
                        var closed = n
                        search: while m + tagCount <= n {
                            if b[m] == 0x24 {
                                var j = 1
                                while j < tagCount, b[m + j] == b[k + j] { j += 1 }
                                if j == tagCount { closed = m + tagCount; break search }
                            }
                            m += 1
                        }
                        add(k, closed, isWord: false)
                        k = closed
                        continue
                    }
                }
                if c == 0x3A, k + 1 < n, b[k + 1] == 0x3A {
                    add(k, k + 2, isWord: false)
                    k += 2
                    continue
                }
                if c &- 0x30 < 10 {
                    let start = k
                    while k < n, b[k] &- 0x30 < 10 || b[k] == 0x2E { k += 1 }
                    add(start, k, isWord: false)
                    continue
                }
                add(k, k + 1, isWord: false)
                k += 1
            }
            return (keys, quoted)
        }
    }

    private var atEnd: Bool { i >= keys.count }
    /// The ``Token/punct`` code of the current token, 0 at the end.
    private var punct: UInt8 { i < keys.count ? keys[i].punct : 0 }

    /// Whether the token `offset` ahead is the unquoted keyword `word` (lower-case ASCII letters),
    /// compared ASCII case-insensitively without touching the token's `String`.
    private func isWord(_ word: StaticString, _ offset: Int = 0) -> Bool {
        let k = i + offset
        guard k < keys.count else { return false }
        let t = keys[k]
        let count = word.utf8CodeUnitCount
        guard t.isWord, !t.isQuoted, t.byteCount == count, count <= 16 else { return false }
        let pointer = word.utf8Start
        for j in 0..<count {
            let packed = j < 8 ? t.packed0 >> (8 * UInt64(j)) : t.packed1 >> (8 * UInt64(j - 8))
            if UInt8(truncatingIfNeeded: packed) != pointer[j] { return false }
        }
        return true
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

    private func append(_ key: Key, to out: inout [UInt8]) {
        sql.withUnsafeBufferPointer { b in out.append(contentsOf: UnsafeBufferPointer(rebasing: b[key.start..<key.end])) }
    }

    /// Tokens `range` joined with single spaces where needed, built in one byte buffer.
    private func join(_ range: Range<Int>) -> String {
        var out: [UInt8] = []
        if let first = range.first, let last = range.last { out.reserveCapacity(keys[last].end - keys[first].start + 16) }
        var previous: UInt8?
        var previousIsWord = false
        for k in range {
            let key = keys[k]
            if let p = previous {
                let c = key.punct
                let tight = p == UInt8(ascii: "(") || c == UInt8(ascii: ")") || c == UInt8(ascii: ",") || c == UInt8(ascii: ".")
                    || p == UInt8(ascii: ".") || c == UInt8(ascii: "(") && previousIsWord
                    || c == Key.castCode || p == Key.castCode
                if !tight { out.append(0x20) }
            }
            if key.isQuoted {
                out.append(0x22)
                if let spelled = quoted[k] { out += spelled.utf8 } else { append(key, to: &out) }
                out.append(0x22)
            } else {
                append(key, to: &out)
            }
            previous = key.punct
            previousIsWord = key.isWord
        }
        return String(decoding: out, as: UTF8.self)
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
