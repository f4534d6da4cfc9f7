/// The small expression tree the canonicalizer parses SQL into. Parentheses are not nodes: the
/// printer puts back only those precedence needs, so `((a = b) AND (c > 0))` and `a = b and c > 0`
/// become the same tree.
indirect enum SQLExpr: Sendable, Equatable {
    /// A string constant (decoded value).
    case string(String)
    /// A numeric constant as printed (`-1`, `0.5`).
    case number(String)
    case bool(Bool)
    case null
    /// A column reference, possibly qualified: `["t2", "owner_id"]`; `*` may be the last part.
    case column([String])
    /// `$1`.
    case parameter(String)
    /// A function call; `star` for `count(*)`.
    case function(name: [String], args: [SQLExpr], distinct: Bool, star: Bool)
    /// `x::type` / `CAST(x AS type)`; the type is canonical.
    case cast(SQLExpr, SQLType)
    /// Prefix operator: `not`, `-`, `+`, `~`, ...
    case unary(String, SQLExpr)
    /// Binary operator, canonical name: `=`, `<>`, `like`, `not like`, `->>`, `||`, ...
    case binary(String, SQLExpr, SQLExpr)
    /// `a and b and c` (flattened).
    case and([SQLExpr])
    /// `a or b or c` (flattened).
    case or([SQLExpr])
    /// `x is null`, `x is not true`, ...: `test` is the text after `is`.
    case isTest(SQLExpr, String)
    /// `x is distinct from y`.
    case distinctFrom(SQLExpr, SQLExpr)
    /// `x op any (y)` / `x op all (y)`.
    case quantified(op: String, quantifier: String, SQLExpr, SQLExpr)
    /// `x in (select ...)` / `x not in (select ...)`.
    case inSubquery(SQLExpr, negated: Bool, SQLSelect)
    /// Transitional form of `x [not] in (a, b)`, rewritten to `= any (array[...])` by the rules.
    case inList(SQLExpr, negated: Bool, [SQLExpr])
    /// `array[a, b]`.
    case array([SQLExpr])
    /// `array(select ...)`.
    case arraySubquery(SQLSelect)
    /// `row(a, b)` / `(a, b)`.
    case row([SQLExpr])
    /// `case [subject] when .. then .. [else ..] end`.
    case caseWhen(subject: SQLExpr?, branches: [SQLWhen], otherwise: SQLExpr?)
    /// `exists (select ...)`.
    case exists(SQLSelect)
    /// `(select ...)`.
    case subquery(SQLSelect)
    /// `x at time zone z` (also `timezone(z, x)`).
    case atTimeZone(SQLExpr, SQLExpr)
    /// `x collate "C"`.
    case collate(SQLExpr, String)
    /// `x[i]` or `x[a:b]`.
    case `subscript`(SQLExpr, SQLExpr?, SQLExpr?, slice: Bool)
    /// Keyword values without parentheses: `current_date`, `current_user`, `current_timestamp(3)`.
    case special(String)
}

/// One `when .. then ..` branch of a CASE.
struct SQLWhen: Sendable, Equatable {
    var condition: SQLExpr
    var result: SQLExpr
}

/// A sub-select: select list, FROM items, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT and OFFSET are
/// modelled; anything else (UNION, WINDOW, FOR UPDATE, ...) keeps the whole sub-select as canonical
/// token text in `raw`.
struct SQLSelect: Sendable, Equatable {
    /// One select-list entry: an expression and its alias (nil when none).
    struct Item: Sendable, Equatable {
        var expr: SQLExpr
        var alias: String?
    }
    /// One ORDER BY entry; `descending` and `nulls` (`"first"`/`"last"`, nil when default).
    struct Order: Sendable, Equatable {
        var expr: SQLExpr
        var descending: Bool
        var nulls: String?
    }
    var distinct: Bool = false
    var items: [Item] = []
    /// FROM items (a comma list); empty when there is no FROM.
    var from: [SQLFromItem] = []
    var whereClause: SQLExpr? = nil
    var groupBy: [SQLExpr] = []
    var having: SQLExpr? = nil
    var orderBy: [Order] = []
    var limit: SQLExpr? = nil
    var offset: SQLExpr? = nil
    /// When the select could not be parsed: its canonical token text (everything else unused).
    var raw: String? = nil

    /// The name a single plain FROM relation is referred to by (alias, else relation name):
    /// PostgreSQL qualifies every column it resolves there with it.
    var soleRangeName: String? {
        guard from.count == 1, case .relation(let name, let alias) = from[0] else { return nil }
        return alias ?? name.last
    }
}

/// One FROM item.
indirect enum SQLFromItem: Sendable, Equatable {
    /// `schema.table [alias]` (`public.` dropped).
    case relation([String], alias: String?)
    /// `(select ...) alias`.
    case subquery(SQLSelect, alias: String?)
    /// `left join right on condition`; `kind` is `join`, `left join`, `right join`, `full join`
    /// or `cross join`; `using` lists USING columns.
    case join(kind: String, SQLFromItem, SQLFromItem, on: SQLExpr?, using: [String])
    /// A function in FROM or anything else: canonical token text.
    case raw(String)
}
