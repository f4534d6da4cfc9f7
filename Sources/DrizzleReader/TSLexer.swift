/// A fast, total TypeScript lexer over UTF-8 bytes.
///
/// It never throws and always advances, so it terminates on any input: bad input becomes a problem
/// report (unterminated string, template or comment; unbalanced bracket) and lexing goes on. It also
/// pairs brackets so the parser can skip a balanced group in O(1).
///
/// The scan (``TSScan``) keeps all of its state in local variables and writes tokens straight into
/// the array's storage, which it sizes up front: every token takes at least one byte, so a second
/// pass with room for a token per byte always fits when the first, ordinary-sized one does not.
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
        bytes.withUnsafeBufferPointer { b in
            // Real source has a token per four bytes or more; denser text is lexed again with room
            // for a token per byte (plus the end token).
            var capacity = b.count / 4 + 16
            while true {
                var problems: [Problem] = []
                var complete = false
                let tokens = [TSToken](unsafeUninitializedCapacity: capacity) { buffer, count in
                    complete = TSScan.run(b, into: buffer, count: &count, problems: &problems)
                }
                if complete {
                    lexer.tokens = tokens
                    lexer.problems = problems
                    return
                }
                capacity = max(capacity * 2, b.count + 2)
            }
        }
        return lexer
    }
}

/// The byte classes the lexer dispatches on (low four bits) and the identifier-part flag.
enum TSByteClass {
    static let other: UInt8 = 0
    static let space: UInt8 = 1
    static let newline: UInt8 = 2
    /// Letters, `_`, `$`, `#` and every non-ASCII byte (so non-ASCII identifiers lex as one token).
    static let identStart: UInt8 = 3
    static let digit: UInt8 = 4
    static let quote: UInt8 = 5
    static let backtick: UInt8 = 6
    static let slash: UInt8 = 7
    static let dot: UInt8 = 8
    static let rbrace: UInt8 = 9
    /// `(`, `[` and `{`.
    static let opening: UInt8 = 10
    /// `)` and `]` (`}` may resume a template: ``rbrace``).
    static let closing: UInt8 = 11
    /// `, ; : @ ~`: other punctuators that never start a longer one.
    static let single: UInt8 = 12
    /// Set for bytes that may continue an identifier: letters, digits, `_`, `$`, non-ASCII.
    static let identPart: UInt8 = 0x80

    /// Class of each byte value.
    static let table: [UInt8] = (0..<256).map { value in
        let c = UInt8(value)
        switch c {
        case 97...122, 65...90, 95, 36, 0x80...0xFF: return identStart | identPart
        case 35: return identStart  // `#private` names
        case 48...57: return digit | identPart
        case 32, 9, 13, 11, 12: return space
        case 10: return newline
        case 34, 39: return quote
        case 96: return backtick
        case 47: return slash
        case 46: return dot
        case 125: return rbrace
        case 40, 91, 123: return opening
        case 41, 93: return closing
        case 44, 59, 58, 64, 126: return single
        default: return other
        }
    }
}
