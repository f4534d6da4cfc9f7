/// One pass of the lexer over a file; see ``TSLexer``.
enum TSScan {
    /// Keywords after which an expression (and so a regex) may start.
    static let regexKeywords: [StaticString] = [
        "return", "typeof", "case", "in", "of", "new", "delete", "void", "throw", "instanceof", "yield", "await",
        "else", "do",
    ]

    /// Whether the identifier `p[start..<end]` is one of ``regexKeywords``.
    static func isRegexKeyword(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let length = end - start
        guard length >= 2 && length <= 10 else { return false }
        for word in regexKeywords where word.utf8CodeUnitCount == length {
            var k = 0
            while k < length && p[start + k] == word.utf8Start[k] { k += 1 }
            if k == length { return true }
        }
        return false
    }

    static func bracketText(_ c: UInt8) -> String { "unbalanced '\(Character(UnicodeScalar(c)))'" }

    @inline(__always)
    static func report(_ list: inout [TSLexer.Problem], _ offset: Int, _ message: String) {
        if list.count < 50 { list.append(TSLexer.Problem(offset: offset, message: message, isError: true)) }
    }

    /// Writes a token (its storage was checked to have room) and clears the newline flag.
    @inline(__always)
    static func put(_ tokens: UnsafeMutablePointer<TSToken>, _ used: inout Int, _ newline: inout Bool, _ kind: TSTokenKind,
                    _ start: Int, _ end: Int, _ punct: UInt32 = 0, opening: Bool = false) {
        (tokens + used).initialize(to: TSToken(kind: kind, newlineBefore: newline, start: Int32(truncatingIfNeeded: start),
                                              end: Int32(truncatingIfNeeded: end), punct: punct, opening: opening))
        used &+= 1
        newline = false
    }

    /// Whether a `/` after the `used` tokens so far starts a regular expression.
    static func regexAllowed(_ tokens: UnsafeMutablePointer<TSToken>, _ used: Int, _ p: UnsafePointer<UInt8>) -> Bool {
        guard used > 0 else { return true }
        let last = tokens[used - 1]
        switch last.kind {
        case .number, .string, .regex, .templateFull, .templateTail: return false
        case .identifier: return isRegexKeyword(p, Int(last.start), Int(last.end))
        case .punct: return !(last.punct == P.rparen || last.punct == P.rbracket || last.punct == P.rbrace)
        default: return true
        }
    }

    /// The length of the punctuator starting with `c` at `i`: the longest match among the multi-byte
    /// punctuators the parser cares about.
    @inline(__always)
    static func punctLength(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int, _ c: UInt8) -> Int {
        guard i + 1 < n else { return 1 }
        let d = p[i + 1]
        let e: UInt8 = i + 2 < n ? p[i + 2] : 0
        switch c {
        case 46: if d == 46 && e == 46 { return 3 }
        case 61: if d == 62 { return 2 } else if d == 61 { return e == 61 ? 3 : 2 }
        case 33: if d == 61 { return e == 61 ? 3 : 2 }
        case 63: if d == 63 { return e == 61 ? 3 : 2 } else if d == 46 && !(e >= 48 && e <= 57) { return 2 }
        case 38: if d == 38 { return e == 61 ? 3 : 2 } else if d == 61 { return 2 }
        case 124: if d == 124 { return e == 61 ? 3 : 2 } else if d == 61 { return 2 }
        case 42: if d == 42 { return e == 61 ? 3 : 2 } else if d == 61 { return 2 }
        case 43: if d == 43 || d == 61 { return 2 }
        case 45: if d == 45 || d == 61 { return 2 }
        case 60: if d == 61 { return 2 } else if d == 60 { return e == 61 ? 3 : 2 }
        case 37, 94, 47: if d == 61 { return 2 }
        default: break
        }
        return 1
    }

    /// Pairs the closing bracket `c`, just written as token `used - 1`, with its opening bracket.
    static func close(_ c: UInt8, _ start: Int, _ tokens: UnsafeMutablePointer<TSToken>, _ used: Int, _ p: UnsafePointer<UInt8>,
                      _ open: inout [Int32], _ problems: inout [TSLexer.Problem]) {
        let want: UInt8 = c == 41 ? 40 : (c == 93 ? 91 : 123)
        if let top = open.last, top != templateMark, p[Int(tokens[Int(top)].start)] == want {
            open.removeLast()
            tokens[Int(top)].match = Int32(truncatingIfNeeded: used - 1)
        } else if let index = open.lastIndex(where: { $0 != templateMark && p[Int(tokens[Int($0)].start)] == want }),
            !open[index...].contains(templateMark)
        {
            // Close the matching bracket; the ones opened after it were never closed.
            for unclosed in open[(index + 1)...] {
                report(&problems, Int(tokens[Int(unclosed)].start), bracketText(p[Int(tokens[Int(unclosed)].start)]))
            }
            tokens[Int(open[index])].match = Int32(truncatingIfNeeded: used - 1)
            open.removeSubrange(index...)
        } else {
            report(&problems, start, bracketText(c))
        }
    }

