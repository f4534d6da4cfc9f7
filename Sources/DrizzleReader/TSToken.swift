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
struct TSToken: Sendable {
    var kind: TSTokenKind
    /// True when a line break separates this token from the previous one (automatic semicolons).
    var newlineBefore: Bool
    var start: Int32
    var end: Int32
    /// For punctuation: up to four bytes packed little-endian (see ``TSToken/code(_:)``).
    var punct: UInt32
    /// For an opening bracket: the index of its matching closing token, else -1.
    var match: Int32

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
