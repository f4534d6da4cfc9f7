/// The SQL-standard special call syntaxes for ``SQLExpressionParser``.
extension SQLExpressionParser {
    /// The SQL-standard call syntaxes, as the plain calls PostgreSQL runs: `substring(a from b for c)`
    /// is `substring(a, b, c)`, `trim(both x from y)` is `btrim(y, x)`, `position(a in b)` and
    /// `extract(field from x)` keep their own names. Called after the opening parenthesis; returns
    /// nil (consuming nothing) for the ordinary comma form.
    mutating func parseSQLSyntaxCall(_ name: String) throws -> SQLExpr? {
        func call(_ n: String, _ args: [SQLExpr]) -> SQLExpr { .function(name: [n], args: args, distinct: false, star: false) }
        switch name {
        case "extract":
            guard let field = current, field.kind == .word || field.kind == .string, atWord("from", 1) else { return nil }
            pos += 2
            let value = try parseExpr(0)
            try expectPunct(")")
            return call("extract", [.string(field.text.lowercased()), value])
        case "position":
            let saved = pos
            let needle = try parseExpr(Self.levelLike + 1)
            guard atWord("in") else { pos = saved; return nil }
            pos += 1
            let haystack = try parseExpr(Self.levelLike + 1)
            try expectPunct(")")
            return call("position", [needle, haystack])
        case "substring":
            let saved = pos
            let value = try parseExpr(0)
            guard atWord("from") || atWord("for") else { pos = saved; return nil }
            var start: SQLExpr? = nil, count: SQLExpr? = nil
            while atWord("from") || atWord("for") {
                let isFrom = current!.text == "from"
                pos += 1
                let arg = try parseExpr(0)
                if isFrom { start = arg } else { count = arg }
            }
            try expectPunct(")")
            var args = [value, start ?? .number("1")]
            if let count { args.append(count) }
            return call("substring", args)
        case "overlay":
            let saved = pos
            let value = try parseExpr(0)
            guard atWord("placing") else { pos = saved; return nil }
            pos += 1
            let replacement = try parseExpr(0)
            try expectWord("from")
            var args = [value, replacement, try parseExpr(0)]
            if atWord("for") { pos += 1; args.append(try parseExpr(0)) }
            try expectPunct(")")
            return call("overlay", args)
        case "trim":
            var function = "btrim"
            if atWord("both") { pos += 1 } else if atWord("leading") { function = "ltrim"; pos += 1 } else if atWord("trailing") { function = "rtrim"; pos += 1 }
            if atWord("from") {
                pos += 1
                let args = try parseList(until: ")")
                return call(function, args)
            }
            let first = try parseExpr(0)
            if atWord("from") {
                pos += 1
                let rest = try parseList(until: ")")
                guard !rest.isEmpty else { throw SQLParseError() }
                return call(function, [rest[0], first] + rest.dropFirst())
            }
            var args = [first]
            if atPunct(",") { pos += 1; args += try parseList(until: ")") } else { try expectPunct(")") }
            return call(function, args)
        default:
            return nil
        }
    }
}
