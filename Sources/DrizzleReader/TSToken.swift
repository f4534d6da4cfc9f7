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

/// Packed punctuator codes the parser compares against.
enum P {
    static let lparen = TSToken.code("(")
    static let rparen = TSToken.code(")")
    static let lbrace = TSToken.code("{")
    static let rbrace = TSToken.code("}")
    static let lbracket = TSToken.code("[")
    static let rbracket = TSToken.code("]")
    static let comma = TSToken.code(",")
    static let semicolon = TSToken.code(";")
    static let colon = TSToken.code(":")
    static let dot = TSToken.code(".")
    static let questionDot = TSToken.code("?.")
    static let question = TSToken.code("?")
    static let ellipsis = TSToken.code("...")
    static let arrow = TSToken.code("=>")
    static let assign = TSToken.code("=")
    static let less = TSToken.code("<")
    static let greater = TSToken.code(">")
    static let bang = TSToken.code("!")
    static let minus = TSToken.code("-")
    static let plus = TSToken.code("+")
    static let star = TSToken.code("*")
    static let slash = TSToken.code("/")
    static let at = TSToken.code("@")
    static let pipe = TSToken.code("|")
    static let amp = TSToken.code("&")
    static let tilde = TSToken.code("~")
}
