import SchemaModel
import SourceScanning

/// Splits Python source into tokens in one pass over its bytes.
///
/// Produces `INDENT`/`DEDENT`/`NEWLINE` as Python does (implicit line joining inside brackets,
/// backslash continuation, blank and comment lines ignored), all string prefixes including
/// triple-quoted and f-strings, numbers, names and operators. It never throws: bad input becomes a
/// diagnostic and lexing goes on, and every loop advances, so it always terminates.
struct PythonLexer: ~Copyable {
    /// The file's bytes, borrowed for the lexer's lifetime (``tokenize(_:log:)``): reading through
    /// a buffer pointer skips the array's bounds checks in the loops that see every byte.
    private let bytes: UnsafeBufferPointer<UInt8>
    private let file: SourceFile
    /// ``nameContinueTable``, fetched once per file.
    private let continuesName = PythonLexer.nameContinueTable
    /// The tokens so far (see ``LexerBuffer``: appending to an array here cost a runtime call per token).
    private var tokens: LexerBuffer<PythonToken>
    private(set) var log: DiagnosticLog

    private var pos = 0
    private var indents: [Int] = [0]
    /// Offsets of the open brackets, innermost last.
    private var openers = LexerBuffer<Int>(capacity: 64)
    /// Lines lexed so far, to copy the tokens of lines that repeat them.
    private var repeated = RepeatedLines()
    private var logged: Int { log.diagnostics.count + log.suppressed }

    private init(file: SourceFile, bytes: UnsafeBufferPointer<UInt8>, log: DiagnosticLog, tokens: consuming LexerBuffer<PythonToken>) {
        self.bytes = bytes
        self.file = file
        self.log = log
        self.tokens = tokens
    }

    /// Tokenizes the whole file; the result always ends with `.eof`.
    static func tokenize(_ file: SourceFile, log: inout DiagnosticLog, maximumSize: Int = PythonToken.maximumOffset) -> [PythonToken] {
        tokenList(file, log: &log, maximumSize: maximumSize).array
    }

    /// Tokenizes the whole file into a list the parser reads in place; it always ends with `.eof`.
    /// The storage comes from `pool` when one is given (and goes back there with the list).
    ///
    /// A file larger than `maximumSize` (at most ``PythonToken/maximumOffset``, the largest offset
    /// a token holds) is not lexed: it gets one error and no tokens but `.eof`.
    static func tokenList(
        _ file: SourceFile, log: inout DiagnosticLog, maximumSize: Int = PythonToken.maximumOffset, pool: TokenBufferPool? = nil
    ) -> TokenList {
        let size = file.bytes.count
        // Most tokens are longer than four bytes, so this rarely grows.
        let capacity = size / 4 + 16
        let limit = min(maximumSize, PythonToken.maximumOffset)
        guard size <= limit else {
            log.error("file too large to read (\(size) bytes; at most \(limit))", at: file.location(at: 0))
            var storage = LexerBuffer<PythonToken>(capacity: 1)
            storage.append(PythonToken(kind: .eof, start: 0, end: 0))
            return TokenList(storage)
        }
        var after = log
        let tokens = file.bytes.withUnsafeBufferPointer { bytes in
            let storage = pool?.take(capacity: capacity) ?? LexerBuffer(capacity: capacity)
            var lexer = PythonLexer(file: file, bytes: bytes, log: after, tokens: storage)
            lexer.run()
            after = lexer.log
            return TokenList(lexer.tokens.take(), pool: pool)
        }
        log = after
        return tokens
    }

