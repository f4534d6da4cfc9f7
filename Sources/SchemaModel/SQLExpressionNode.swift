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

/// A sub-select. Only its select list and WHERE clause are parsed as expressions; FROM and any
/// later clauses are kept as canonical token text, enough to compare what PostgreSQL prints back.
struct SQLSelect: Sendable, Equatable {
    /// One select-list entry: an expression and its alias (nil when none).
    struct Item: Sendable, Equatable {
        var expr: SQLExpr
        var alias: String?
    }
    var distinct: Bool = false
    var items: [Item] = []
    /// The FROM clause as canonical text (`t t2`, `auth.users`), empty when absent.
    var from: String = ""
    /// The name a single FROM relation is referred to by (alias, else relation name), if there is one.
    var soleRangeName: String? = nil
    var whereClause: SQLExpr? = nil
    /// GROUP BY / ORDER BY / LIMIT ... as canonical token text.
    var rest: String = ""
    /// When the select could not be parsed: its canonical token text (everything else unused).
    var raw: String? = nil
}
