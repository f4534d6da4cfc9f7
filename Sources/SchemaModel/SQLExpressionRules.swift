/// The rewrite rules that make PostgreSQL's stored spelling of an expression and the spelling a
/// developer wrote produce the same tree. Each rule undoes one thing PostgreSQL does when it stores
/// an expression (see DESIGN.md section 4, "Known traps").
enum SQLExpressionRules {
    /// Types PostgreSQL casts a column to implicitly and then prints explicitly
    /// (`(status)::text = 'x'::text` for a varchar column, `(score)::double precision ^ ...`).
    static let implicitColumnCasts: Set<String> = [
        "text", "character varying", "bpchar", "double precision", "numeric", "bigint", "real",
    ]
    /// Schemas whose qualifier a function call loses when printed: `pg_catalog` and `public` are on
    /// every search path, `extensions` on Supabase's default one (`uuid_generate_v4()`,
    /// `extensions.uuid_generate_v4()`).
    static let searchPathSchemas: Set<String> = ["public", "pg_catalog", "extensions"]

    /// The string types PostgreSQL coerces between without a function (binary coercible).
    static let implicitStringCasts: Set<String> = ["text", "character varying", "bpchar"]
    static let numericTypes: Set<String> = ["integer", "smallint", "bigint", "numeric", "real", "double precision", "oid"]

    /// Normalizes `expr`; `range` is the name of the sole FROM relation of the enclosing sub-select,
    /// whose qualifier PostgreSQL adds to every column it resolves there.
    static func normalize(_ expr: SQLExpr, range: String? = nil) -> SQLExpr {
        func n(_ e: SQLExpr) -> SQLExpr { normalize(e, range: range) }
        switch expr {
        case .string(let text):
            // JSON objects and arrays take jsonb's spelling even without a cast: a source writes
            // `meta @> '{"a":1}'`, PostgreSQL stores `meta @> '{"a": 1}'::jsonb`.
            if let first = text.utf8.first, first == 123 || first == 91, let json = SQLJSONText.canonicalJSONB(text) {
                return .string(json)
            }
            return expr
        case .number, .bool, .null, .parameter:
            return expr
        case .special(let word):
            return word == "current_timestamp" ? now : expr
        case .column(var parts):
            if parts.count == 3 && parts[0] == "public" { parts.removeFirst() }
            if let range, parts.count == 3, parts[1] == range, parts[2] != "*" { parts.removeFirst(2) }
            if let range, parts.count == 2, parts[0] == range, parts[1] != "*" { parts.removeFirst() }
            return .column(parts)
        case .function(var name, let args, let distinct, let star):
            if name.count == 2 && searchPathSchemas.contains(name[0]) { name.removeFirst() }
            var args = args.map(n)
            if args.isEmpty && !star && (name == ["now"] || name == ["transaction_timestamp"]) { return now }
            if name == ["timezone"] && args.count == 2 { return .atTimeZone(args[1], args[0]) }
            if name.count == 1, ["nextval", "currval", "setval"].contains(name[0]), case .string(let seq) = args.first {
                args[0] = .string(regclassName(seq))
            }
            return .function(name: name, args: args, distinct: distinct, star: star)
        case .cast(let value, let type):
            let inner = n(value)
            if isConstant(inner) { return fold(inner, as: type) }
            if type.arrayDimensions == 0, type.modifiers.isEmpty {
                switch inner {
                case .column:
                    if implicitColumnCasts.contains(type.name) { return inner }
                case .function, .subscript, .collate:
                    // `(COALESCE(body, ''::character varying))::text` for a varchar column.
                    if implicitStringCasts.contains(type.name) { return inner }
                default:
                    break
                }
            }
            return .cast(inner, type)
        case .unary(let op, let operand):
            let inner = n(operand)
            if op == "+" { return inner }
            if op == "-", case .number(let number) = inner { return .number(negate(number)) }
            return .unary(op, inner)
        case .binary(let op, let lhs, let rhs):
            let left = n(lhs), right = n(rhs)
            // Row equality is stored field by field: (a, b) = (1, 2) is a = 1 AND b = 2.
            if op == "=" || op == "<>", case .row(let l) = left, case .row(let r) = right, l.count == r.count, l.count > 1 {
                let pairs = zip(l, r).map { SQLExpr.binary(op, $0, $1) }
                return op == "=" ? .and(pairs) : .or(pairs)
            }
            return .binary(canonicalOperator(op), left, right)
        case .and(let items):
            return .and(items.map(n).flatMap { item -> [SQLExpr] in if case .and(let inner) = item { return inner } else { return [item] } })
        case .or(let items):
            return .or(items.map(n).flatMap { item -> [SQLExpr] in if case .or(let inner) = item { return inner } else { return [item] } })
        case .isTest(let value, let test):
            return .isTest(n(value), test)
        case .distinctFrom(let lhs, let rhs):
            return .distinctFrom(n(lhs), n(rhs))
        case .quantified(let op, let quantifier, let lhs, let rhs):
            var right = n(rhs)
            if case .subquery(let select) = rhs {
                // `x = ANY (SELECT ...)` is stored as `x IN (SELECT ...)`.
                if op == "=" && quantifier == "any" { return .inSubquery(n(lhs), negated: false, normalizeSelect(select)) }
                right = .subquery(normalizeSelect(select))
            }
            return .quantified(op: canonicalOperator(op), quantifier: quantifier, n(lhs), right)
        case .inSubquery(let lhs, let negated, let select):
            // `x NOT IN (SELECT ...)` is stored as `NOT (x IN (SELECT ...))`.
            let test = SQLExpr.inSubquery(n(lhs), negated: false, normalizeSelect(select))
            return negated ? .unary("not", test) : test
        case .inList(let lhs, let negated, let items):
            return expandIn(n(lhs), negated: negated, items.map(n))
        case .array(let items):
            let array = SQLExpr.array(items.map(n))
            return isConstant(array) ? .string(SQLArrayLiteral.text(of: array)) : array
        case .arraySubquery(let select):
            return .arraySubquery(normalizeSelect(select))
        case .row(let items):
            return .row(items.map(n))
        case .caseWhen(let subject, let branches, let otherwise):
            // A CASE without ELSE is stored with `ELSE NULL::type`.
            var elseValue = otherwise.map(n)
            if elseValue == .null { elseValue = nil }
            return .caseWhen(
                subject: subject.map(n),
                branches: branches.map { SQLWhen(condition: n($0.condition), result: n($0.result)) },
                otherwise: elseValue)
        case .exists(let select):
            return .exists(normalizeSelect(select))
        case .subquery(let select):
            return .subquery(normalizeSelect(select))
        case .atTimeZone(let value, let zone):
            return .atTimeZone(n(value), n(zone))
        case .collate(let value, let collation):
            return .collate(n(value), collation)
        case .subscript(let base, let lower, let upper, let slice):
            return .subscript(n(base), lower.map(n), upper.map(n), slice: slice)
        }
    }

