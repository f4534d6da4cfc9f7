import SchemaModel

/// The DDL reader's tokenizer: SQL bytes to ``DDLParser/Key``s (and ``DDLParser/Token``s for
/// callers that want the spellings, such as CHECK column detection).
extension DDLParser {
    /// A token as the parser sees it: where its spelling is, and what the parser tests about it
    /// over and over, computed once from its bytes. Plain data, so tests neither build nor touch a
    /// `String` nor retain anything; spellings become `String`s only when kept. (Comparing `String`s,
    /// one `String` per token and variadic keyword lists per test made this parser the costliest
    /// part of reading models with DDL listeners.)
    ///
    /// Thirty-two bytes (32-bit offsets: ``scan(_:)`` takes no SQL of 4 GiB or more), as a listener's
    /// SQL makes one key per few bytes.
    struct Key {
        private var startOffset: UInt32
        private var endOffset: UInt32
        /// Byte range of the spelling in the SQL (quoted identifiers: without the quotes).
        var start: Int { Int(startOffset) }
        var end: Int { Int(endOffset) }
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

        /// Takes in byte `j` of an unquoted word's spelling: notes whether it needs folding and packs
        /// the first 16 bytes for keyword tests.
        @inline(__always)
        mutating func absorb(_ byte: UInt8, at j: Int) {
            if byte >= 0x80 || byte &- 0x41 < 26 { needsFolding = true }
            if j < 8 {
                packed0 |= UInt64(byte | 0x20) << (8 * UInt64(j))
            } else if j < 16 {
                packed1 |= UInt64(byte | 0x20) << (8 * UInt64(j - 8))
            }
        }

        init(start: Int, end: Int, isWord: Bool, isQuoted: Bool) {
            startOffset = UInt32(truncatingIfNeeded: start)
            endOffset = UInt32(truncatingIfNeeded: end)
            self.isWord = isWord
            self.isQuoted = isQuoted
        }

        init(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, isWord: Bool, isQuoted: Bool) {
            startOffset = UInt32(truncatingIfNeeded: start)
            endOffset = UInt32(truncatingIfNeeded: end)
            self.isWord = isWord
            self.isQuoted = isQuoted
            let count = end - start
            if count == 1 {
                punct = b[start]
            } else if count == 2, b[start] == 0x3A, b[start + 1] == 0x3A {
                punct = Self.castCode
            }
            guard isWord, !isQuoted else { return }
            for k in start..<end { absorb(b[k], at: k - start) }
        }
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

    /// The tokens of `b` as ``Key``s, and the spellings of quoted identifiers by token index; none
    /// for SQL of ``maximumSize`` bytes or more (offsets are 32-bit; no model file holds such a string).
    static func scan(_ bytes: [UInt8]) -> (keys: [Key], quoted: [Int: String]) {
        guard bytes.count <= maximumSize else { return ([], [:]) }
        return scanChecked(bytes)
    }

    /// The largest SQL ``scan(_:)`` reads.
    static let maximumSize = Int(UInt32.max)

    private static func scanChecked(_ bytes: [UInt8]) -> (keys: [Key], quoted: [Int: String]) {
        // The byte table through a pointer: indexing the array checked its bounds at every byte.
        WordBytes.classes.withUnsafeBufferPointer { classes in
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
                    // Words are most tokens: find the end and note capitals by table, then pack.
                    let start = k
                    var folds: UInt8 = 0
                    while k < n {
                        let kind = classes[Int(b[k])]
                        if kind == 0 { break }
                        folds |= kind
                        k += 1
                    }
                    keys.append(Key(word: b, start, k, needsFolding: folds & WordBytes.folds != 0))
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
    }
}
