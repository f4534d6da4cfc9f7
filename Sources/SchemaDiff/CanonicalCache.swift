import SchemaModel

/// Remembers ``ExpressionCanonicalizer`` results for one comparison.
///
/// Schemas repeat the same few expressions (`now()`, `auth.uid() = user_id`, `'{}'::jsonb`) across
/// hundreds of tables and every source pair; canonicalizing each distinct text once keeps a
/// 1,000-table comparison linear in distinct expressions rather than in comparisons. One instance per
/// ``SchemaDiffer/compare(reference:others:options:)`` call, used from one thread only.
final class CanonicalCache {
    private struct Key: Hashable {
        let sql: String
        let type: SQLType?
        let table: String?
    }

    private var memo: [Key: String] = [:]

    /// The canonical text of `sql` (typed by `columnType` when given), `nil` for `nil`. With `table`,
    /// references qualified with that table's own name are unqualified (Drizzle writes
    /// `"posts"."user_id"` in `sql` templates where PostgreSQL stores `user_id`).
    /// Whether two expressions mean the same. Identical text (the common case: most defaults and
    /// policies are spelled the same way by every source) is answered without hashing or parsing.
    func same(_ a: String?, _ b: String?, types: (SQLType?, SQLType?) = (nil, nil), table: String? = nil) -> Bool {
        if a == b && types.0 == types.1 { return true }
        return canonical(a, columnType: types.0, table: table) == canonical(b, columnType: types.1, table: table)
    }

    func canonical(_ sql: String?, columnType: SQLType? = nil, table: String? = nil) -> String? {
        guard let sql else { return nil }
        let key = Key(sql: sql, type: columnType, table: table)
        if let hit = memo[key] { return hit }
        let value = table.map { ExpressionCanonicalizer.canonicalize(sql, columnType: columnType, table: $0) }
            ?? ExpressionCanonicalizer.canonicalize(sql, columnType: columnType)
        memo[key] = value
        return value
    }
}