    private mutating func run() {
        var atLineStart = true
        let count = bytes.count
        while pos < count {
            if atLineStart {
                atLineStart = false
                if openers.isEmpty {
                    if !handleIndentation() { continue }
                    if let end = repeated.copy(at: pos, bytes: bytes, tokens: &tokens, logged: logged) {
                        pos = end
                        continue
                    }
                } else if recoverFromUnclosedBracket() {
                    continue
                }
            }
            let byte = bytes[pos]
            switch byte {
            case 0x20, 0x09, 0x0C, 0x0D:
                // Runs of spaces (alignment, indentation inside brackets) skipped here, not one
                // dispatch per byte.
                pos += 1
                while pos < count, bytes[pos] == 0x20 { pos += 1 }
            case 0x0A:  // \n
                if openers.isEmpty {
                    repeated.lineEnded(at: pos, tokens: tokens, logged: logged)
                    emitNewline(at: pos)
                }
                pos += 1
                atLineStart = true
            case 0x23:  // #
                while pos < count, bytes[pos] != 0x0A { pos += 1 }
            case 0x5C:  // backslash
                var next = pos + 1
                if next < count, bytes[next] == 0x0D { next += 1 }
                if next < count, bytes[next] == 0x0A {
                    pos = next + 1
                } else {
                    log.error("unexpected character '\\'", at: file.location(at: pos))
                    pos += 1
                }
            case 0x22, 0x27:  // " '
                lexString(start: pos, quoteAt: pos, raw: false, fString: false, bytesFlag: false)
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                // The most common operators, one byte long whatever follows, made here (as
                // ``lexOperator()`` would) without its call and dispatch.
                if openers.count < 10_000 { openers.append(pos) }
                emitSingleByteOperator(byte)
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                if openers.isEmpty {
                    lexOperator()  // reports the unmatched bracket
                } else {
                    openers.removeLast()
                    emitSingleByteOperator(byte)
                }
            case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "~"):
                emitSingleByteOperator(byte)
            case UInt8(ascii: ":"), UInt8(ascii: "="):
                if pos + 1 < count, bytes[pos + 1] == UInt8(ascii: "=") { lexOperator() } else { emitSingleByteOperator(byte) }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                lexNumber()
            case UInt8(ascii: "."):
                if pos + 1 < count, isDigit(bytes[pos + 1]) {
                    lexNumber()
                } else if pos + 1 < count, bytes[pos + 1] == UInt8(ascii: ".") {
                    lexOperator()  // perhaps `...`
                } else {
                    emitSingleByteOperator(byte)
                }
            default:
                if isNameStart(byte) { lexNameOrPrefixedString(count: count) } else { lexOperator() }
            }
        }
        if let innermost = openers.last {
            log.error("unclosed bracket at end of file", at: file.location(at: innermost))
            openers.removeAll()
        }
        emitNewline(at: count)
        while indents.count > 1 {
            indents.removeLast()
            tokens.append(PythonToken(kind: .dedent, start: count, end: count))
        }
        tokens.append(PythonToken(kind: .eof, start: count, end: count))
    }

    /// Appends the one-byte operator `byte` at ``pos`` and moves past it.
    @inline(__always)
    private mutating func emitSingleByteOperator(_ byte: UInt8) {
        tokens.append(PythonToken(op: UInt32(byte), start: pos, end: pos + 1))
        pos += 1
    }

    private mutating func emitNewline(at offset: Int) {
        guard let last = tokens.last, last.kind != .newline, last.kind != .indent, last.kind != .dedent else { return }
        tokens.append(PythonToken(kind: .newline, start: offset, end: offset))
    }

    /// Measures the indentation of a logical line and emits INDENT/DEDENT. Returns false when the line
    /// is blank or a comment (the caller then just continues scanning it).
    private mutating func handleIndentation() -> Bool {
        var width = 0
        var p = pos
        let count = bytes.count
        while p < count {
            switch bytes[p] {
            case 0x20: width += 1
            case 0x09: width = (width / 8 + 1) * 8
            case 0x0C: width = 0
            default: break
            }
            if bytes[p] != 0x20, bytes[p] != 0x09, bytes[p] != 0x0C { break }
            p += 1
        }
        if p >= count { pos = p; return false }
        let byte = bytes[p]
        if byte == 0x0A || byte == 0x23 || byte == 0x0D { pos = p; return false }
        if byte == 0x5C { pos = p; return true }  // continuation line: keep the current level
        pos = p
        let current = indents[indents.count - 1]
        if width > current {
            indents.append(width)
            tokens.append(PythonToken(kind: .indent, start: p, end: p))
        } else if width < current {
            while indents.count > 1, indents[indents.count - 1] > width {
                indents.removeLast()
                tokens.append(PythonToken(kind: .dedent, start: p, end: p))
            }
            if indents[indents.count - 1] != width {
                // Carry on at the enclosing level, so one bad line is one diagnostic.
                log.error("unindent does not match any outer indentation level", at: file.location(at: p))
            }
        }
        return true
    }

    /// Inside brackets, a line that starts in column 1 with `class`, `def`, `@`, `import` or `from`
    /// is almost surely a new statement after a forgotten `)`: report it and resynchronise there.
    private mutating func recoverFromUnclosedBracket() -> Bool {
        guard Self.startsStatementKeyword(bytes, at: pos) else { return false }
        log.error("unclosed bracket", at: file.location(at: openers[openers.count - 1]))
        openers.removeAll()
        if let last = tokens.last, last.kind != .newline {
            tokens.append(PythonToken(kind: .newline, start: pos, end: pos))
        }
        _ = handleIndentation()
        return true
    }

    /// Static, on the bytes alone: as a method it copied the whole lexer for every line inside brackets.
    private static func startsStatementKeyword(_ bytes: UnsafeBufferPointer<UInt8>, at p: Int) -> Bool {
        guard p < bytes.count else { return false }
        switch bytes[p] {
        case UInt8(ascii: "@"): return true
        case UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "i"), UInt8(ascii: "f"), UInt8(ascii: "a"): break
        default: return false  // the usual continuation line: no keyword can start here
        }
        for word in ["class ", "def ", "import ", "from ", "async def "] {
            var match = true
            var i = 0
            for b in word.utf8 {
                if p + i >= bytes.count || bytes[p + i] != b { match = false; break }
                i += 1
            }
            if match { return true }
        }
        return false
    }

    /// A name, or a string with a prefix (`r"..."`, `b'...'`, `rb"""..."""`, `f"..."`).
    ///
    /// The name is scanned first, in a local: a prefix is at most two letters from r, b, u, f (any
    /// case) directly before a quote, so a run of at most two such letters followed by a quote is
    /// a prefix, which is what looking for the quote after each letter found.
    @inline(__always)
    private mutating func lexNameOrPrefixedString(count: Int) {
        let start = pos
        var p = start &+ 1
        let base = bytes.baseAddress!  // a name start byte was read: the buffer is not empty
        while p < count, continuesName[Int(base[p])] { p &+= 1 }
        if p &- start <= 2, p < count, bytes[p] == 0x22 || bytes[p] == 0x27 {
            var raw = false, fString = false, bytesFlag = false, prefix = true
            for k in start..<p {
                switch bytes[k] | 0x20 {
                case UInt8(ascii: "r"): raw = true
                case UInt8(ascii: "f"): fString = true
                case UInt8(ascii: "b"): bytesFlag = true
                case UInt8(ascii: "u"): break
                default: prefix = false
                }
            }
            if prefix {
                lexString(start: start, quoteAt: p, raw: raw, fString: fString, bytesFlag: bytesFlag)
                return
            }
        }
        pos = p
        tokens.append(PythonToken(kind: .name, start: start, end: p))
    }

    private mutating func lexString(start: Int, quoteAt: Int, raw: Bool, fString: Bool, bytesFlag: Bool) {
        let quote = bytes[quoteAt]
        let count = bytes.count
        let triple = quoteAt + 2 < count && bytes[quoteAt + 1] == quote && bytes[quoteAt + 2] == quote
        var p = quoteAt + (triple ? 3 : 1)
        var closed = false
        var braceDepth = 0
        while p < count {
            // Plain strings (SQL in `DDL(...)`, names) are long runs of ordinary bytes: skip them
            // eight at a time up to the next byte that matters here.
            if !fString { p = Self.skipOrdinary(bytes, from: p, quote: quote) }
            guard p < count else { break }
            let b = bytes[p]
            if b == 0x5C {  // backslash escapes the next byte, even in raw strings (for lexing)
                p += 2
                continue
            }
            if fString {
                if b == UInt8(ascii: "{") {
                    if braceDepth == 0, p + 1 < count, bytes[p + 1] == b { p += 2; continue }
                    braceDepth += 1
                } else if b == UInt8(ascii: "}"), braceDepth > 0 {
                    braceDepth -= 1
                } else if braceDepth > 0, (b == 0x22 || b == 0x27), b != quote || triple {
                    p = skipNestedString(from: p)
                    continue
                }
            }
            if b == quote {
                if !triple { closed = true; p += 1; break }
                if p + 2 < count, bytes[p + 1] == quote, bytes[p + 2] == quote {
                    closed = true
                    p += 3
                    break
                }
            } else if b == 0x0A, !triple {
                break
            }
            p += 1
        }
        if !closed {
            let what = fString ? "f-string" : (triple ? "triple-quoted string" : "string")
            log.error("unterminated \(what)", at: file.location(at: start))
            // The content runs to the end of the token (a backslash last may have stepped past it).
            p = min(p, count)
        }
        pos = p
        tokens.append(
            PythonToken(
                stringFrom: start, to: p, prefixLength: quoteAt - start, triple: triple, closed: closed,
                raw: raw, fString: fString, bytes: bytesFlag))
    }

    /// Skips a simple string nested in an f-string replacement field; returns the offset after it.
    private func skipNestedString(from start: Int) -> Int {
        let quote = bytes[start]
        var p = start + 1
        while p < bytes.count {
            let b = bytes[p]
            if b == 0x5C { p += 2; continue }
            if b == quote { return p + 1 }
            if b == 0x0A { return p }
            p += 1
        }
        return bytes.count
    }

    private mutating func lexNumber() {
        let start = pos
        let count = bytes.count
        var isHex = false
        if bytes[pos] == UInt8(ascii: "0"), pos + 1 < count, bytes[pos + 1] | 0x20 == UInt8(ascii: "x") { isHex = true }
        pos += 1
        while pos < count {
            let b = bytes[pos]
            if Self.isNameContinue(b) || b == UInt8(ascii: ".") {
                if !isHex, b | 0x20 == UInt8(ascii: "e"), pos + 1 < count,
                    bytes[pos + 1] == UInt8(ascii: "+") || bytes[pos + 1] == UInt8(ascii: "-")
                {
                    pos += 2
                    continue
                }
                pos += 1
            } else {
                break
            }
        }
        tokens.append(PythonToken(kind: .number, start: start, end: pos))
    }

    private mutating func lexOperator() {
        let start = pos
        let count = bytes.count
        let b0 = bytes[pos]
        let b1: UInt8 = pos + 1 < count ? bytes[pos + 1] : 0
        let b2: UInt8 = pos + 2 < count ? bytes[pos + 2] : 0
        var length = 1
        switch b0 {
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
            if openers.count < 10_000 { openers.append(pos) }
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            if openers.isEmpty {
                log.error("unmatched '\(Character(Unicode.Scalar(b0)))'", at: file.location(at: pos))
            } else {
                openers.removeLast()
            }
        case UInt8(ascii: "."):
            if b1 == b0, b2 == b0 { length = 3 }
        case UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "<"), UInt8(ascii: ">"):
            if b1 == b0 { length = b2 == UInt8(ascii: "=") ? 3 : 2 } else if b1 == UInt8(ascii: "=") { length = 2 }
            if b0 == UInt8(ascii: "<"), b1 == UInt8(ascii: ">") { length = 2 }
        case UInt8(ascii: "-"):
            if b1 == UInt8(ascii: ">") || b1 == UInt8(ascii: "=") { length = 2 }
        case UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "+"), UInt8(ascii: "%"),
            UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "@"):
            if b1 == UInt8(ascii: "=") { length = 2 }
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "~"):
            break
        default:
            log.error("unexpected character", at: file.location(at: pos))
            pos += 1
            // Skip the rest of a multi-byte UTF-8 sequence so one bad character is one diagnostic.
            while pos < count, bytes[pos] & 0xC0 == 0x80 { pos += 1 }
            return
        }
        var code: UInt32 = 0
        for i in 0..<length { code = code << 8 | UInt32(bytes[start + i]) }
        pos += length
        tokens.append(PythonToken(op: code, start: start, end: pos))
    }

    @inline(__always) private func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) private func isNameStart(_ b: UInt8) -> Bool {
        (b | 0x20) &- 0x61 < 26 || b == 0x5F || b >= 0x80
    }
    /// Letters, digits, `_` and every non-ASCII byte.
    @inline(__always) static func isNameContinue(_ b: UInt8) -> Bool {
        (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 || b == 0x5F || b >= 0x80
    }

    /// For each byte value, whether it continues a name (``isNameContinue(_:)``): one load per
    /// byte in the loop that scans names, where the range tests cost a dozen instructions.
    /// Made once, never written afterwards and never freed, so reading it from any thread is safe.
    nonisolated(unsafe) static let nameContinueTable: UnsafePointer<Bool> = {
        let table = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
        for b in 0..<256 { table[b] = isNameContinue(UInt8(b)) }
        return UnsafePointer(table)
    }()
}
