import Dispatch
import SchemaModel

/// Remembers ``ExpressionCanonicalizer`` results for one comparison.
///
/// Schemas repeat the same few expressions (`now()`, `auth.uid() = user_id`, `'{}'::jsonb`) across
/// hundreds of tables and every source pair; canonicalizing each distinct text once keeps a
/// 1,000-table comparison linear in distinct expressions rather than in comparisons. One instance per
/// ``SchemaDiffer/compare(reference:others:options:)`` call, shared by the threads that compare its
/// tables: lookups take a lock, canonicalizing does not (two threads may compute the same text once
/// each, with the same result).
final class CanonicalCache: @unchecked Sendable {
    private struct Key: Hashable {
        let sql: String
        let type: SQLType?
        let table: String?
    }

    private var memo: [Key: String] = [:]
    private let lock = DispatchSemaphore(value: 1)

    /// Whether two expressions mean the same. Identical text (the common case: most defaults and
    /// policies are spelled the same way by every source) is answered without hashing or parsing.
    func same(_ a: String?, _ b: String?, types: (SQLType?, SQLType?) = (nil, nil), table: String? = nil) -> Bool {
        if a == b && types.0 == types.1 { return true }
        return canonical(a, columnType: types.0, table: table) == canonical(b, columnType: types.1, table: table)
    }

    /// The canonical text of `sql` (typed by `columnType` when given), `nil` for `nil`. With `table`,
    /// references qualified with that table's own name are unqualified (Drizzle writes
    /// `"posts"."user_id"` in `sql` templates where PostgreSQL stores `user_id`).
    func canonical(_ sql: String?, columnType: SQLType? = nil, table: String? = nil) -> String? {
        guard let sql else { return nil }
        // Policies and checks repeat across tables (`(( SELECT auth.uid() AS uid) = owner_id)`), but
        // keyed by table every table missed the cache. The table only matters to text that names it.
        let table = table.flatMap { Self.mayName(sql, $0) ? $0 : nil }
        let key = Key(sql: sql, type: columnType, table: table)
        lock.wait()
        let hit = memo[key]
        lock.signal()
        if let hit { return hit }
        let value = table.map { ExpressionCanonicalizer.canonicalize(sql, columnType: columnType, table: $0) }
            ?? ExpressionCanonicalizer.canonicalize(sql, columnType: columnType)
        lock.wait()
        memo[key] = value
        lock.signal()
        return value
    }

    /// Whether `sql` may contain a reference qualified with `table`: it contains the name, ignoring
    /// ASCII case. Answered "may" for anything not plain ASCII (case folding and quote escapes could
    /// then hide the name from a byte comparison), so a `false` is certain.
    static func mayName(_ sql: String, _ table: String) -> Bool {
        var sql = sql, table = table
        return table.withUTF8 { needle -> Bool in
            if needle.isEmpty || needle.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "\"") }) { return true }
            @inline(__always) func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b | 0x20 : b }
            let first = lower(needle[0])
            return sql.withUTF8 { text -> Bool in
                // One pass: any non-ASCII byte answers "may", as does the name itself.
                var i = 0
                while i < text.count {
                    let b = text[i]
                    if b >= 0x80 { return true }
                    if lower(b) == first && i + needle.count <= text.count {
                        var k = 1
                        while k < needle.count && lower(text[i + k]) == lower(needle[k]) { k += 1 }
                        if k == needle.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
