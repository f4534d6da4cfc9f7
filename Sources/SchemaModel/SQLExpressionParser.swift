/// Thrown when text is not an expression the parser understands; the canonicalizer then falls back
/// to its token-level form.
struct SQLParseError: Error {}

/// Precedence-climbing parser over ``SQLToken``s into ``SQLExpr``, following PostgreSQL's operator
/// precedence (lowest first): OR, AND, NOT, IS, comparison, LIKE/IN/BETWEEN/SIMILAR, other operators,
/// `+ -`, `* / %`, `^`, AT TIME ZONE, COLLATE, unary minus, subscript, `::`.
struct SQLExpressionParser {
    let tokens: [SQLToken]
    var pos = 0
    /// Guards against pathological nesting (`((((...` thousands deep) overflowing the stack.
    var depth = 0
    /// Non-AND/OR operators seen so far.
    var operators = 0
    static let maxDepth = 150
    static let maxOperators = 500

    /// End of the tokens this parser may read (a sub-select parses a slice without copying).
    var limit: Int

    init(tokens: [SQLToken]) {
        self.tokens = tokens
        self.limit = tokens.count
    }

    /// Parses the whole token list as one expression.
    static func parse(_ tokens: [SQLToken]) throws -> SQLExpr {
        var parser = SQLExpressionParser(tokens: tokens)
        let expr = try parser.parseExpr(0)
        guard parser.pos == tokens.count else { throw SQLParseError() }
        return expr
    }

    // MARK: - Token helpers

    var current: SQLToken? { pos < limit ? tokens[pos] : nil }
    func peek(_ offset: Int = 0) -> SQLToken? { pos + offset < limit ? tokens[pos + offset] : nil }
    func atWord(_ w: String, _ offset: Int = 0) -> Bool { peek(offset)?.isWord(w) ?? false }
    func atPunct(_ p: String, _ offset: Int = 0) -> Bool { peek(offset)?.isPunct(p) ?? false }

    mutating func expectPunct(_ p: String) throws {
        guard atPunct(p) else { throw SQLParseError() }
        pos += 1
    }
    mutating func expectWord(_ w: String) throws {
        guard atWord(w) else { throw SQLParseError() }
        pos += 1
    }

    // MARK: - Precedence levels

    static let levelOr = 1, levelAnd = 2, levelNot = 3, levelIs = 4, levelCompare = 5, levelLike = 6
    static let levelOther = 7, levelAdd = 8, levelMul = 9, levelPow = 10, levelAtTimeZone = 11
    static let levelCollate = 12, levelUnary = 13, levelSubscript = 14, levelCast = 15, levelPrimary = 16

    static let comparisonOps: Set<String> = ["=", "<>", "<", ">", "<=", ">="]

    // MARK: - Expressions