    /// Marks a template substitution on the stack of open brackets.
    static let templateMark: Int32 = -1

    /// Lexes `b` into `out` (uninitialized storage); false when `out` was too small.
    // swiftlint:disable:next function_body_length cyclomatic_complexity
    static func run(
        _ b: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<TSToken>, count: inout Int,
        problems: inout [TSLexer.Problem]
    ) -> Bool {
        let n = b.count
        let capacity = out.count
        guard capacity >= 2, let tokens = out.baseAddress else { return false }
        guard n > 0, let p = b.baseAddress else {
            (tokens + 0).initialize(to: TSToken(kind: .eof, newlineBefore: true, start: 0, end: 0))
            count = 1
            return true
        }
        let (used, list, complete) = TSByteClass.table.withUnsafeBufferPointer { table in
            scan(p, n, tokens, capacity, table.baseAddress!)
        }
        count = used
        problems = list
        return complete
    }

    // swiftlint:disable:next function_body_length cyclomatic_complexity
    static func scan(_ p: UnsafePointer<UInt8>, _ n: Int, _ tokens: UnsafeMutablePointer<TSToken>, _ capacity: Int,
                     _ cls: UnsafePointer<UInt8>) -> (Int, [TSLexer.Problem], Bool) {
        var problems: [TSLexer.Problem] = []
        var used = 0  // tokens written
        var i = 0
        var newline = true
        /// Open bracket token indices; template substitutions are marked with ``templateMark``.
        var open: [Int32] = []
        open.reserveCapacity(64)
        var templateDepth = 0

        while i < n {
            // Every iteration writes at most one token; one slot stays free for the end token.
            if used >= capacity - 1 { return (used, problems, false) }
            let c = p[i]
            let start = i
            /// 1: template text after a backtick, 2: after a `}` that closes a substitution.
            var template = 0
            // Literal cases (the values of ``TSByteClass``) so the switch is a jump table.
            switch cls[Int(c)] & 0x0F {
            case 1:  // TSByteClass.space
                i += 1
                while i < n && cls[Int(p[i])] == TSByteClass.space { i += 1 }
                continue
            case 2:  // TSByteClass.newline
                newline = true
                i += 1
                while i < n && cls[Int(p[i])] &- 1 < 2 { i += 1 }  // spaces and line breaks
                continue
            case 3:  // TSByteClass.identStart
                i += 1
                while i < n && cls[Int(p[i])] >= 0x80 { i += 1 }
                put(tokens, &used, &newline, .identifier, start, i)
                if i < n && p[i] == 32 { i += 1 }  // the usual space after a name, without a dispatch
                continue
            case 4:  // TSByteClass.digit
                i += 1
                scanNumber(p, n, start, &i, cls)
                put(tokens, &used, &newline, .number, start, i)
                continue
            case 8:  // TSByteClass.dot
                if i + 1 < n && p[i + 1] >= 48 && p[i + 1] <= 57 {
                    i += 1
                    scanNumber(p, n, start, &i, cls)
                    put(tokens, &used, &newline, .number, start, i)
                    continue
                }
            case 5:  // TSByteClass.quote
                i += 1
                var closed = false
                while i < n {
                    let d = p[i]
                    if d == 92 { i += 2; continue }
                    if d == c { i += 1; closed = true; break }
                    if d == 10 { break }
                    i += 1
                }
                if i > n { i = n }
                if !closed { report(&problems, start, "unterminated string literal") }
                put(tokens, &used, &newline, .string, start, i)
                continue
            case 6:  // TSByteClass.backtick
                i += 1
                template = 1
            case 7:  // TSByteClass.slash
                if i + 1 < n && p[i + 1] == 47 {  // line comment
                    while i < n && p[i] != 10 { i += 1 }
                    continue
                }
                if i + 1 < n && p[i + 1] == 42 {  // block comment
                    i += 2
                    var closed = false
                    while i + 1 < n {
                        if p[i] == 42 && p[i + 1] == 47 { i += 2; closed = true; break }
                        if p[i] == 10 { newline = true }
                        i += 1
                    }
                    if !closed { report(&problems, start, "unterminated comment"); i = n }
                    continue
                }
                if regexAllowed(tokens, used, p) {
                    var j = i + 1
                    var inClass = false
                    var ok = false
                    while j < n {
                        let d = p[j]
                        if d == 10 { break }
                        if d == 92 { j += 2; continue }
                        if d == 91 { inClass = true } else if d == 93 { inClass = false } else if d == 47 && !inClass { ok = true; break }
                        j += 1
                    }
                    if ok {
                        i = j + 1
                        while i < n && cls[Int(p[i])] >= 0x80 { i += 1 }
                        put(tokens, &used, &newline, .regex, start, i)
                        continue
                    }
                }
            case 9:  // TSByteClass.rbrace
                // A closing brace that resumes a template literal.
                if templateDepth > 0, open.last == templateMark {
                    open.removeLast()
                    templateDepth -= 1
                    i += 1
                    template = 2
                }
            case 10:  // TSByteClass.opening
                i += 1
                put(tokens, &used, &newline, .punct, start, i, UInt32(c), opening: true)
                open.append(Int32(truncatingIfNeeded: used - 1))
                continue
            case 11:  // TSByteClass.closing
                i += 1
                put(tokens, &used, &newline, .punct, start, i, UInt32(c))
                close(c, start, tokens, used, p, &open, &problems)
                continue
            case 12:  // TSByteClass.single
                i += 1
                put(tokens, &used, &newline, .punct, start, i, UInt32(c))
                if i < n && p[i] == 32 { i += 1 }  // the usual space after `,` or `:`
                continue
            default:
                break
            }
            if template != 0 {
                // Template text up to the closing backtick or a `${`.
                let head = template == 1
                var j = i
                var done = false
                while j < n {
                    let d = p[j]
                    if d == 92 { j += 2; continue }  // backslash escape
                    if d == 96 {  // closing backtick
                        i = j + 1
                        put(tokens, &used, &newline, head ? .templateFull : .templateTail, start, i)
                        done = true
                        break
                    }
                    if d == 36, j + 1 < n, p[j + 1] == 123 {  // ${
                        i = j + 2
                        put(tokens, &used, &newline, head ? .templateHead : .templateMiddle, start, i)
                        open.append(templateMark)
                        templateDepth += 1
                        done = true
                        break
                    }
                    j += 1
                }
                if !done {
                    report(&problems, start, "unterminated template literal")
                    i = n
                    put(tokens, &used, &newline, head ? .templateFull : .templateTail, start, n)
                }
                continue
            }
            // Punctuation, and bracket pairing.
            let length = punctLength(p, n, i, c)
            if length > 1 {
                var code: UInt32 = 0
                for k in 0..<length { code |= UInt32(p[i + k]) << (8 * UInt32(k)) }
                i += length
                put(tokens, &used, &newline, .punct, start, i, code)
                continue
            }
            i += 1
            let opening = c == 40 || c == 91 || c == 123
            put(tokens, &used, &newline, .punct, start, i, UInt32(c), opening: opening)
            if opening {
                open.append(Int32(truncatingIfNeeded: used - 1))
            } else if c == 41 || c == 93 || c == 125 {
                close(c, start, tokens, used, p, &open, &problems)
            }
        }
        for unclosed in open where unclosed != templateMark {
            report(&problems, Int(tokens[Int(unclosed)].start), bracketText(p[Int(tokens[Int(unclosed)].start)]))
        }
        (tokens + used).initialize(to: TSToken(kind: .eof, newlineBefore: true, start: Int32(truncatingIfNeeded: n),
                                               end: Int32(truncatingIfNeeded: n)))
        return (used + 1, problems, true)
    }

    /// The rest of a number literal from `i` (its first byte already taken): identifier bytes, dots,
    /// and a sign after an exponent `e` (not in hexadecimal, where `e` is a digit).
    @inline(__always)
    static func scanNumber(_ p: UnsafePointer<UInt8>, _ n: Int, _ start: Int, _ i: inout Int, _ cls: UnsafePointer<UInt8>) {
        while i < n {
            let d = p[i]
            if cls[Int(d)] >= 0x80 || d == 46 { i += 1; continue }
            if (d == 43 || d == 45) && (p[i - 1] == 101 || p[i - 1] == 69) && !(p[start] == 48 && start + 1 < n && (p[start + 1] | 0x20) == 120) { i += 1; continue }
            break
        }
    }
}