    /// `now()`, `current_timestamp` and `transaction_timestamp()` are one value.
    static let now = SQLExpr.function(name: ["now"], args: [], distinct: false, star: false)

    /// `~~` is LIKE, `!~~` NOT LIKE, `~~*` ILIKE, `!~~*` NOT ILIKE.
    static func canonicalOperator(_ op: String) -> String {
        switch op {
        case "~~": return "like"
        case "!~~": return "not like"
        case "~~*": return "ilike"
        case "!~~*": return "not ilike"
        default: return op
        }
    }

    /// Constants whose casts PostgreSQL adds on storing: literals, NULL, and arrays of them.
    static func isConstant(_ expr: SQLExpr) -> Bool {
        switch expr {
        case .string, .number, .bool, .null: return true
        case .array(let items): return items.allSatisfy(isConstant)
        default: return false
        }
    }

    /// A constant seen as a value of `type`: the cast goes, and the value takes the spelling
    /// PostgreSQL prints for that type (`'t'` is `true`, `'5'` is `5`, `'{"a","b"}'` is `'{a,b}'`).
    static func fold(_ value: SQLExpr, as type: SQLType) -> SQLExpr {
        switch value {
        case .array:
            return .string(SQLArrayLiteral.text(of: value))
        case .string(let text):
            if type.arrayDimensions > 0 { return .string(SQLArrayLiteral.canonical(text) ?? text) }
            if type.name == "boolean", let b = booleanValue(text) { return .bool(b) }
            if numericTypes.contains(type.name), let number = numberText(text) { return .number(number) }
            if type.name == "jsonb" { return .string(SQLJSONText.canonicalJSONB(text) ?? text) }
            if type.name == "regclass" { return .string(regclassName(text)) }
            if let normalized = SQLDateTimeText.canonical(text, typeName: type.name) { return .string(normalized) }
            return value
        default:
            return value
        }
    }

    static func booleanValue(_ text: String) -> Bool? {
        switch text.lowercased().trimmingSpaces {
        case "t", "true", "y", "yes", "on", "1": return true
        case "f", "false", "n", "no", "off", "0": return false
        default: return nil
        }
    }

    /// `text` as a numeric constant (`'-1'` -> `-1`, `' 5 '` -> `5`), or nil when it is not one.
    static func numberText(_ text: String) -> String? {
        var t = Substring(text.trimmingSpaces)
        var sign = ""
        if t.hasPrefix("-") { sign = "-"; t = t.dropFirst() } else if t.hasPrefix("+") { t = t.dropFirst() }
        let tokens = SQLTokenizer.tokenize(String(t))
        guard tokens.count == 1, tokens[0].kind == .number else { return nil }
        return sign + tokens[0].text
    }

    static func negate(_ number: String) -> String {
        number.hasPrefix("-") ? String(number.dropFirst()) : "-" + number
    }

    /// A relation name as `regclass` prints it: unquoted parts folded, `public.` dropped, quoted
    /// only when needed (`'public.X_seq'` -> `x_seq`).
    static func regclassName(_ text: String) -> String {
        let tokens = SQLTokenizer.tokenize(text)
        var parts: [String] = []
        for (i, token) in tokens.enumerated() {
            if i % 2 == 1 {
                guard token.isPunct(".") else { return text }
                continue
            }
            guard token.kind == .word || token.kind == .quotedIdentifier else { return text }
            parts.append(token.text)
        }
        guard !parts.isEmpty, tokens.count % 2 == 1 else { return text }
        if parts.count == 2 && parts[0] == "public" { parts.removeFirst() }
        return parts.map { Identifier.quoted($0) }.joined(separator: ".")
    }

