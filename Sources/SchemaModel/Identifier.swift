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

    /// The name PostgreSQL generates for an implicit object over several columns: the column names
    /// joined by `_` form the second part (`short_t_x_y_key`, `t_a_b_idx`, `t_owner_id_fkey`).
    public static func generatedName(_ table: String, columns: [String], suffix: String) -> String {
        generatedName(table, columns.isEmpty ? nil : columns.joined(separator: "_"), suffix: suffix)
    }

    /// Whether `name` can be written without double quotes, by PostgreSQL's `quote_ident` rule:
    /// ASCII lower-case letters, digits and underscores only (no `$`, nothing non-ASCII), not starting
    /// with a digit, and not a keyword other than an unreserved one (`time`, `left`, `user` are quoted;
    /// `name`, `text`, `value` are not).
    public static func isPlain(_ name: String) -> Bool {
        guard let first = name.utf8.first, first == 95 || (first >= 97 && first <= 122) else {
            return false
        }
        let ok = name.utf8.allSatisfy { $0 == 95 || ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) }
        return ok && !isKeywordNeedingQuotes(name)
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

    /// Keywords PostgreSQL does not reserve but still quotes in `quote_ident`: the column-name
    /// keywords (`pg_get_keywords()` category C) and the type/function-name keywords (category T),
    /// as of PostgreSQL 15.
    /// Whether `name` (lower-case ASCII letters, digits, underscores) is in either keyword list.
    /// Looked up by first letter and length instead of hashing: quoting runs for every column name
    /// in every hint and index description, and the two set lookups were most of its cost.
    static func isKeywordNeedingQuotes(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            guard let first = bytes.first, first >= 97, first <= 122 else { return false }
            for keyword in keywordsByFirstLetter[Int(first - 97)] where keyword.count == bytes.count {
                if keyword.elementsEqual(bytes) { return true }
            }
            return false
        }
    }

    /// Both keyword lists as bytes, bucketed by first letter (`a` = 0).
    private static let keywordsByFirstLetter: [[[UInt8]]] = {
        var buckets = [[[UInt8]]](repeating: [], count: 26)
        for word in reservedWords.union(nonReservedKeywordsNeedingQuotes).sorted() {
            let bytes = Array(word.utf8)
            if let first = bytes.first, first >= 97, first <= 122 { buckets[Int(first - 97)].append(bytes) }
        }
        return buckets
    }()

    static let nonReservedKeywordsNeedingQuotes: Set<String> = [
        "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal", "exists",
        "extract", "float", "greatest", "grouping", "inout", "int", "integer", "interval", "least", "national",
        "nchar", "none", "normalize", "nullif", "numeric", "out", "overlay", "position", "precision", "real",
        "row", "setof", "smallint", "substring", "time", "timestamp", "treat", "trim", "values", "varchar",
        "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse",
        "xmlpi", "xmlroot", "xmlserialize", "xmltable",
        "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full",
        "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps",
        "right", "similar", "tablesample", "verbose",
    ]

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
