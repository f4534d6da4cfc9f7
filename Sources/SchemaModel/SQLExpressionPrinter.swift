/// Prints an ``SQLExpr`` as one canonical text: lower-case keywords, single spaces, identifiers
/// quoted only when they must be, and only the parentheses that precedence requires.
enum SQLExpressionPrinter {
    typealias P = SQLExpressionParser

    static func print(_ expr: SQLExpr) -> String {
        var out = ""
        write(expr, into: &out)
        return out
    }

    /// An identifier as SQL: bare when PostgreSQL would not quote it.
    static func name(_ part: String) -> String {
        part == "*" ? "*" : Identifier.quoted(part)
    }

    /// A function name part: keywords such as `left` or `coalesce` are fine bare after a name.
    static func functionName(_ part: String) -> String {
        let plain = part.utf8.first.map { ($0 >= 97 && $0 <= 122) || $0 == 95 } ?? false
            && part.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
        return plain ? part : Identifier.quoted(part)
    }

    static func literal(_ value: String) -> String {
        var out = "'"
        for ch in value.unicodeScalars {
            if ch == "'" { out += "''" } else { out.unicodeScalars.append(ch) }
        }
        return out + "'"
    }

    /// How tightly an expression binds when printed (see the parser's levels).
    static func level(_ expr: SQLExpr) -> Int {
        switch expr {
        case .or: return P.levelOr
        case .and: return P.levelAnd
        case .unary(let op, _): return op == "not" ? P.levelNot : P.levelUnary
        case .isTest, .distinctFrom: return P.levelIs
        case .binary(let op, _, _), .quantified(let op, _, _, _):
            if P.comparisonOps.contains(op) { return P.levelCompare }
            if ["like", "not like", "ilike", "not ilike"].contains(op) { return P.levelLike }
            return P.binaryLevel(op)
        case .inSubquery, .inList: return P.levelLike
        case .atTimeZone: return P.levelAtTimeZone
        case .collate: return P.levelCollate
        case .subscript: return P.levelSubscript
        case .cast: return P.levelCast
        case .number(let n): return n.hasPrefix("-") ? P.levelUnary : P.levelPrimary
        default: return P.levelPrimary
        }
    }

    private static func wrapped(_ expr: SQLExpr, if needsParens: Bool, into out: inout String) {
        if needsParens { out += "(" }
        write(expr, into: &out)
        if needsParens { out += ")" }
    }

    private static func writeList(_ items: [SQLExpr], into out: inout String) {
        for (i, item) in items.enumerated() {
            if i > 0 { out += ", " }
            write(item, into: &out)
        }
    }

    static func write(_ expr: SQLExpr, into out: inout String) {
        switch expr {
        case .string(let s): out += literal(s)
        case .number(let n): out += n
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .parameter(let p): out += p
        case .special(let s): out += s
        case .column(let parts): out += parts.map(name).joined(separator: ".")
        case .function(let nameParts, let args, let distinct, let star):
            out += nameParts.map(functionName).joined(separator: ".") + "("
            if star { out += "*" }
            if distinct { out += "distinct " }
            writeList(args, into: &out)
            out += ")"
        case .cast(let value, let type):
            wrapped(value, if: level(value) < P.levelCast, into: &out)
            out += "::" + type.description
        case .unary(let op, let operand):
            if op == "not" {
                out += "not "
                wrapped(operand, if: level(operand) < P.levelNot, into: &out)
            } else {
                // `-(-a)` keeps its parentheses so the output never reads as a `--` comment.
                out += op
                if op != "-" && op != "+" { out += " " }
                wrapped(operand, if: level(operand) <= P.levelUnary, into: &out)
            }
        case .binary(let op, let lhs, let rhs):
            let l = level(expr)
            // Left-associative: the left side may share the level, the right side may not.
            // Comparisons and LIKE are non-associative: neither side may share it.
            let nonAssoc = l == P.levelCompare || l == P.levelLike
            wrapped(lhs, if: nonAssoc ? level(lhs) <= l : level(lhs) < l, into: &out)
            out += " " + op + " "
            wrapped(rhs, if: level(rhs) <= l, into: &out)
        case .and(let items), .or(let items):
            let l = level(expr)
            let word = l == P.levelAnd ? " and " : " or "
            for (i, item) in items.enumerated() {
                if i > 0 { out += word }
                wrapped(item, if: level(item) <= l, into: &out)
            }
        case .isTest(let value, let test):
            wrapped(value, if: level(value) <= P.levelIs, into: &out)
            out += " is " + test
        case .distinctFrom(let lhs, let rhs):
            wrapped(lhs, if: level(lhs) <= P.levelIs, into: &out)
            out += " is distinct from "
            wrapped(rhs, if: level(rhs) <= P.levelIs, into: &out)
        case .quantified(let op, let quantifier, let lhs, let rhs):
            wrapped(lhs, if: level(lhs) <= level(expr), into: &out)
            out += " " + op + " " + quantifier + " ("
            if case .subquery(let select) = rhs { writeSelect(select, into: &out) } else { write(rhs, into: &out) }
            out += ")"
        case .inSubquery(let lhs, let negated, let select):
            wrapped(lhs, if: level(lhs) <= P.levelLike, into: &out)
            out += negated ? " not in (" : " in ("
            writeSelect(select, into: &out)
            out += ")"
        case .inList(let lhs, let negated, let items):
            wrapped(lhs, if: level(lhs) <= P.levelLike, into: &out)
            out += negated ? " not in (" : " in ("
            writeList(items, into: &out)
            out += ")"
        case .array(let items):
            out += "array["
            writeList(items, into: &out)
            out += "]"
        case .arraySubquery(let select):
            out += "array("
            writeSelect(select, into: &out)
            out += ")"
        case .row(let items):
            out += "row("
            writeList(items, into: &out)
            out += ")"
        case .caseWhen(let subject, let branches, let otherwise):
            out += "case"
            if let subject { out += " "; write(subject, into: &out) }
            for branch in branches {
                out += " when "
                write(branch.condition, into: &out)
                out += " then "
                write(branch.result, into: &out)
            }
            if let otherwise { out += " else "; write(otherwise, into: &out) }
            out += " end"
        case .exists(let select):
            out += "exists ("
            writeSelect(select, into: &out)
            out += ")"
        case .subquery(let select):
            out += "("
            writeSelect(select, into: &out)
            out += ")"
        case .atTimeZone(let value, let zone):
            wrapped(value, if: level(value) <= P.levelAtTimeZone, into: &out)
            out += " at time zone "
            wrapped(zone, if: level(zone) <= P.levelAtTimeZone, into: &out)
        case .collate(let value, let collation):
            wrapped(value, if: level(value) < P.levelCollate, into: &out)
            out += " collate " + Identifier.quoted(collation)
        case .subscript(let base, let lower, let upper, let slice):
            wrapped(base, if: level(base) < P.levelSubscript, into: &out)
            out += "["
            if let lower { write(lower, into: &out) }
            if slice { out += ":" }
            if let upper { write(upper, into: &out) }
            out += "]"
        }
    }

