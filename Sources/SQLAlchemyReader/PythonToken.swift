/// One token of Python source, as byte offsets into the file (text is sliced on demand, which keeps
/// lexing allocation-free).
///
/// Sixteen bytes: a 1,000-table package lexes to a couple of hundred thousand tokens, and with
/// word-sized offsets and the string fields stored apart a token took 56, so writing and copying
/// them touched megabytes of fresh memory (a page fault per 4 KiB, which is dear on a virtual
/// machine). Offsets are 32-bit (the lexer refuses larger files, ``maximumOffset``), the kind shares
/// a word with the operator or the string's flags, and a string's content range is worked out from
/// its prefix length, quote width and whether it was closed instead of being stored.
struct PythonToken: Sendable {
    enum Kind: UInt8, Sendable {
        case name, number, string, op, newline, indent, dedent, eof
    }

    /// The largest offset a token can hold, so the largest file size the lexer accepts.
    static let maximumOffset = Int(UInt32.max)

    private var startOffset: UInt32
    private var endOffset: UInt32
    /// On the first token of a line the lexer copied from an earlier identical line (see
    /// ``RepeatedLines``): that line's first token index plus one; else 0.
    var repeatOf: Int32 = 0
    /// The kind in the top byte; below it the operator code (`.op`) or the string flags
    /// (`.string`, ``StringFlags``), else zero. Operator codes are at most three ASCII bytes, so
    /// they fit below the kind, and ``isOp(_:)`` is one comparison.
    private var packed: UInt32

    /// Bits of ``packed`` for a string token.
    private enum StringFlags {
        static let raw: UInt32 = 1
        static let fString: UInt32 = 2
        static let bytes: UInt32 = 4
        static let triple: UInt32 = 8
        static let closed: UInt32 = 16
        /// The prefix length (0 to 2) sits above the flags.
        static let prefixShift: UInt32 = 5
    }

    /// A token of `kind` covering `start..<end`; both at most ``maximumOffset``.
    @inline(__always)
    init(kind: Kind, start: Int, end: Int) {
        startOffset = UInt32(truncatingIfNeeded: start)
        endOffset = UInt32(truncatingIfNeeded: end)
        packed = UInt32(kind.rawValue) << 24
    }

    /// An operator token; `code` from ``code(_:)``.
    @inline(__always)
    init(op code: UInt32, start: Int, end: Int) {
        self.init(kind: .op, start: start, end: end)
        packed |= code
    }

    /// A string token covering `start..<end`: `prefixLength` prefix letters (at most 2), then one or
    /// three quotes; `closed` when the closing quotes end the token (an unterminated string's
    /// content runs to its end).
    init(
        stringFrom start: Int, to end: Int, prefixLength: Int, triple: Bool, closed: Bool,
        raw: Bool, fString: Bool, bytes: Bool
    ) {
        self.init(kind: .string, start: start, end: end)
        var flags = UInt32(truncatingIfNeeded: prefixLength) << StringFlags.prefixShift
        if raw { flags |= StringFlags.raw }
        if fString { flags |= StringFlags.fString }
        if bytes { flags |= StringFlags.bytes }
        if triple { flags |= StringFlags.triple }
        if closed { flags |= StringFlags.closed }
        packed |= flags
    }

    var kind: Kind {
        // Only ``init(kind:start:end:)`` writes the top byte, always from a `Kind`, so it is a
        // valid raw value: no check needed on a read the parser makes for every token.
        @inline(__always) get { unsafeBitCast(UInt8(truncatingIfNeeded: packed >> 24), to: Kind.self) }
    }

    /// Byte offset of the first byte of the token.
    var start: Int { @inline(__always) get { Int(startOffset) } }
    /// Byte offset one past the token's last byte.
    var end: Int { @inline(__always) get { Int(endOffset) } }

    /// For `.op`: the operator packed into an integer (up to three ASCII bytes); see ``code(_:)``.
    var op: UInt32 { kind == .op ? packed & 0xFF_FFFF : 0 }

    private var stringFlags: UInt32 { kind == .string ? packed & 0xFF_FFFF : 0 }
    /// For `.string`: the prefix flags.
    var isRaw: Bool { stringFlags & StringFlags.raw != 0 }
    var isFString: Bool { stringFlags & StringFlags.fString != 0 }
    var isBytes: Bool { stringFlags & StringFlags.bytes != 0 }

    /// For `.string`: the offsets of the contents between the quotes (0 for other kinds).
    var contentStart: Int {
        guard kind == .string else { return 0 }
        let flags = packed & 0xFF_FFFF
        return start + Int(flags >> StringFlags.prefixShift) + (flags & StringFlags.triple != 0 ? 3 : 1)
    }

    var contentEnd: Int {
        guard kind == .string else { return 0 }
        let flags = packed & 0xFF_FFFF
        guard flags & StringFlags.closed != 0 else { return end }
        return end - (flags & StringFlags.triple != 0 ? 3 : 1)
    }

    /// Moves the token `delta` bytes later in the file (a copy of an earlier line's token); the
    /// result must stay within ``maximumOffset``.
    @inline(__always)
    mutating func shift(by delta: UInt32) {
        startOffset &+= delta
        endOffset &+= delta
    }

    /// Packs an operator spelling such as `->` or `**=` into the integer stored in ``op``.
    static func code(_ text: StaticString) -> UInt32 {
        var value: UInt32 = 0
        let pointer = text.utf8Start
        for i in 0..<text.utf8CodeUnitCount { value = value << 8 | UInt32(pointer[i]) }
        return value
    }

    @inline(__always)
    func isOp(_ code: UInt32) -> Bool { packed == UInt32(Kind.op.rawValue) << 24 | code }
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
