/// Canonical form of SQL expressions (defaults, CHECK bodies, index predicates, policy USING / WITH
/// CHECK, generated columns), so that spellings PostgreSQL considers the same compare equal.
///
/// Interim version: folds white space and the case of unquoted text. The full tokenizer-based
/// canonicalizer replaces it.
public enum ExpressionCanonicalizer {
    /// The canonical text of `sql`. `columnType`, when given, lets typed literals fold (`'true'` for a
    /// boolean column is `true`).
    public static func canonicalize(_ sql: String, columnType: SQLType? = nil) -> String {
        TypeCanonicalizer.normalizeSpace(sql)
    }
}