    mutating func parseExpr(_ minLevel: Int) throws -> SQLExpr {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { throw SQLParseError() }
        var lhs = try parsePrefix()
        while let token = current {
            let L = Self.self
            // AND and OR collect their operands in one list (linear for long chains).
            if token.isWord("or") {
                guard minLevel <= L.levelOr else { break }
                var items = [lhs]
                while atWord("or") {
                    pos += 1
                    items.append(try parseExpr(L.levelOr + 1))
                }
                lhs = .or(items)
                continue
            } else if token.isWord("and") {
                guard minLevel <= L.levelAnd else { break }
                var items = [lhs]
                while atWord("and") {
                    pos += 1
                    items.append(try parseExpr(L.levelAnd + 1))
                }
                lhs = .and(items)
                continue
            }
            if token.isWord("is") {
                guard minLevel <= L.levelIs else { break }
                pos += 1
                lhs = try parseIsTail(lhs)
            } else if token.isWord("isnull") || token.isWord("notnull") {
                guard minLevel <= L.levelIs else { break }
                pos += 1
                lhs = .isTest(lhs, token.text == "isnull" ? "null" : "not null")
            } else if token.kind == .op && L.comparisonOps.contains(token.text) {
                guard minLevel <= L.levelCompare else { break }
                pos += 1
                lhs = try parseComparisonRight(op: token.text, lhs: lhs)
            } else if token.isWord("not") && (atWord("like", 1) || atWord("ilike", 1) || atWord("similar", 1) || atWord("in", 1) || atWord("between", 1)) {
                guard minLevel <= L.levelLike else { break }
                pos += 1
                lhs = try parseLikeFamily(lhs, negated: true)
            } else if token.isWord("like") || token.isWord("ilike") || token.isWord("similar") || token.isWord("in") || token.isWord("between") {
                guard minLevel <= L.levelLike else { break }
                lhs = try parseLikeFamily(lhs, negated: false)
            } else if token.kind == .op {
                let level = Self.binaryLevel(token.text)
                guard minLevel <= level else { break }
                pos += 1
                if let quantified = try parseQuantified(op: token.text, lhs: lhs) {
                    lhs = quantified
                } else {
                    lhs = .binary(token.text, lhs, try parseExpr(level + 1))
                }
            } else if token.isWord("at") && atWord("time", 1) && atWord("zone", 2) {
                guard minLevel <= L.levelAtTimeZone else { break }
                pos += 3
                let zone = try parseExpr(L.levelAtTimeZone + 1)
                lhs = .atTimeZone(lhs, zone)
            } else if token.isWord("collate") {
                guard minLevel <= L.levelCollate else { break }
                pos += 1
                guard let name = current, name.kind == .word || name.kind == .quotedIdentifier else { throw SQLParseError() }
                pos += 1
                lhs = .collate(lhs, name.text)
            } else if token.kind == .typecast {
                guard minLevel <= L.levelCast else { break }
                pos += 1
                lhs = .cast(lhs, try parseTypeName())
            } else if token.isPunct("[") {
                guard minLevel <= L.levelSubscript else { break }
                pos += 1
                var lower: SQLExpr? = nil, upper: SQLExpr? = nil, slice = false
                if !atPunct(":") { lower = try parseExpr(0) }
                if atPunct(":") {
                    slice = true
                    pos += 1
                    if !atPunct("]") { upper = try parseExpr(0) }
                }
                try expectPunct("]")
                lhs = .subscript(lhs, lower, upper, slice: slice)
            } else {
                break
            }
            // Every operator but AND/OR deepens the tree by one; the limit keeps the recursive
            // rules and printer far from the stack's end on absurd input (which then gets the
            // token-level form).
            operators += 1
            if operators > Self.maxOperators { throw SQLParseError() }
        }
        return lhs
    }

    /// Level of a binary operator token that is not a keyword.
    static func binaryLevel(_ op: String) -> Int {
        switch op {
        case "+", "-": return levelAdd
        case "*", "/", "%": return levelMul
        case "^": return levelPow
        case "~~", "!~~", "~~*", "!~~*": return levelLike
        default: return levelOther
        }
    }

    private mutating func parseIsTail(_ lhs: SQLExpr) throws -> SQLExpr {
        var negated = false
        if atWord("not") { negated = true; pos += 1 }
        guard let word = current, word.kind == .word else { throw SQLParseError() }
        switch word.text {
        case "null", "true", "false", "unknown":
            pos += 1
            return .isTest(lhs, (negated ? "not " : "") + word.text)
        case "distinct":
            pos += 1
            try expectWord("from")
            let rhs = try parseExpr(Self.levelIs + 1)
            let test = SQLExpr.distinctFrom(lhs, rhs)
            return negated ? .unary("not", test) : test
        default:
            throw SQLParseError()
        }
    }

    private mutating func parseComparisonRight(op: String, lhs: SQLExpr) throws -> SQLExpr {
        if let quantified = try parseQuantified(op: op, lhs: lhs) { return quantified }
        let rhs = try parseExpr(Self.levelCompare + 1)
        return .binary(op, lhs, rhs)
    }

    /// `op ANY (...)` / `op ALL (...)` / `op SOME (...)` after any operator, or nil when the next
    /// tokens are not a quantifier.
    private mutating func parseQuantified(op: String, lhs: SQLExpr) throws -> SQLExpr? {
        guard (atWord("any") || atWord("all") || atWord("some")) && atPunct("(", 1) else { return nil }
        let quantifier = current!.text == "some" ? "any" : current!.text
        pos += 2
        let inner: SQLExpr
        if atWord("select") || atWord("with") || atWord("values") {
            inner = .subquery(try parseSelectBody())
        } else {
            inner = try parseExpr(0)
        }
        try expectPunct(")")
        return .quantified(op: op, quantifier: quantifier, lhs, inner)
    }

