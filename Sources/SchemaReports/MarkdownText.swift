/// Escaping for GitHub-flavoured Markdown.
enum MarkdownText {
    /// Text for a table cell: `|` and backticks escaped, `<` as an entity, line breaks as spaces.
    static func cell(_ text: String) -> String { escape(text, pipes: true) }

    /// Appends the UTF-8 bytes of `text` escaped as a table cell to `out` (the same bytes as
    /// ``cell(_:)``), without an intermediate string.
    static func appendCell(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            // Nearly every cell needs no escaping: one scan (a table lookup per byte), then one copy.
            if !containsCellSpecial(bytes) {
                out.append(contentsOf: bytes)
                return
            }
            for byte in bytes {
                guard special(byte, pipes: true) else {
                    out.append(byte)
                    continue
                }
                switch byte {
                case UInt8(ascii: "<"): out += "&lt;".utf8
                case 10, 13: out.append(UInt8(ascii: " "))
                default: out += [UInt8(ascii: "\\"), byte]
                }
            }
        }
    }

    /// Whether any byte of `bytes` needs escaping in a cell: the same bytes as `special(_:pipes: true)`.
    private static func containsCellSpecial(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        cellSpecialTable.withUnsafeBufferPointer { table in
            for byte in bytes where table[Int(byte)] != 0 { return true }
            return false
        }
    }

    /// One entry per byte value, non-zero where `special(_:pipes: true)` is true.
    private static let cellSpecialTable: [UInt8] = (0...255).map { special(UInt8($0), pipes: true) ? 1 : 0 }

    @inline(__always)
    private static func special(_ byte: UInt8, pipes: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "`"), UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "<"), 10, 13: return true
        case UInt8(ascii: "|"): return pipes
        default: return false
        }
    }

    /// Running text outside tables: emphasis and HTML characters escaped.
    static func text(_ text: String) -> String { escape(text, pipes: false) }

    /// Escapes byte by byte: every character that needs it is ASCII, so UTF-8 continuation bytes
    /// pass through untouched. A 1,000-table report escapes some 100,000 cells, and walking them as
    /// Characters (grapheme breaking) was a quarter of a whole `compare`.
    private static func escape(_ text: String, pipes: Bool) -> String {
        if !text.utf8.contains(where: { special($0, pipes: pipes) }) { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "|") where pipes: out += [UInt8(ascii: "\\"), byte]
            case UInt8(ascii: "`"), UInt8(ascii: "\\"), UInt8(ascii: "*"): out += [UInt8(ascii: "\\"), byte]
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case 10, 13: out.append(UInt8(ascii: " "))
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Running text whose backtick-delimited parts (SQL in hints) become code spans.
    static func textWithCode(_ text: String) -> String {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false).map(String.init)
        guard parts.count % 2 == 1 else { return self.text(text) }  // unbalanced: escape everything
        return parts.enumerated().map { $0.offset % 2 == 0 ? self.text($0.element) : code($0.element) }.joined()
    }

    /// A code span that survives backticks inside: the fence is one longer than the longest run.
    /// Line breaks become spaces, a CR LF pair as two (as a Character it is neither, and was kept,
    /// which broke the list item). Bytes, not Characters: every byte looked at is ASCII, and walking
    /// graphemes cost some 100,000 instructions per hint.
    static func code(_ text: String) -> String {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return "` `" }
        var longest = 0, run = 0
        for i in bytes.indices {
            if bytes[i] == 10 || bytes[i] == 13 { bytes[i] = UInt8(ascii: " ") }
            if bytes[i] == UInt8(ascii: "`") {
                run += 1
                longest = max(longest, run)
            } else {
                run = 0
            }
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = bytes.first == UInt8(ascii: "`") || bytes.last == UInt8(ascii: "`") ? " " : ""
        return fence + pad + String(decoding: bytes, as: UTF8.self) + pad + fence
    }

    /// One row of a table.
    static func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
}

extension Array where Element == UInt8 {
    /// Appends the UTF-8 bytes of a literal. `+= "…".utf8` goes through the generic sequence path,
    /// which cost more than the copy in report bodies that append some 500,000 pieces at 1,000 tables.
    @inline(__always)
    mutating func append(literal: StaticString) {
        literal.withUTF8Buffer { append(contentsOf: $0) }
    }
}

