/// Array constants in the text form PostgreSQL's `array_out` prints: `{a,b}`, `{1,2}`,
/// `{"a b",NULL}`, so `ARRAY['a','b']`, `'{"a","b"}'` and `'{a, b}'` all read `'{a,b}'`.
enum SQLArrayLiteral {
    /// Text of an array constructor whose elements are all constants.
    static func text(of expr: SQLExpr) -> String {
        var out = ""
        write(expr, into: &out)
        return out
    }

    private static func write(_ expr: SQLExpr, into out: inout String) {
        switch expr {
        case .array(let items):
            out += "{"
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                write(item, into: &out)
            }
            out += "}"
        case .string(let s):
            // A nested array already turned into its text form stays unquoted.
            if s.hasPrefix("{") && s.hasSuffix("}") && canonical(s) == s { out += s } else { out += element(s) }
        case .number(let n): out += n
        case .bool(let b): out += b ? "t" : "f"
        case .null: out += "NULL"
        default: out += "?"
        }
    }

    /// One element, double-quoted when array_out would quote it.
    static func element(_ value: String) -> String {
        var needsQuotes = value.isEmpty || value.lowercased() == "null"
        if !needsQuotes {
            for b in value.utf8 where b == 123 || b == 125 || b == 44 || b == 34 || b == 92 || b == 32 || b == 9 || b == 10 || b == 13 || b == 11 || b == 12 {
                needsQuotes = true
                break
            }
        }
        guard needsQuotes else { return value }
        var out = "\""
        for ch in value.unicodeScalars {
            if ch == "\"" || ch == "\\" { out += "\\" }
            out.unicodeScalars.append(ch)
        }
        return out + "\""
    }

    /// Re-prints array literal text (`'{"a", b}'`) in array_out's form, or nil when it is not one.
    static func canonical(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        var i = 0
        func skipSpace() { while i < bytes.count && (bytes[i] == 32 || bytes[i] == 9 || bytes[i] == 10 || bytes[i] == 13) { i += 1 } }
        func parseArray(_ depth: Int) -> String? {
            guard depth < 50, i < bytes.count, bytes[i] == 123 else { return nil }
            i += 1
            var parts: [String] = []
            skipSpace()
            if i < bytes.count && bytes[i] == 125 { i += 1; return "{}" }
            while true {
                skipSpace()
                guard i < bytes.count else { return nil }
                if bytes[i] == 123 {
                    guard let inner = parseArray(depth + 1) else { return nil }
                    parts.append(inner)
                } else if bytes[i] == 34 {
                    i += 1
                    var value: [UInt8] = []
                    while i < bytes.count && bytes[i] != 34 {
                        if bytes[i] == 92 && i + 1 < bytes.count { i += 1 }
                        value.append(bytes[i])
                        i += 1
                    }
                    guard i < bytes.count else { return nil }
                    i += 1
                    parts.append(element(String(decoding: value, as: UTF8.self)))
                } else {
                    var value: [UInt8] = []
                    while i < bytes.count && bytes[i] != 44 && bytes[i] != 125 {
                        if bytes[i] == 123 || bytes[i] == 34 { return nil }
                        if bytes[i] == 92 && i + 1 < bytes.count { i += 1 }
                        value.append(bytes[i])
                        i += 1
                    }
                    let raw = String(decoding: value, as: UTF8.self).trimmingSpaces
                    guard !raw.isEmpty else { return nil }
                    parts.append(raw.lowercased() == "null" ? "NULL" : element(raw))
                }
                skipSpace()
                guard i < bytes.count else { return nil }
                if bytes[i] == 44 { i += 1; continue }
                if bytes[i] == 125 { i += 1; return "{" + parts.joined(separator: ",") + "}" }
                return nil
            }
        }
        skipSpace()
        guard let result = parseArray(0) else { return nil }
        skipSpace()
        return i == bytes.count ? result : nil
    }
}
