/// A fast, total TypeScript lexer over UTF-8 bytes.
///
/// It never throws and always advances, so it terminates on any input: bad input becomes a problem
/// report (unterminated string, template or comment; unbalanced bracket) and lexing goes on. It also
/// pairs brackets so the parser can skip a balanced group in O(1).
struct TSLexer {
    /// A problem found while lexing, at a byte offset.
    struct Problem: Sendable {
        var offset: Int
        var message: String
        var isError: Bool
    }

    private(set) var tokens: [TSToken] = []
    private(set) var problems: [Problem] = []

    /// Lexes `bytes` completely.
    static func lex(_ bytes: [UInt8]) -> TSLexer {
        var lexer = TSLexer()
        bytes.withUnsafeBufferPointer { lexer.run($0) }
        return lexer
    }

    private mutating func report(_ offset: Int, _ message: String, error: Bool = true) {
        if problems.count < 50 { problems.append(Problem(offset: offset, message: message, isError: error)) }
    }

    // Lexer state, kept in stored properties (not captured locals) so the hot loop stays fast.
    private var i = 0
    private var newline = true
    /// Open bracket token indices; template substitutions are marked with `templateMark`.
    private var open: [Int] = []
    private var templateDepth = 0
    private let templateMark = -1

    @inline(__always) private static func isIdentStart(_ c: UInt8) -> Bool {
        (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95 || c == 36 || c >= 0x80
    }

    @inline(__always) private static func isIdentPart(_ c: UInt8) -> Bool {
        isIdentStart(c) || (c >= 48 && c <= 57)
    }

    @inline(__always) private mutating func push(_ kind: TSTokenKind, _ start: Int, _ end: Int, _ punct: UInt32 = 0) {
        tokens.append(TSToken(kind: kind, newlineBefore: newline, start: Int32(start), end: Int32(end), punct: punct, match: -1))
        newline = false
    }

    /// Scans template text starting after `` ` `` or `}`, up to the closing backtick or a `${`.
    private mutating func scanTemplate(_ b: UnsafeBufferPointer<UInt8>, from start: Int, head: Bool) {
        let n = b.count
        var j = i
        while j < n {
            let c = b[j]
            if c == 92 { j += 2; continue }  // backslash escape
            if c == 96 {  // closing backtick
                i = j + 1
                push(head ? .templateFull : .templateTail, start, i)
                return
            }
            if c == 36, j + 1 < n, b[j + 1] == 123 {  // ${
                i = j + 2
                push(head ? .templateHead : .templateMiddle, start, i)
                open.append(templateMark)
                templateDepth += 1
                return
            }
            j += 1
        }
        report(start, "unterminated template literal")
        i = n
        push(head ? .templateFull : .templateTail, start, n)
    }

    private func regexAllowed(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = tokens.last else { return true }
        switch last.kind {
        case .number, .string, .regex, .templateFull, .templateTail: return false
        case .identifier:
            let length = last.end - last.start
            // Keywords after which an expression (and so a regex) may start.
            if length >= 2 && length <= 10 {
                let word = String(decoding: UnsafeBufferPointer(rebasing: b[Int(last.start)..<Int(last.end)]), as: UTF8.self)
                return ["return", "typeof", "case", "in", "of", "new", "delete", "void", "throw", "instanceof", "yield", "await", "else", "do"].contains(word)
            }
            return false
        case .punct:
            return !(last.punct == P.rparen || last.punct == P.rbracket || last.punct == P.rbrace)
        default: return true
        }
    }

    // swiftlint:disable:next function_body_length cyclomatic_complexity
    private mutating func run(_ b: UnsafeBufferPointer<UInt8>) {
        let n = b.count
        tokens.reserveCapacity(n / 4 + 16)
        let isIdentStart = TSLexer.isIdentStart
        let isIdentPart = TSLexer.isIdentPart

        while i < n {
            let c = b[i]
            // White space and line breaks.
            if c == 10 { newline = true; i += 1; continue }
            if c == 32 || c == 9 || c == 13 || c == 11 || c == 12 { i += 1; continue }
            let start = i
            if isIdentStart(c) || c == 35 /* # */ {
                i += 1
                while i < n && isIdentPart(b[i]) { i += 1 }
                push(.identifier, start, i)
                continue
            }
            if c >= 48 && c <= 57 || (c == 46 && i + 1 < n && b[i + 1] >= 48 && b[i + 1] <= 57) {
                i += 1
                while i < n {
                    let d = b[i]
                    if isIdentPart(d) || d == 46 { i += 1; continue }
                    if (d == 43 || d == 45) && (b[i - 1] == 101 || b[i - 1] == 69) && !(b[start] == 48 && start + 1 < n && (b[start + 1] | 0x20) == 120) { i += 1; continue }
                    break
                }
                push(.number, start, i)
                continue
            }
            if c == 34 || c == 39 {  // " or '
                i += 1
                var closed = false
                while i < n {
                    let d = b[i]
                    if d == 92 { i += 2; continue }
                    if d == c { i += 1; closed = true; break }
                    if d == 10 { break }
                    i += 1
                }
                if i > n { i = n }
                if !closed { report(start, "unterminated string literal") }
                push(.string, start, i)
                continue
            }
            if c == 96 {  // `
                i += 1
                scanTemplate(b, from: start, head: true)
                continue
            }
            if c == 47 {  // /
                if i + 1 < n && b[i + 1] == 47 {
                    while i < n && b[i] != 10 { i += 1 }
                    continue
                }
                if i + 1 < n && b[i + 1] == 42 {
                    i += 2
                    var closed = false
                    while i + 1 < n {
                        if b[i] == 42 && b[i + 1] == 47 { i += 2; closed = true; break }
                        if b[i] == 10 { newline = true }
                        i += 1
                    }
                    if !closed { report(start, "unterminated comment"); i = n }
                    continue
                }
                if regexAllowed(b) {
                    var j = i + 1
                    var inClass = false
                    var ok = false
                    while j < n {
                        let d = b[j]
                        if d == 10 { break }
                        if d == 92 { j += 2; continue }
                        if d == 91 { inClass = true } else if d == 93 { inClass = false } else if d == 47 && !inClass { ok = true; break }
                        j += 1
                    }
                    if ok {
                        i = j + 1
                        while i < n && isIdentPart(b[i]) { i += 1 }
                        push(.regex, start, i)
                        continue
                    }
                }
            }
            // Closing brace that resumes a template literal.
            if c == 125, templateDepth > 0, open.last == templateMark {
                open.removeLast()
                templateDepth -= 1
                i += 1
                scanTemplate(b, from: start, head: false)
                continue
            }
            // Punctuation: longest match among the multi-byte punctuators the parser cares about.
            var length = 1
            if i + 1 < n {
                let d = b[i + 1]
                let e: UInt8 = i + 2 < n ? b[i + 2] : 0
                switch c {
                case 46: if d == 46 && e == 46 { length = 3 }
                case 61: if d == 62 { length = 2 } else if d == 61 { length = e == 61 ? 3 : 2 }
                case 33: if d == 61 { length = e == 61 ? 3 : 2 }
                case 63: if d == 63 { length = e == 61 ? 3 : 2 } else if d == 46 && !(e >= 48 && e <= 57) { length = 2 }
                case 38: if d == 38 { length = e == 61 ? 3 : 2 } else if d == 61 { length = 2 }
                case 124: if d == 124 { length = e == 61 ? 3 : 2 } else if d == 61 { length = 2 }
                case 42: if d == 42 { length = e == 61 ? 3 : 2 } else if d == 61 { length = 2 }
                case 43: if d == 43 || d == 61 { length = 2 }
                case 45: if d == 45 || d == 61 { length = 2 }
                case 60: if d == 61 { length = 2 } else if d == 60 { length = e == 61 ? 3 : 2 }
                case 37, 94, 47: if d == 61 { length = 2 }
                default: break
                }
            }
            var code: UInt32 = 0
            for k in 0..<length { code |= UInt32(b[i + k]) << (8 * UInt32(k)) }
            i += length
            push(.punct, start, i, code)
            // Bracket pairing.
            if length == 1 {
                if c == 40 || c == 91 || c == 123 {
                    open.append(tokens.count - 1)
                } else if c == 41 || c == 93 || c == 125 {
                    let want: UInt8 = c == 41 ? 40 : (c == 93 ? 91 : 123)
                    if let top = open.last, top != templateMark, b[Int(tokens[top].start)] == want {
                        open.removeLast()
                        tokens[top].match = Int32(tokens.count - 1)
                    } else if let index = open.lastIndex(where: { $0 != templateMark && b[Int(tokens[$0].start)] == want }),
                        !open[index...].contains(templateMark)
                    {
                        // Close the matching bracket; the ones opened after it were never closed.
                        for unclosed in open[(index + 1)...] {
                            report(Int(tokens[unclosed].start), "unbalanced '\(Character(UnicodeScalar(b[Int(tokens[unclosed].start)])))'")
                        }
                        tokens[open[index]].match = Int32(tokens.count - 1)
                        open.removeSubrange(index...)
                    } else {
                        report(start, "unbalanced '\(Character(UnicodeScalar(c)))'")
                    }
                }
            }
        }
        for unclosed in open where unclosed != templateMark {
            report(Int(tokens[unclosed].start), "unbalanced '\(Character(UnicodeScalar(b[Int(tokens[unclosed].start)])))'")
        }
        tokens.append(TSToken(kind: .eof, newlineBefore: true, start: Int32(n), end: Int32(n), punct: 0, match: -1))
    }
}
