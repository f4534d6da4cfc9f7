/// Positions of tables by OID, for rows that arrive grouped by table.
///
/// The catalog queries order their rows by table, so consecutive rows almost always name the same
/// table: the last answer is kept and the dictionary is consulted only when the OID changes.
struct TableSlots {
    private var slotOf: [String: Int] = [:]
    private var lastOID: String?
    private var lastSlot: Int?

    /// Records `oid` at `slot`; false when the OID was already recorded (the first one wins).
    mutating func add(_ oid: String, slot: Int) -> Bool {
        guard slotOf[oid] == nil else { return false }
        slotOf[oid] = slot
        return true
    }

    /// The slot of `oid`, or nil for a table that was not read (outside the selected schemas).
    subscript(oid: String) -> Int? {
        mutating get {
            if oid == lastOID { return lastSlot }
            lastOID = oid
            lastSlot = slotOf[oid]
            return lastSlot
        }
    }
}
