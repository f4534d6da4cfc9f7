/// JSON text the way `jsonb` prints it back: `{"a": 1, "b": [1, 2]}`, object keys ordered by length
/// then bytes, the last of duplicate keys kept. `'{"a":1}'::jsonb` is stored as `'{"a": 1}'::jsonb`.
enum SQLJSONText {
    private indirect enum Value {
        case scalar(String)
        case string([UInt8])
        case array([Value])
        case object([([UInt8], Value)])
    }

    /// The jsonb spelling of `text`, or nil when it is not valid JSON.
    static func canonicalJSONB(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        var i = 0
        guard let value = parse(bytes, &i, depth: 0) else { return nil }
        skipSpace(bytes, &i)
        guard i == bytes.count else { return nil }
        var out: [UInt8] = []
        write(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func skipSpace(_ b: [UInt8], _ i: inout Int) {
        while i < b.count && (b[i] == 32 || b[i] == 9 || b[i] == 10 || b[i] == 13) { i += 1 }
    }

    private static func parse(_ b: [UInt8], _ i: inout Int, depth: Int) -> Value? {
        skipSpace(b, &i)
        guard i < b.count, depth < 200 else { return nil }
        switch b[i] {
        case 123:
            i += 1
            var members: [([UInt8], Value)] = []
            skipSpace(b, &i)
            if i < b.count && b[i] == 125 { i += 1; return .object([]) }
            while true {
                skipSpace(b, &i)
                guard i < b.count, b[i] == 34, let key = parseString(b, &i) else { return nil }
                skipSpace(b, &i)
                guard i < b.count, b[i] == 58 else { return nil }
                i += 1
                guard let value = parse(b, &i, depth: depth + 1) else { return nil }
                if let existing = members.firstIndex(where: { $0.0 == key }) { members.remove(at: existing) }
                members.append((key, value))
                skipSpace(b, &i)
                guard i < b.count else { return nil }
                if b[i] == 44 { i += 1; continue }
                guard b[i] == 125 else { return nil }
                i += 1
                members.sort { l, r in l.0.count != r.0.count ? l.0.count < r.0.count : l.0.lexicographicallyPrecedes(r.0) }
                return .object(members)
            }
        case 91:
            i += 1
            var items: [Value] = []
            skipSpace(b, &i)
            if i < b.count && b[i] == 93 { i += 1; return .array([]) }
            while true {
                guard let value = parse(b, &i, depth: depth + 1) else { return nil }
                items.append(value)
                skipSpace(b, &i)
                guard i < b.count else { return nil }
                if b[i] == 44 { i += 1; continue }
                guard b[i] == 93 else { return nil }
                i += 1
                return .array(items)
            }
        case 34:
            return parseString(b, &i).map { .string($0) }
        default:
            let start = i
            while i < b.count, !([44, 93, 125, 32, 9, 10, 13] as [UInt8]).contains(b[i]) { i += 1 }
            let word = String(decoding: b[start..<i], as: UTF8.self)
            if word == "true" || word == "false" || word == "null" { return .scalar(word) }
            guard word.first.map({ $0 == "-" || $0.isNumber }) ?? false, SQLExpressionRules.numberText(word) != nil else { return nil }
            return .scalar(word)
        }
    }

    /// A JSON string starting at its opening quote, escapes decoded to UTF-8.
    private static func parseString(_ b: [UInt8], _ i: inout Int) -> [UInt8]? {
        i += 1
        var out: [UInt8] = []
        while i < b.count {
            let c = b[i]
            if c == 34 { i += 1; return out }
            if c == 92 {
                guard i + 1 < b.count else { return nil }
                let e = b[i + 1]
                i += 2
                switch e {
                case 110: out.append(10)
                case 116: out.append(9)
                case 114: out.append(13)
                case 98: out.append(8)
                case 102: out.append(12)
                case 117:
                    guard let unit = hex4(b, i) else { return nil }
                    i += 4
                    var scalar = unit
                    if unit >= 0xD800 && unit < 0xDC00, i + 6 <= b.count, b[i] == 92, b[i + 1] == 117, let low = hex4(b, i + 2), low >= 0xDC00 && low < 0xE000 {
                        scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                    guard let s = Unicode.Scalar(scalar) else { return nil }
                    out.append(contentsOf: Array(String(Character(s)).utf8))
                default: out.append(e)
                }
                continue
            }
            out.append(c)
            i += 1
        }
        return nil
    }

    private static func hex4(_ b: [UInt8], _ i: Int) -> UInt32? {
        guard i + 4 <= b.count else { return nil }
        var v: UInt32 = 0
        for k in i..<(i + 4) {
            let c = b[k]
            let d: UInt32
            switch c {
            case 48...57: d = UInt32(c - 48)
            case 97...102: d = UInt32(c - 87)
            case 65...70: d = UInt32(c - 55)
            default: return nil
            }
            v = v * 16 + d
        }
        return v
    }

    private static func write(_ value: Value, into out: inout [UInt8]) {
        switch value {
        case .scalar(let s): out.append(contentsOf: Array(s.utf8))
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            out.append(91)
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(contentsOf: [44, 32]) }
                write(item, into: &out)
            }
            out.append(93)
        case .object(let members):
            out.append(123)
            for (k, member) in members.enumerated() {
                if k > 0 { out.append(contentsOf: [44, 32]) }
                writeString(member.0, into: &out)
                out.append(contentsOf: [58, 32])
                write(member.1, into: &out)
            }
            out.append(125)
        }
    }

    /// PostgreSQL's escape_json.
    private static func writeString(_ s: [UInt8], into out: inout [UInt8]) {
        out.append(34)
        for c in s {
            switch c {
            case 34: out.append(contentsOf: [92, 34])
            case 92: out.append(contentsOf: [92, 92])
            case 8: out.append(contentsOf: [92, 98])
            case 12: out.append(contentsOf: [92, 102])
            case 10: out.append(contentsOf: [92, 110])
            case 13: out.append(contentsOf: [92, 114])
            case 9: out.append(contentsOf: [92, 116])
            case 0..<32:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [92, 117, 48, 48, hex[Int(c >> 4)], hex[Int(c & 15)]])
            default: out.append(c)
            }
        }
        out.append(34)
    }
}