    /// `x IN (a, b)` the way PostgreSQL stores it: one element is `x = a`; constant elements go into
    /// `x = ANY (ARRAY[...])`; elements that refer to columns become `x = col` joined by OR
    /// (NOT IN: `<> ALL`, `<>`, AND).
    static func expandIn(_ lhs: SQLExpr, negated: Bool, _ items: [SQLExpr]) -> SQLExpr {
        let op = negated ? "<>" : "="
        if items.count == 1 { return .binary(op, lhs, items[0]) }
        let nonColumns = items.filter { !refersToColumn($0) }
        var parts: [SQLExpr] = []
        var rest = items
        if nonColumns.count > 1 {
            let array = normalize(.array(nonColumns))
            parts.append(.quantified(op: op, quantifier: negated ? "all" : "any", lhs, array))
            rest = items.filter(refersToColumn)
        }
        for item in rest { parts.append(.binary(op, lhs, item)) }
        if parts.count == 1 { return parts[0] }
        return negated ? .and(parts) : .or(parts)
    }

    static func refersToColumn(_ expr: SQLExpr) -> Bool {
        switch expr {
        case .column: return true
        case .string, .number, .bool, .null, .parameter, .special, .subquery, .exists, .arraySubquery: return false
        case .function(_, let args, _, _): return args.contains(where: refersToColumn)
        case .cast(let v, _), .unary(_, let v), .isTest(let v, _), .collate(let v, _): return refersToColumn(v)
        case .binary(_, let l, let r), .distinctFrom(let l, let r), .atTimeZone(let l, let r), .quantified(_, _, let l, let r):
            return refersToColumn(l) || refersToColumn(r)
        case .and(let items), .or(let items), .array(let items), .row(let items): return items.contains(where: refersToColumn)
        case .inList(let l, _, let items): return refersToColumn(l) || items.contains(where: refersToColumn)
        case .inSubquery(let l, _, _): return refersToColumn(l)
        case .caseWhen(let s, let b, let o):
            return (s.map(refersToColumn) ?? false) || (o.map(refersToColumn) ?? false)
                || b.contains { refersToColumn($0.condition) || refersToColumn($0.result) }
        case .subscript(let b, let l, let u, _):
            return refersToColumn(b) || (l.map(refersToColumn) ?? false) || (u.map(refersToColumn) ?? false)
        }
    }

    /// Normalizes a sub-select: columns lose the qualifier of its sole relation, and an alias that
    /// only repeats the name PostgreSQL would give the column anyway (`auth.uid() AS uid`) goes.
    static func normalizeSelect(_ select: SQLSelect) -> SQLSelect {
        guard select.raw == nil else { return select }
        var out = select
        let range = select.soleRangeName
        func n(_ e: SQLExpr) -> SQLExpr { normalize(e, range: range) }
        out.items = select.items.map { item in
            let expr = n(item.expr)
            var alias = item.alias
            if let a = alias, a == columnName(item.expr) || a == columnName(expr) { alias = nil }
            return .init(expr: expr, alias: alias)
        }
        out.from = select.from.map(normalizeFrom)
        out.whereClause = select.whereClause.map(n)
        out.groupBy = select.groupBy.map(n)
        out.having = select.having.map(n)
        out.orderBy = select.orderBy.map { .init(expr: n($0.expr), descending: $0.descending, nulls: $0.nulls) }
        out.limit = select.limit.map(n)
        out.offset = select.offset.map(n)
        return out
    }

    static func normalizeFrom(_ item: SQLFromItem) -> SQLFromItem {
        switch item {
        case .relation, .raw: return item
        case .subquery(let select, let alias): return .subquery(normalizeSelect(select), alias: alias)
        case .join(let kind, let left, let right, let on, let using):
            return .join(kind: kind, normalizeFrom(left), normalizeFrom(right), on: on.map { normalize($0) }, using: using)
        }
    }

    /// The output column name PostgreSQL chooses for a select-list expression (FigureColname).
    static func columnName(_ expr: SQLExpr) -> String? {
        switch expr {
        case .column(let parts): return parts.last
        case .function(let name, _, _, _): return name.last
        case .cast(let value, let type): return columnName(value) ?? type.name
        case .caseWhen: return "case"
        case .special(let word): return String(word.prefix { $0 != "(" })
        case .array: return "array"
        case .row: return "row"
        case .exists: return "exists"
        case .atTimeZone: return "timezone"
        default: return nil
        }
    }
}

extension String {
    /// The text without leading and trailing ASCII white space.
    var trimmingSpaces: String {
        let bytes = Array(utf8)
        var start = 0, end = bytes.count
        func space(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 || b == 12 }
        while start < end && space(bytes[start]) { start += 1 }
        while end > start && space(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
