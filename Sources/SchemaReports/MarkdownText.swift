/// Escaping for GitHub-flavoured Markdown.
enum MarkdownText {
    /// Text for a table cell: `|` and backticks escaped, `<` as an entity, line breaks as spaces.
    static func cell(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "|": out += "\\|"
            case "`": out += "\\`"
            case "\\": out += "\\\\"
            case "*": out += "\\*"
            case "<": out += "&lt;"
            case "\n", "\r": out += " "
            default: out.append(c)
            }
        }
        return out
    }

    /// Running text outside tables: emphasis and HTML characters escaped.
    static func text(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "`": out += "\\`"
            case "\\": out += "\\\\"
            case "*": out += "\\*"
            case "<": out += "&lt;"
            case "\n", "\r": out += " "
            default: out.append(c)
            }
        }
        return out
    }

    /// Running text whose backtick-delimited parts (SQL in hints) become code spans.
    static func textWithCode(_ text: String) -> String {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false).map(String.init)
        guard parts.count % 2 == 1 else { return self.text(text) }  // unbalanced: escape everything
        return parts.enumerated().map { $0.offset % 2 == 0 ? self.text($0.element) : code($0.element) }.joined()
    }

    /// A code span that survives backticks inside: the fence is one longer than the longest run.
    static func code(_ text: String) -> String {
        let flat = text.replacingNewlines()
        if flat.isEmpty { return "` `" }
        var longest = 0, run = 0
        for c in flat {
            if c == "`" { run += 1; longest = max(longest, run) } else { run = 0 }
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = flat.hasPrefix("`") || flat.hasSuffix("`") ? " " : ""
        return fence + pad + flat + pad + fence
    }

    /// One row of a table.
    static func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
}

extension String {
    fileprivate func replacingNewlines() -> String {
        String(map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