    private mutating func parseLikeFamily(_ lhs: SQLExpr, negated: Bool) throws -> SQLExpr {
        let word = current!.text
        pos += 1
        switch word {
        case "like", "ilike":
            if let quantified = try parseQuantified(op: (negated ? "not " : "") + word, lhs: lhs) { return quantified }
            var pattern = try parseExpr(Self.levelLike + 1)
            if atWord("escape") {
                pos += 1
                let escape = try parseExpr(Self.levelLike + 1)
                pattern = .function(name: ["like_escape"], args: [pattern, escape], distinct: false, star: false)
            }
            let op = (negated ? "not " : "") + word
            return .binary(op, lhs, pattern)
        case "similar":
            try expectWord("to")
            let pattern = try parseExpr(Self.levelLike + 1)
            var args = [pattern]
            if atWord("escape") {
                pos += 1
                args.append(try parseExpr(Self.levelLike + 1))
            }
            // PostgreSQL stores SIMILAR TO as a regular expression match on similar_to_escape().
            let call = SQLExpr.function(name: ["similar_to_escape"], args: args, distinct: false, star: false)
            return .binary(negated ? "!~" : "~", lhs, call)
        case "between":
            if atWord("symmetric") || atWord("asymmetric") { throw SQLParseError() }
            let low = try parseExpr(Self.levelLike + 1)
            try expectWord("and")
            let high = try parseExpr(Self.levelLike + 1)
            return negated
                ? .or([.binary("<", lhs, low), .binary(">", lhs, high)])
                : .and([.binary(">=", lhs, low), .binary("<=", lhs, high)])
        case "in":
            try expectPunct("(")
            if atWord("select") || atWord("with") || atWord("values") {
                let select = try parseSelectBody()
                try expectPunct(")")
                return .inSubquery(lhs, negated: negated, select)
            }
            let items = try parseList(until: ")")
            return .inList(lhs, negated: negated, items)
        default:
            throw SQLParseError()
        }
    }

    /// Comma-separated expressions up to (and consuming) the closing punctuation.
    mutating func parseList(until close: String) throws -> [SQLExpr] {
        var items: [SQLExpr] = []
        if atPunct(close) { pos += 1; return items }
        while true {
            items.append(try parseExpr(0))
            if atPunct(",") { pos += 1; continue }
            try expectPunct(close)
            return items
        }
    }

    // MARK: - Prefix and primary

    private static let specialWords: Set<String> = [
        "current_timestamp", "current_date", "current_time", "localtime", "localtimestamp", "current_user",
        "session_user", "current_role", "user", "current_catalog", "current_schema",
    ]

    private mutating func parsePrefix() throws -> SQLExpr {
        guard let token = current else { throw SQLParseError() }
        switch token.kind {
        case .string:
            pos += 1
            return .string(token.text)
        case .number:
            pos += 1
            return .number(token.text)
        case .parameter:
            pos += 1
            return .parameter(token.text)
        case .op:
            pos += 1
            if token.text == "-" || token.text == "+" {
                return .unary(token.text, try parseExpr(Self.levelSubscript))
            }
            return .unary(token.text, try parseExpr(Self.levelOther + 1))
        case .punct:
            guard token.text == "(" else { throw SQLParseError() }
            pos += 1
            if atWord("select") || atWord("with") || atWord("values") {
                let select = try parseSelectBody()
                try expectPunct(")")
                return .subquery(select)
            }
            let first = try parseExpr(0)
            if atPunct(",") {
                pos += 1
                let rest = try parseList(until: ")")
                return .row([first] + rest)
            }
            try expectPunct(")")
            return first
        case .typecast:
            throw SQLParseError()
        case .quotedIdentifier:
            return try parseNameOrCall()
        case .word:
            return try parseWord(token.text)
        }
    }

