/// One lexical token of a SQL expression, already decoded: identifiers are case-folded (unless
/// quoted), string literals hold their value (escapes resolved, whatever quoting was used).
struct SQLToken: Sendable, Equatable {
    /// What kind of text a token is.
    enum Kind: UInt8, Sendable {
        /// An unquoted word, lower-cased (keywords are words too).
        case word
        /// A double-quoted identifier, case kept, `""` undoubled.
        case quotedIdentifier
        /// A string constant of any spelling (`'..'`, `E'..'`, `$$..$$`), decoded.
        case string
        /// A numeric constant as written (lower-cased exponent).
        case number
        /// An operator such as `=`, `<>`, `->>`, `@>`, `||`.
        case op
        /// `::`.
        case typecast
        /// `(`, `)`, `[`, `]`, `,`, `;`, `.`, `:`.
        case punct
        /// A positional parameter `$1`.
        case parameter
    }

    var kind: Kind
    var text: String

    func isWord(_ word: String) -> Bool { kind == .word && text == word }
    func isPunct(_ p: String) -> Bool { kind == .punct && text == p }
    func isOp(_ o: String) -> Bool { kind == .op && text == o }
}

/// Splits SQL text into ``SQLToken``s. Works on UTF-8 bytes in one pass; never fails and always
/// terminates: an unterminated quote, dollar quote or comment simply ends at the end of the input.
enum SQLTokenizer {
    static func tokenize(_ sql: String) -> [SQLToken] {
        var bytes = Array(sql.utf8)
        bytes.append(0)  // sentinel: every look-ahead of one byte is safe
        let end = bytes.count - 1
        var tokens: [SQLToken] = []
        tokens.reserveCapacity(end / 3)
        var i = 0

        func isIdentStart(_ b: UInt8) -> Bool {
            (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || b == 95 || b >= 128
        }
        func isIdentPart(_ b: UInt8) -> Bool { isIdentStart(b) || isDigit(b) || b == 36 }
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        func isOpChar(_ b: UInt8) -> Bool {
            switch b {
            case 43, 45, 42, 47, 60, 62, 61, 126, 33, 64, 35, 37, 94, 38, 124, 96, 63: return true
            default: return false
            }
        }
        func text(_ from: Int, _ to: Int) -> String { String(decoding: bytes[from..<to], as: UTF8.self) }

        while i < end {
            let b = bytes[i]
            // White space.
            if b == 32 || b == 9 || b == 10 || b == 13 || b == 12 { i += 1; continue }
            // Comments: `--` to end of line, `/* */` nested.
            if b == 45 && bytes[i + 1] == 45 {
                while i < end && bytes[i] != 10 { i += 1 }
                continue
            }
            if b == 47 && bytes[i + 1] == 42 {
                var depth = 1
                i += 2
                while i < end && depth > 0 {
                    if bytes[i] == 47 && bytes[i + 1] == 42 { depth += 1; i += 2 }
                    else if bytes[i] == 42 && bytes[i + 1] == 47 { depth -= 1; i += 2 }
                    else { i += 1 }
                }
                continue
            }
            // String constants: '..', E'..', N'..', B'..', X'..', U&'..' (the latter kept as written).
            if b == 39 {
                let (value, next) = standardString(bytes, from: i + 1, end: end, backslashEscapes: false)
                tokens.append(SQLToken(kind: .string, text: value)); i = next; continue
            }
            if (b == 101 || b == 69) && bytes[i + 1] == 39 {
                let (value, next) = standardString(bytes, from: i + 2, end: end, backslashEscapes: true)
                tokens.append(SQLToken(kind: .string, text: value)); i = next; continue
            }
            // U&'d\0061t\+000061': Unicode escapes (UESCAPE clauses are not supported).
            if (b == 117 || b == 85) && bytes[i + 1] == 38 && bytes[i + 2] == 39 {
                let (raw, next) = standardString(bytes, from: i + 3, end: end, backslashEscapes: false)
                tokens.append(SQLToken(kind: .string, text: unicodeUnescaped(raw))); i = next; continue
            }
            if (b == 110 || b == 78) && bytes[i + 1] == 39 {
                let (value, next) = standardString(bytes, from: i + 2, end: end, backslashEscapes: false)
                tokens.append(SQLToken(kind: .string, text: value)); i = next; continue
            }
            // Dollar quoting: $tag$ ... $tag$ (tag may be empty); `$1` is a parameter.
            if b == 36 {
                if isDigit(bytes[i + 1]) {
                    var j = i + 1
                    while j < end && isDigit(bytes[j]) { j += 1 }
                    tokens.append(SQLToken(kind: .parameter, text: text(i, j))); i = j; continue
                }
                var j = i + 1
                while j < end && isIdentPart(bytes[j]) && bytes[j] != 36 { j += 1 }
                if bytes[j] == 36 {
                    let tag = Array(bytes[i...j])
                    let bodyStart = j + 1
                    var k = bodyStart
                    var closed = -1
                    while k < end {
                        if bytes[k] == 36 && k + tag.count <= end && Array(bytes[k..<(k + tag.count)]) == tag {
                            closed = k; break
                        }
                        k += 1
                    }
                    if closed >= 0 {
                        tokens.append(SQLToken(kind: .string, text: text(bodyStart, closed)))
                        i = closed + tag.count
                    } else {
                        tokens.append(SQLToken(kind: .string, text: text(bodyStart, end)))
                        i = end
                    }
                    continue
                }
                tokens.append(SQLToken(kind: .op, text: "$")); i += 1; continue
            }
            // Quoted identifiers.
            if b == 34 {
                var out: [UInt8] = []
                var j = i + 1
                while j < end {
                    if bytes[j] == 34 {
                        if bytes[j + 1] == 34 { out.append(34); j += 2; continue }
                        j += 1; break
                    }
                    out.append(bytes[j]); j += 1
                }
                tokens.append(SQLToken(kind: .quotedIdentifier, text: String(decoding: out, as: UTF8.self)))
                i = j; continue
            }
            // Numbers: 12, 1.5, .5, 1e-3.
            if isDigit(b) || (b == 46 && isDigit(bytes[i + 1])) {
                var j = i
                while isDigit(bytes[j]) { j += 1 }
                if bytes[j] == 46 && bytes[j + 1] != 46 {
                    j += 1
                    while isDigit(bytes[j]) { j += 1 }
                }
                if (bytes[j] == 101 || bytes[j] == 69)
                    && (isDigit(bytes[j + 1]) || ((bytes[j + 1] == 43 || bytes[j + 1] == 45) && isDigit(bytes[j + 2])))
                {
                    j += 2
                    while isDigit(bytes[j]) { j += 1 }
                }
                tokens.append(SQLToken(kind: .number, text: normalizeNumber(text(i, j)))); i = j; continue
            }
            // Words: ASCII folded to lower case, as PostgreSQL does for unquoted identifiers.
            if isIdentStart(b) {
                var j = i
                var hasUpper = false
                while j < end && isIdentPart(bytes[j]) {
                    if bytes[j] >= 65 && bytes[j] <= 90 { hasUpper = true }
                    j += 1
                }
                if hasUpper {
                    for k in i..<j where bytes[k] >= 65 && bytes[k] <= 90 { bytes[k] += 32 }
                }
                tokens.append(SQLToken(kind: .word, text: text(i, j))); i = j; continue
            }
            // `::` and single punctuation.
            if b == 58 {
                if bytes[i + 1] == 58 { tokens.append(SQLToken(kind: .typecast, text: "::")); i += 2 }
                else { tokens.append(SQLToken(kind: .punct, text: ":")); i += 1 }
                continue
            }
            if b == 40 || b == 41 || b == 91 || b == 93 || b == 44 || b == 59 || b == 46 {
                tokens.append(SQLToken(kind: .punct, text: text(i, i + 1))); i += 1; continue
            }
            // Operators, with PostgreSQL's rules: a run of operator characters, cut before `--`/`/*`,
            // and a multi-character operator ends in + or - only if it holds one of ~!@#%^&|`?.
            if isOpChar(b) {
                var j = i
                while j < end && isOpChar(bytes[j]) {
                    if j > i && ((bytes[j] == 45 && bytes[j + 1] == 45) || (bytes[j] == 47 && bytes[j + 1] == 42)) { break }
                    j += 1
                }
                if j - i > 1 {
                    var special = false
                    for k in i..<j where [126, 33, 64, 35, 37, 94, 38, 124, 96, 63].contains(bytes[k]) { special = true; break }
                    if !special {
                        while j - i > 1 && (bytes[j - 1] == 43 || bytes[j - 1] == 45) { j -= 1 }
                    }
                }
                var op = text(i, j)
                if op == "!=" { op = "<>" }
                tokens.append(SQLToken(kind: .op, text: op)); i = j; continue
            }
            // Anything else (stray bytes): keep as a one-byte operator so nothing is lost.
            tokens.append(SQLToken(kind: .op, text: text(i, i + 1))); i += 1
        }
        return tokens
    }

    /// Reads a quoted string body starting after the opening quote; returns the value and the index
    /// after the closing quote (or the end). Adjacent `''` is a quote; with `backslashEscapes` (E'')
    /// the C-style escapes are decoded.
    private static func standardString(_ bytes: [UInt8], from start: Int, end: Int, backslashEscapes: Bool) -> (String, Int) {
        var out: [UInt8] = []
        var j = start
        while j < end {
            let c = bytes[j]
            if c == 39 {
                if bytes[j + 1] == 39 { out.append(39); j += 2; continue }
                return (String(decoding: out, as: UTF8.self), j + 1)
            }
            if backslashEscapes && c == 92 && j + 1 < end {
                let n = bytes[j + 1]
                switch n {
                case 110: out.append(10); j += 2
                case 116: out.append(9); j += 2
                case 114: out.append(13); j += 2
                case 98: out.append(8); j += 2
                case 102: out.append(12); j += 2
                case 120:  // \xHH
                    var k = j + 2
                    var value: UInt32 = 0
                    while k < end && k < j + 4, let d = hexValue(bytes[k]) { value = value * 16 + d; k += 1 }
                    if k == j + 2 { out.append(120); j += 2 } else { appendScalar(value, to: &out); j = k }
                case 48...55:  // \ooo
                    var k = j + 1
                    var value: UInt32 = 0
                    while k < end && k < j + 4 && bytes[k] >= 48 && bytes[k] <= 55 { value = value * 8 + UInt32(bytes[k] - 48); k += 1 }
                    appendScalar(value, to: &out); j = k
                case 117, 85:  // \uXXXX, \UXXXXXXXX
                    let digits = n == 117 ? 4 : 8
                    var k = j + 2
                    var value: UInt32 = 0
                    while k < end && k < j + 2 + digits, let d = hexValue(bytes[k]) { value = value * 16 + d; k += 1 }
                    appendScalar(value, to: &out); j = k
                default: out.append(n); j += 2
                }
                continue
            }
            out.append(c); j += 1
        }
        return (String(decoding: out, as: UTF8.self), end)
    }

    /// Decodes `\XXXX`, `\+XXXXXX` and `\\` of a U&'' string.
    private static func unicodeUnescaped(_ raw: String) -> String {
        let b = Array(raw.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < b.count {
            if b[i] == 92, i + 1 < b.count {
                if b[i + 1] == 92 { out.append(92); i += 2; continue }
                let plus = b[i + 1] == 43
                let digits = plus ? 6 : 4
                let start = i + (plus ? 2 : 1)
                if start + digits <= b.count {
                    var value: UInt32 = 0
                    var ok = true
                    for k in start..<(start + digits) {
                        guard let d = hexValue(b[k]) else { ok = false; break }
                        value = value * 16 + d
                    }
                    if ok { appendScalar(value, to: &out); i = start + digits; continue }
                }
            }
            out.append(b[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 48...57: return UInt32(b - 48)
        case 97...102: return UInt32(b - 87)
        case 65...70: return UInt32(b - 55)
        default: return nil
        }
    }

    private static func appendScalar(_ value: UInt32, to out: inout [UInt8]) {
        if value < 128 { out.append(UInt8(value)); return }
        if let scalar = Unicode.Scalar(value) { out.append(contentsOf: Array(String(Character(scalar)).utf8)) }
    }

    /// `.5` is `0.5`, `1E3` is `1e3`, `+` signs dropped: PostgreSQL prints numbers that way.
    static func normalizeNumber(_ text: String) -> String {
        var t = text.lowercased()
        if t.hasPrefix(".") { t = "0" + t }
        if t.hasSuffix(".") { t.removeLast() }
        if let e = t.firstIndex(of: "e") { return expandExponent(String(t[..<e]), String(t[t.index(after: e)...])) ?? t }
        return t
    }

    /// `1e3` is the numeric `1000`, `1.50e1` is `15.0` (scale = fraction digits - exponent), as
    /// PostgreSQL prints numeric constants. Absurd exponents are left as written.
    private static func expandExponent(_ mantissa: String, _ exponentText: String) -> String? {
        guard let exponent = Int(exponentText), abs(exponent) <= 100 else { return nil }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0]), fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = Array((whole + fraction).utf8)
        var point = whole.count + exponent
        let scale = max(0, fraction.count - exponent)
        if point < 0 { digits = Array(repeating: 48, count: -point) + digits; point = 0 }
        let needed = point + scale
        if digits.count < needed { digits += Array(repeating: 48, count: needed - digits.count) }
        digits = Array(digits[0..<needed])
        var intPart = Array(digits[0..<point])
        while intPart.count > 1 && intPart.first == 48 { intPart.removeFirst() }
        if intPart.isEmpty { intPart = [48] }
        let fracPart = digits[point..<needed]
        return String(decoding: intPart, as: UTF8.self) + (scale > 0 ? "." + String(decoding: fracPart, as: UTF8.self) : "")
    }
}
