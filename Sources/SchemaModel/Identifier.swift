/// PostgreSQL identifier rules: the 63-byte limit, the names it generates, and quoting.
public enum Identifier {
    /// `NAMEDATALEN - 1`: the longest identifier PostgreSQL keeps, in bytes.
    public static let maxLength = 63

    /// The name PostgreSQL keeps for `name`: cut to 63 bytes without splitting a UTF-8 character.
    public static func truncated(_ name: String) -> String {
        clip(name, toBytes: maxLength)
    }

    /// The name PostgreSQL generates for an implicit object: `table_column_suffix` (`users_email_key`,
    /// `posts_pkey`, `posts_id_seq`), shortening the longer of the two parts first so the result fits
    /// in 63 bytes, exactly as PostgreSQL's `makeObjectName` does.
    public static func generatedName(_ first: String, _ second: String?, suffix: String) -> String {
        let overhead = suffix.utf8.count + 1 + (second == nil ? 0 : 1)
        let available = maxLength - overhead
        var firstBytes = first.utf8.count
        var secondBytes = second?.utf8.count ?? 0
        while firstBytes + secondBytes > available {
            if firstBytes > secondBytes { firstBytes -= 1 } else { secondBytes -= 1 }
        }
        var name = clip(first, toBytes: firstBytes)
        if let second { name += "_" + clip(second, toBytes: secondBytes) }
        return name + "_" + suffix
    }

    /// Whether `name` can be written without double quotes (lower-case letters, digits, underscores,
    /// not starting with a digit, not a reserved word).
    public static func isPlain(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || ("a"..."z").contains(first) else {
            return false
        }
        let ok = name.unicodeScalars.allSatisfy { $0 == "_" || $0 == "$" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        return ok && !reservedWords.contains(name)
    }

    /// `name` as SQL: bare when plain, else double-quoted with embedded quotes doubled.
    public static func quoted(_ name: String) -> String {
        isPlain(name) ? name : "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    private static func clip(_ text: String, toBytes limit: Int) -> String {
        if text.utf8.count <= limit { return text }
        var out = ""
        var used = 0
        for scalar in text.unicodeScalars {
            let size = String(scalar).utf8.count
            if used + size > limit { break }
            out.unicodeScalars.append(scalar)
            used += size
        }
        return out
    }

    /// Words PostgreSQL reserves (cannot be used as a column name unquoted).
    static let reservedWords: Set<String> = [
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case",
        "cast", "check", "collate", "column", "constraint", "create", "current_catalog", "current_date",
        "current_role", "current_time", "current_timestamp", "current_user", "default", "deferrable",
        "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "from",
        "grant", "group", "having", "in", "initially", "intersect", "into", "lateral", "leading",
        "limit", "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or", "order",
        "placing", "primary", "references", "returning", "select", "session_user", "some", "symmetric",
        "table", "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic",
        "when", "where", "window", "with",
    ]
}
