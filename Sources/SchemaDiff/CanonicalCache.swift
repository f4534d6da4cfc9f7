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

    /// The canonical text of `sql` (typed by `columnType` when given), `nil` for `nil`.
    ///
    /// `table` is the table a CHECK, policy, index predicate or trigger condition belongs to: Drizzle
    /// writes its columns qualified (`"users"."credits" >= 0`) where PostgreSQL prints them bare
    /// (`(credits >= 0)`), so own-table qualifiers must be dropped before comparing.
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