    private mutating func parseWord(_ word: String) throws -> SQLExpr {
        switch word {
        case "null": pos += 1; return .null
        case "true": pos += 1; return .bool(true)
        case "false": pos += 1; return .bool(false)
        case "not":
            pos += 1
            return .unary("not", try parseExpr(Self.levelNot))
        case "case":
            pos += 1
            return try parseCase()
        case "cast":
            guard atPunct("(", 1) else { break }
            pos += 2
            let value = try parseExpr(0)
            try expectWord("as")
            let type = try parseTypeName()
            try expectPunct(")")
            return .cast(value, type)
        case "array":
            if atPunct("[", 1) {
                pos += 1
                return try parseArrayBrackets()
            }
            if atPunct("(", 1) {
                pos += 2
                let select = try parseSelectBody()
                try expectPunct(")")
                return .arraySubquery(select)
            }
        case "row":
            guard atPunct("(", 1) else { break }
            pos += 2
            return .row(try parseList(until: ")"))
        case "exists":
            guard atPunct("(", 1) else { break }
            pos += 2
            let select = try parseSelectBody()
            try expectPunct(")")
            return .exists(select)
        default:
            if Self.specialWords.contains(word) && !atPunct("(", 1) {
                pos += 1
                return .special(word)
            }
            if Self.specialWords.contains(word), ["current_timestamp", "current_time", "localtime", "localtimestamp"].contains(word),
                peek(2)?.kind == .number, atPunct(")", 3)
            {
                let precision = peek(2)!.text
                pos += 4
                return .special("\(word)(\(precision))")
            }
            // A typed literal: `date '2020-01-01'`, `interval '1 day'`.
            if peek(1)?.kind == .string, !["and", "or", "is", "in", "like", "ilike", "then", "else", "when", "escape"].contains(word) {
                let type = TypeCanonicalizer.canonicalize(word)
                let value = peek(1)!.text
                pos += 2
                return .cast(.string(value), type)
            }
        }
        return try parseNameOrCall()
    }

    private mutating func parseArrayBrackets() throws -> SQLExpr {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { throw SQLParseError() }
        try expectPunct("[")
        var items: [SQLExpr] = []
        if atPunct("]") { pos += 1; return .array(items) }
        while true {
            if atPunct("[") { items.append(try parseArrayBrackets()) } else { items.append(try parseExpr(0)) }
            if atPunct(",") { pos += 1; continue }
            try expectPunct("]")
            return .array(items)
        }
    }

    private mutating func parseCase() throws -> SQLExpr {
        var subject: SQLExpr? = nil
        if !atWord("when") { subject = try parseExpr(0) }
        var branches: [SQLWhen] = []
        while atWord("when") {
            pos += 1
            let condition = try parseExpr(0)
            try expectWord("then")
            branches.append(SQLWhen(condition: condition, result: try parseExpr(0)))
        }
        var otherwise: SQLExpr? = nil
        if atWord("else") {
            pos += 1
            otherwise = try parseExpr(0)
        }
        try expectWord("end")
        guard !branches.isEmpty else { throw SQLParseError() }
        return .caseWhen(subject: subject, branches: branches, otherwise: otherwise)
    }

    /// A possibly qualified name, then either a function call or a column reference.
    private mutating func parseNameOrCall() throws -> SQLExpr {
        var parts: [String] = []
        guard let first = current, first.kind == .word || first.kind == .quotedIdentifier else { throw SQLParseError() }
        if first.kind == .word, Self.stopWords.contains(first.text) { throw SQLParseError() }
        parts.append(first.text)
        pos += 1
        while atPunct(".") {
            pos += 1
            guard let next = current else { throw SQLParseError() }
            if next.isOp("*") { parts.append("*"); pos += 1; return .column(parts) }
            guard next.kind == .word || next.kind == .quotedIdentifier else { throw SQLParseError() }
            parts.append(next.text)
            pos += 1
        }
        guard atPunct("(") else { return .column(parts) }
        pos += 1
        if parts.count == 1, first.kind == .word, let special = try parseSQLSyntaxCall(parts[0]) { return special }
        if peek()?.isOp("*") == true && atPunct(")", 1) {
            pos += 2
            return try callSuffix(.function(name: parts, args: [], distinct: false, star: true))
        }
        var distinct = false
        if atWord("distinct") { distinct = true; pos += 1 } else if atWord("all") { pos += 1 }
        var args: [SQLExpr] = []
        if !atPunct(")") {
            while true {
                args.append(try parseExpr(0))
                if atPunct(",") { pos += 1; continue }
                break
            }
        }
        try expectPunct(")")
        return try callSuffix(.function(name: parts, args: args, distinct: distinct, star: false))
    }

    /// Window and filter clauses are not modelled: such expressions use the token-level fallback.
    private func callSuffix(_ call: SQLExpr) throws -> SQLExpr {
        if atWord("over") || atWord("filter") || atWord("within") { throw SQLParseError() }
        return call
    }

    /// Words that end an expression and can never start a name.
    private static let stopWords: Set<String> = [
        "and", "or", "then", "else", "end", "when", "from", "where", "as", "is", "in", "like", "ilike",
        "between", "select", "group", "order", "having", "limit", "offset", "union", "except", "intersect",
        "escape", "similar", "on", "using", "distinct", "all", "any", "some",
    ]
}
