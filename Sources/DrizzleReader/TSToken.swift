/// The kinds of token the TypeScript lexer produces.
///
/// Template literals are split the way the ECMAScript grammar splits them (`head ${ ... } middle ${
/// ... } tail`), so interpolations are ordinary tokens between the pieces.
enum TSTokenKind: UInt8, Sendable {
    case identifier
    case string
    case number
    case punct
    case regex
    /// A template with no substitutions: `` `text` ``.
    case templateFull
    /// `` `text${ ``
    case templateHead
    /// `}text${`
    case templateMiddle
    /// `` }text` ``
    case templateTail
    case eof
}

/// One token: a kind and a byte range. Text is decoded only when the parser asks for it.
///
/// Twelve bytes, not the twenty of a field per property: a file has a token per five bytes or so and
/// every token stays in memory until the tables are built, and each fresh page costs a page fault.
/// - `start` is the first byte;
/// - `endOrMatch` is the end, except for an opening bracket (whose end is always `start + 1`): there it
///   is the index of the matching closing token, or -1;
/// - `bits` holds the kind (low six bits), the opening-bracket flag (bit 6), the newline flag (bit 7)
///   and the punctuator code (the upper 24 bits; punctuators are at most three bytes).
struct TSToken: Sendable {
    private(set) var start: Int32
    private var endOrMatch: Int32
    private var bits: UInt32

    private static let openingFlag: UInt32 = 0x40
    private static let newlineFlag: UInt32 = 0x80

    /// A token; an opening bracket (`(`, `[` or `{` punctuator) starts unmatched.
    init(kind: TSTokenKind, newlineBefore: Bool, start: Int32, end: Int32, punct: UInt32 = 0) {
        let opening = kind == .punct && (punct == P.lparen || punct == P.lbracket || punct == P.lbrace)
        self.init(kind: kind, newlineBefore: newlineBefore, start: start, end: end, punct: punct, opening: opening)
    }

    /// A token whose caller knows whether it is an opening bracket (the lexer's hot path).
    @inline(__always)
    init(kind: TSTokenKind, newlineBefore: Bool, start: Int32, end: Int32, punct: UInt32, opening: Bool) {
        self.start = start
        self.endOrMatch = opening ? -1 : end
        self.bits = UInt32(kind.rawValue) | (opening ? TSToken.openingFlag : 0) | (newlineBefore ? TSToken.newlineFlag : 0)
            | (punct &<< 8)
    }

    var kind: TSTokenKind {
        @inline(__always) get { unsafeBitCast(UInt8(truncatingIfNeeded: bits) & 0x3F, to: TSTokenKind.self) }
    }

    /// True when a line break separates this token from the previous one (automatic semicolons).
    var newlineBefore: Bool {
        @inline(__always) get { bits & TSToken.newlineFlag != 0 }
    }

    var end: Int32 {
        @inline(__always) get { bits & TSToken.openingFlag != 0 ? start &+ 1 : endOrMatch }
    }

    /// For punctuation: up to three bytes packed little-endian (see ``TSToken/code(_:)``), else 0.
    var punct: UInt32 {
        @inline(__always) get { bits &>> 8 }
    }

    /// For an opening bracket: the index of its matching closing token, else -1. Set only on an
    /// opening bracket (the lexer pairs them).
    var match: Int32 {
        @inline(__always) get { bits & TSToken.openingFlag != 0 ? endOrMatch : -1 }
        set {
            assert(bits & TSToken.openingFlag != 0, "only an opening bracket has a match")
            endOrMatch = newValue
        }
    }

    /// Whether this is the punctuator `code`: one comparison of the kind and the code together.
    @inline(__always)
    func isPunct(_ code: UInt32) -> Bool {
        bits & 0xFFFF_FF3F == (code &<< 8) | UInt32(TSTokenKind.punct.rawValue)
    }

    /// Packs a punctuator spelling into the value stored in ``punct``.
    static func code(_ text: StaticString) -> UInt32 {
        var value: UInt32 = 0
        let pointer = text.utf8Start
        for i in 0..<min(text.utf8CodeUnitCount, 4) {
            value |= UInt32(pointer[i]) << (8 * UInt32(i))
        }
        return value
    }
}

/// Packed punctuator codes the parser compares against (literals, so no lazy initialization).
enum P {
    static let lparen: UInt32 = 0x28  // (
    static let rparen: UInt32 = 0x29  // )
    static let lbrace: UInt32 = 0x7B  // {
    static let rbrace: UInt32 = 0x7D  // }
    static let lbracket: UInt32 = 0x5B  // [
    static let rbracket: UInt32 = 0x5D  // ]
    static let comma: UInt32 = 0x2C  // ,
    static let semicolon: UInt32 = 0x3B  // ;
    static let colon: UInt32 = 0x3A  // :
    static let dot: UInt32 = 0x2E  // .
    static let questionDot: UInt32 = 0x2E3F  // ?.
    static let question: UInt32 = 0x3F  // ?
    static let ellipsis: UInt32 = 0x2E2E2E  // ...
    static let arrow: UInt32 = 0x3E3D  // =>
    static let assign: UInt32 = 0x3D  // =
    static let less: UInt32 = 0x3C  // <
    static let greater: UInt32 = 0x3E  // >
    static let bang: UInt32 = 0x21  // !
    static let minus: UInt32 = 0x2D  // -
    static let plus: UInt32 = 0x2B  // +
    static let star: UInt32 = 0x2A  // *
    static let slash: UInt32 = 0x2F  // /
    static let at: UInt32 = 0x40  // @
    static let pipe: UInt32 = 0x7C  // |
    static let amp: UInt32 = 0x26  // &
    static let tilde: UInt32 = 0x7E  // ~
}
