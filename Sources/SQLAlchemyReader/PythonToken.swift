/// One token of Python source, as byte offsets into the file (text is sliced on demand, which keeps
/// lexing allocation-free).
struct PythonToken: Sendable {
    enum Kind: UInt8, Sendable {
        case name, number, string, op, newline, indent, dedent, eof
    }

    var kind: Kind
    /// Byte offset of the first byte of the token.
    var start: Int
    /// Byte offset one past the token's last byte.
    var end: Int
    /// For `.op`: the operator packed into an integer (up to three ASCII bytes); see ``PythonToken/code(_:)``.
    var op: UInt32 = 0
    /// For `.string`: offsets of the contents between the quotes, and the prefix flags.
    var contentStart: Int = 0
    var contentEnd: Int = 0
    var isRaw = false
    var isFString = false
    var isBytes = false
    /// On the first token of a line the lexer copied from an earlier identical line (see
    /// ``RepeatedLines``): that line's first token index plus one; else 0.
    var repeatOf: Int32 = 0

    /// Packs an operator spelling such as `->` or `**=` into the integer stored in ``op``.
    static func code(_ text: StaticString) -> UInt32 {
        var value: UInt32 = 0
        let pointer = text.utf8Start
        for i in 0..<text.utf8CodeUnitCount { value = value << 8 | UInt32(pointer[i]) }
        return value
    }

    func isOp(_ code: UInt32) -> Bool { kind == .op && op == code }
}

/// Operator codes the recognizer tests for, computed once.
enum Op {
    static let lparen = PythonToken.code("(")
    static let rparen = PythonToken.code(")")
    static let lbracket = PythonToken.code("[")
    static let rbracket = PythonToken.code("]")
    static let lbrace = PythonToken.code("{")
    static let rbrace = PythonToken.code("}")
    static let comma = PythonToken.code(",")
    static let colon = PythonToken.code(":")
    static let dot = PythonToken.code(".")
    static let semicolon = PythonToken.code(";")
    static let assign = PythonToken.code("=")
    static let at = PythonToken.code("@")
    static let star = PythonToken.code("*")
    static let doubleStar = PythonToken.code("**")
    static let arrow = PythonToken.code("->")
    static let pipe = PythonToken.code("|")
    static let minus = PythonToken.code("-")
    static let plus = PythonToken.code("+")
    static let percent = PythonToken.code("%")
    static let tilde = PythonToken.code("~")
    static let walrus = PythonToken.code(":=")
    static let ellipsis = PythonToken.code("...")
}
