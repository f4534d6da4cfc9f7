/// Canonical form of SQL expressions (defaults, CHECK bodies, index predicates, policy USING / WITH
/// CHECK, generated columns), so that spellings PostgreSQL considers the same compare equal.
///
/// What it undoes (each rule has rows in the table-driven tests, with PostgreSQL 15's real output):
/// parentheses, case and white space; casts on constants (`'x'::text`, `'{}'::jsonb`, `(0)::numeric`)
/// with the constant re-spelled for the cast's type (booleans, numbers, jsonb, arrays, dates,
/// times, timestamps, intervals, regclass); implicit casts PostgreSQL prints on columns
/// (`(status)::text`) and string casts on calls; `now()` = `CURRENT_TIMESTAMP` =
/// `transaction_timestamp()`; `timezone(z, x)` = `x AT TIME ZONE z`; `IN (list)` = `= ANY (ARRAY[...])`
/// (one element: `=`; column elements: OR of `=`), `NOT IN` = `<> ALL`; `= ANY (SELECT)` = `IN (SELECT)`;
/// BETWEEN as two comparisons; LIKE family = `~~` operators; SIMILAR TO = `~ similar_to_escape()`;
/// `IS NOT DISTINCT FROM` = `NOT (IS DISTINCT FROM)`; row equality field by field; CASE without ELSE
/// = `ELSE NULL`; the SQL-standard call syntaxes (`SUBSTRING(x FROM 1 FOR 3)`, `TRIM(BOTH FROM x)`);
/// `public.`/`pg_catalog.`/`extensions.` qualifiers on functions, `public.` on relations; the
/// `AS uid` alias PostgreSQL adds in `(SELECT auth.uid() AS uid)`; the qualifiers PostgreSQL adds to
/// columns of a sub-select's sole relation; `ORDER BY 1`; `!=` = `<>`; `E''`, `$$..$$` and `U&''`
/// strings; numeric exponents; a leading `CHECK` and trailing `NOT VALID` / `NO INHERIT`.
///
/// Left as written (they need column types or session settings): untyped literals compared with
/// typed columns (`a = '5'` is stored `a = 5`), and `timestamptz` constants (printed in the
/// reading session's time zone).
///
/// The text is tokenized (``SQLTokenizer``), parsed with PostgreSQL's precedence
/// (``SQLExpressionParser``), rewritten by ``SQLExpressionRules`` to undo what PostgreSQL does when
/// it stores an expression, and printed with minimal parentheses (``SQLExpressionPrinter``). Text
/// the parser does not understand gets a token-level canonical form instead; nothing ever throws.
public enum ExpressionCanonicalizer {
    /// The canonical text of `sql`. `columnType`, when given, lets a literal default fold to the
    /// spelling PostgreSQL stores for that type (`'true'` for a boolean column is `true`, `'5'` for
    /// an integer column is `5`, `'{"a":1}'` for a jsonb column is `'{"a": 1}'`).
    public static func canonicalize(_ sql: String, columnType: SQLType? = nil) -> String {
        canonical(sql, columnType: columnType, table: nil)
    }

    /// The canonical text of `sql` written on table `table` (a CHECK, policy, index predicate or
    /// trigger WHEN of that table): references qualified with the table's own name
    /// (`"posts"."user_id"`, `app.posts.user_id`, as Drizzle renders columns in `sql` templates)
    /// are unqualified, as PostgreSQL prints them. Sub-selects keep their qualifiers.
    public static func canonicalize(_ sql: String, columnType: SQLType? = nil, table: String) -> String {
        canonical(sql, columnType: columnType, table: table)
    }

    private static func canonical(_ sql: String, columnType: SQLType?, table: String?) -> String {
        var tokens = SQLTokenizer.tokenize(sql)
        // `pg_get_constraintdef` spells a check `CHECK (...)`, with ` NOT VALID` when not validated;
        // CHECK is a reserved word, so a leading one can only be that prefix.
        if tokens.count > 1, tokens[0].isWord("check"), tokens[1].isPunct("(") {
            tokens.removeFirst()
            // Trailing ` NOT VALID` / ` NO INHERIT` are constraint properties, not the expression.
            while tokens.count > 2, tokens[tokens.count - 2].isWord("not") && tokens[tokens.count - 1].isWord("valid")
                || tokens[tokens.count - 2].isWord("no") && tokens[tokens.count - 1].isWord("inherit")
            {
                tokens.removeLast(2)
            }
        }
        if tokens.isEmpty { return "" }
        guard let parsed = try? SQLExpressionParser.parse(tokens) else {
            return SQLTokenPrinter.print(tokens[...])
        }
        var expr = SQLExpressionRules.normalize(parsed, range: table)
        if let columnType, SQLExpressionRules.isConstant(expr) {
            expr = SQLExpressionRules.fold(expr, as: columnType)
        }
        return SQLExpressionPrinter.print(expr)
    }
}
