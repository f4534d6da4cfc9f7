/// The order of the columns query's rows: by table OID, then attribute number, as
/// `ORDER BY a.attrelid, a.attnum` would give them.
///
/// The query leaves ordering to the client (see ``CatalogQueries/columns``). The rows nearly always
/// arrive in this order, so the check is one pass and the sort is the rare case.
enum ColumnOrder {
    /// Row positions of `rows` (``CatalogQueries/columns`` rows: table OID in value 0, attribute
    /// number in value 9) in table OID and attribute number order; rows with equal keys keep their
    /// relative order.
    static func indices(of rows: QueryRows) -> [Int] {
        let keys = rows.map { key(oid: $0[0], number: $0[9]) }
        var sorted = true
        for k in keys.indices.dropFirst() where keys[k - 1] > keys[k] {
            sorted = false
            break
        }
        if sorted { return Array(keys.indices) }
        // Ties (which the catalog never has: attribute numbers are unique per table) break on the
        // position, so the order is the same on every run.
        return keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
    }

    /// The sort key: OID (an unsigned 32-bit number) in the high half, the attribute number (a
    /// signed 16-bit number, positive for the columns read) offset into the low half. Text that is
    /// not a number sorts as 0, which PostgreSQL never sends for these values.
    static func key(oid: String?, number: String?) -> UInt64 {
        let table = oid.flatMap { UInt32($0) } ?? 0
        let attribute = number.flatMap { Int16($0) } ?? 0
        return UInt64(table) << 32 | UInt64(UInt16(bitPattern: attribute) ^ 0x8000)
    }
}
