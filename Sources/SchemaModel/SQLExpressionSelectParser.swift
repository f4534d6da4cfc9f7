/// Sub-select parsing for ``SQLExpressionParser``: enough of SELECT to compare what PostgreSQL
/// prints back for policy and CHECK sub-queries (`EXISTS (SELECT 1 FROM m JOIN p ON ... WHERE ...)`).
extension SQLExpressionParser {
    /// The body of `( SELECT ... )` up to (not consuming) the closing parenthesis. A body it cannot
    /// model is kept as canonical token text.
    mutating func parseSelectBody() throws -> SQLSelect {
        let start = pos
        var level = 0
        var end = pos
        while end < limit {
            let t = tokens[end]
            if t.isPunct("(") { level += 1 } else if t.isPunct(")") {
                if level == 0 { break }
                level -= 1
            }
            end += 1
        }
        // The trial shares the token buffer (copy on write) and stops at the closing parenthesis.
        var trial = self
        trial.limit = end
        if let parsed = try? trial.parseSimpleSelect(), trial.pos == end {
            operators = trial.operators
            pos = end
            return parsed
        }
        var select = SQLSelect()
        select.raw = SQLTokenPrinter.print(tokens[start..<end])
        pos = end
        return select
    }

    static let clauseWords: Set<String> = [
        "from", "where", "group", "having", "order", "limit", "offset", "union", "except", "intersect",
        "window", "fetch", "for", "join", "inner", "left", "right", "full", "cross", "natural", "on", "using",
    ]

    private var atEnd: Bool { pos >= limit }

    /// `SELECT [DISTINCT] items [FROM ...] [WHERE ..] [GROUP BY ..] [HAVING ..] [ORDER BY ..] [LIMIT ..] [OFFSET ..]`.
    mutating func parseSimpleSelect() throws -> SQLSelect {
        var select = SQLSelect()
        try expectWord("select")
        if atWord("distinct") { select.distinct = true; pos += 1 } else if atWord("all") { pos += 1 }
        while true {
            if peek()?.isOp("*") == true {
                pos += 1
                select.items.append(.init(expr: .column(["*"]), alias: nil))
            } else {
                let expr = try parseExpr(0)
                select.items.append(.init(expr: expr, alias: try parseAlias()))
            }
            if atPunct(",") { pos += 1; continue }
            break
        }
        if atWord("from") {
            pos += 1
            while true {
                select.from.append(try parseFromItem())
                if atPunct(",") { pos += 1; continue }
                break
            }
        }
        if atWord("where") { pos += 1; select.whereClause = try parseExpr(0) }
        if atWord("group") {
            pos += 1
            try expectWord("by")
            select.groupBy = try parseCommaExprs()
        }
        if atWord("having") { pos += 1; select.having = try parseExpr(0) }
        if atWord("order") {
            pos += 1
            try expectWord("by")
            while true {
                var expr = try parseExpr(0)
                // `ORDER BY 1` is stored as the first select-list expression.
                if case .number(let n) = expr, let index = Int(n), index >= 1, index <= select.items.count {
                    expr = select.items[index - 1].expr
                }
                var descending = false
                if atWord("asc") { pos += 1 } else if atWord("desc") { descending = true; pos += 1 }
                var nulls: String? = nil
                if atWord("nulls"), let which = peek(1), which.isWord("first") || which.isWord("last") {
                    nulls = which.text
                    pos += 2
                }
                // The default NULLS placement (last ascending, first descending) is not stated.
                if nulls == (descending ? "first" : "last") { nulls = nil }
                select.orderBy.append(.init(expr: expr, descending: descending, nulls: nulls))
                if atPunct(",") { pos += 1; continue }
                break
            }
        }
        if atWord("limit") {
            pos += 1
            if atWord("all") { pos += 1 } else { select.limit = try parseExpr(0) }
        }
        if atWord("offset") {
            pos += 1
            select.offset = try parseExpr(0)
            if atWord("row") || atWord("rows") { pos += 1 }
        }
        guard atEnd else { throw SQLParseError() }
        return select
    }

    private mutating func parseCommaExprs() throws -> [SQLExpr] {
        var items: [SQLExpr] = []
        while true {
            items.append(try parseExpr(0))
            if atPunct(",") { pos += 1; continue }
            return items
        }
    }

    /// `[AS] name` after a select item or FROM item, nil when none.
    private mutating func parseAlias() throws -> String? {
        if atWord("as") {
            pos += 1
            guard let name = current, name.kind == .word || name.kind == .quotedIdentifier else { throw SQLParseError() }
            pos += 1
            return name.text
        }
        if let name = current, name.kind == .quotedIdentifier || (name.kind == .word && !Self.clauseWords.contains(name.text)) {
            pos += 1
            return name.text
        }
        return nil
    }

    /// One FROM item with any joins that follow it.
    private mutating func parseFromItem() throws -> SQLFromItem {
        var left = try parseFromPrimary()
        while true {
            var kind: String
            if atWord("join") { kind = "join"; pos += 1 }
            else if atWord("inner"), atWord("join", 1) { kind = "join"; pos += 2 }
            else if atWord("cross"), atWord("join", 1) { kind = "cross join"; pos += 2 }
            else if atWord("left") || atWord("right") || atWord("full") {
                kind = current!.text + " join"
                pos += 1
                if atWord("outer") { pos += 1 }
                try expectWord("join")
            } else { return left }
            let right = try parseFromPrimary()
            var on: SQLExpr? = nil
            var using: [String] = []
            if kind != "cross join" {
                if atWord("on") {
                    pos += 1
                    on = try parseExpr(0)
                } else if atWord("using") {
                    pos += 1
                    try expectPunct("(")
                    while let name = current, name.kind == .word || name.kind == .quotedIdentifier {
                        using.append(name.text)
                        pos += 1
                        if atPunct(",") { pos += 1 } else { break }
                    }
                    try expectPunct(")")
                } else {
                    throw SQLParseError()
                }
            }
            left = .join(kind: kind, left, right, on: on, using: using)
        }
    }

    private mutating func parseFromPrimary() throws -> SQLFromItem {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { throw SQLParseError() }
        if atPunct("(") {
            pos += 1
            if atWord("select") {
                let select = try parseSelectBody()
                try expectPunct(")")
                return .subquery(select, alias: try parseAlias())
            }
            let inner = try parseFromItem()
            try expectPunct(")")
            return inner
        }
        guard let first = current, first.kind == .word || first.kind == .quotedIdentifier,
            !(first.kind == .word && Self.clauseWords.contains(first.text))
        else { throw SQLParseError() }
        if first.isWord("lateral") || first.isWord("only") { throw SQLParseError() }
        var name = [first.text]
        pos += 1
        while atPunct("."), let next = peek(1), next.kind == .word || next.kind == .quotedIdentifier {
            name.append(next.text)
            pos += 2
        }
        if atPunct("(") { throw SQLParseError() }  // set-returning functions are not modelled
        if name.count == 2 && name[0] == "public" { name.removeFirst() }
        var alias = try parseAlias()
        if alias == name.last { alias = nil }
        return .relation(name, alias: alias)
    }
}
