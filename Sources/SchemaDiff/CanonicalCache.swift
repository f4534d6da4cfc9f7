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
    }

    private var memo: [Key: String] = [:]

    /// The canonical text of `sql` (typed by `columnType` when given), `nil` for `nil`.
    func canonical(_ sql: String?, columnType: SQLType? = nil) -> String? {
        guard let sql else { return nil }
        let key = Key(sql: sql, type: columnType)
        if let hit = memo[key] { return hit }
        let value = ExpressionCanonicalizer.canonicalize(sql, columnType: columnType)
        memo[key] = value
        return value
    }
}