    static func writeSelect(_ select: SQLSelect, into out: inout String) {
        if let raw = select.raw { out += raw; return }
        out += select.distinct ? "select distinct " : "select "
        for (i, item) in select.items.enumerated() {
            if i > 0 { out += ", " }
            write(item.expr, into: &out)
            if let alias = item.alias { out += " as " + name(alias) }
        }
        if !select.from.isEmpty {
            out += " from "
            for (i, item) in select.from.enumerated() {
                if i > 0 { out += ", " }
                writeFrom(item, into: &out)
            }
        }
        if let whereClause = select.whereClause {
            out += " where "
            write(whereClause, into: &out)
        }
        if !select.groupBy.isEmpty {
            out += " group by "
            writeList(select.groupBy, into: &out)
        }
        if let having = select.having {
            out += " having "
            write(having, into: &out)
        }
        if !select.orderBy.isEmpty {
            out += " order by "
            for (i, order) in select.orderBy.enumerated() {
                if i > 0 { out += ", " }
                write(order.expr, into: &out)
                if order.descending { out += " desc" }
                if let nulls = order.nulls { out += " nulls " + nulls }
            }
        }
        if let limit = select.limit { out += " limit "; write(limit, into: &out) }
        if let offset = select.offset { out += " offset "; write(offset, into: &out) }
    }

    static func writeFrom(_ item: SQLFromItem, into out: inout String) {
        switch item {
        case .relation(let parts, let alias):
            out += parts.map(name).joined(separator: ".")
            if let alias { out += " " + name(alias) }
        case .subquery(let select, let alias):
            out += "("
            writeSelect(select, into: &out)
            out += ")"
            if let alias { out += " " + name(alias) }
        case .join(let kind, let left, let right, let on, let using):
            writeFrom(left, into: &out)
            out += " " + kind + " "
            if case .join = right {
                out += "("
                writeFrom(right, into: &out)
                out += ")"
            } else {
                writeFrom(right, into: &out)
            }
            if let on { out += " on "; write(on, into: &out) }
            if !using.isEmpty { out += " using (" + using.map(name).joined(separator: ", ") + ")" }
        case .raw(let text):
            out += text
        }
    }
}

/// The token-level canonical form, used for text the parser does not model (and for the
/// unparsed parts of sub-selects): tokens re-printed with single spaces, none inside brackets or
/// around `.` and `::`.
enum SQLTokenPrinter {
    static func print(_ tokens: ArraySlice<SQLToken>) -> String {
        var out = ""
        var previous: SQLToken? = nil
        var index = tokens.startIndex
        while index < tokens.endIndex {
            var token = tokens[index]
            // Search-path qualifiers: `public.x` is `x`.
            if token.isWord("public"), index + 2 < tokens.endIndex, tokens[index + 1].isPunct("."),
                tokens[index + 2].kind == .word || tokens[index + 2].kind == .quotedIdentifier,
                !(previous?.isPunct(".") ?? false)
            {
                index += 2
                token = tokens[index]
            }
            if let previous {
                let glue = previous.isPunct("(") || previous.isPunct("[") || previous.isPunct(".") || previous.kind == .typecast
                    || token.isPunct(")") || token.isPunct("]") || token.isPunct(",") || token.isPunct(".")
                    || token.kind == .typecast || (token.isPunct("(") && (previous.kind == .word || previous.kind == .quotedIdentifier) && !keywordBeforeParen.contains(previous.text))
                    || (token.isPunct("[") && previous.kind != .op)
                if !glue { out += " " }
            }
            switch token.kind {
            case .string: out += SQLExpressionPrinter.literal(token.text)
            case .quotedIdentifier: out += SQLExpressionPrinter.name(token.text)
            default: out += token.text
            }
            previous = token
            index += 1
        }
        return out
    }

    private static let keywordBeforeParen: Set<String> = [
        "and", "or", "not", "in", "exists", "any", "all", "some", "from", "where", "select", "as", "on",
        "then", "else", "when", "is", "like", "ilike", "between", "using", "join",
    ]
}
