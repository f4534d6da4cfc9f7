/// Decoding helpers for PostgreSQL's text output format.
enum TextValue {
    static func bool(_ value: String?) -> Bool { value == "t" || value == "true" }

    /// A list joined with U+001F by the queries; empty text is the empty list. Split on the byte: a
    /// control character never joins a grapheme cluster, so this is the split by `Character`, which
    /// cost some 7,000 instructions per policy's role list.
    static func list(_ value: String?) -> [String] {
        guard let value, !value.isEmpty else { return [] }
        return value.utf8.split(separator: 0x1F, omittingEmptySubsequences: false).map { String(Substring($0)) }
    }

    /// A type OID and modifier, or a table OID and attribute number, as a dictionary key.
    struct NumberPair: Hashable {
        let first: String
        let second: String
        init(_ row: QueryRow, _ a: Int, _ b: Int) {
            first = TextValue.string(row, a)
            second = TextValue.string(row, b)
        }
    }

    static func string(_ row: QueryRow, _ index: Int) -> String { row[index] ?? "" }

    static func optional(_ row: QueryRow, _ index: Int) -> String? { row[index] }

    /// The numbers of an `int2[]` (`{1,3}`), `int2vector` or `oidvector` (`1 3`) in text form.
    /// Scanned byte by byte: splitting into substrings was most of the index and constraint decoding.
    static func numbers(_ value: String?) -> [Int] {
        guard let value else { return [] }
        var out: [Int] = []
        // One piece between separators: what `Int(_:)` accepts is an optional sign, then digits.
        var current = 0, negative = false, signed = false, digits = false, valid = true
        func finish() {
            if digits && valid { out.append(negative ? -current : current) }
            current = 0; negative = false; signed = false; digits = false; valid = true
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: " "):
                finish()
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits = true
                let (product, overflow1) = current.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = product.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
                if overflow1 || overflow2 { valid = false } else { current = sum }
            case UInt8(ascii: "-"), UInt8(ascii: "+"):
                if digits || signed { valid = false } else { signed = true; negative = byte == UInt8(ascii: "-") }
            default:
                valid = false
            }
        }
        finish()
        return out
    }

    /// `name` as a double-quoted identifier, which ``CatalogMapper/unquote(_:)`` turns back into `name`.
    static func quoted(_ name: String) -> String {
        if !name.utf8.contains(UInt8(ascii: "\"")) { return "\"" + name + "\"" }
        return "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// Byte order, as PostgreSQL sorts `name` values.
    static func byteOrder(_ lhs: String, _ rhs: String) -> Bool { lhs.utf8.lexicographicallyPrecedes(rhs.utf8) }
}

/// Column names by table OID and attribute number, from the columns query (built once per read and
/// shared by the decoders that need it): the other per-table
/// queries return attribute numbers and are resolved here, instead of by a correlated subquery per
/// row on the server (which cost about two thirds of the index and constraint queries).
struct ColumnNames {
    /// Per table OID, names indexed by attribute number (`nil` for a number without a column).
    /// One dictionary entry per table, not per column: building a dictionary per table was most of
    /// this type's cost.
    private var byTable: [String: [String?]] = [:]

    init(_ columns: [CatalogRows.ColumnRow]) {
        byTable.reserveCapacity(columns.count / 8)
        // The columns query returns each table's columns together: one entry per run of rows.
        var start = 0
        while start < columns.count {
            let table = columns[start].tableOID
            var end = start + 1
            while end < columns.count && columns[end].tableOID == table { end += 1 }
            var slots = byTable.removeValue(forKey: table) ?? []
            for column in columns[start..<end] { Self.set(&slots, column.number, column.name) }
            byTable[table] = slots
            start = end
        }
    }

    private static func set(_ slots: inout [String?], _ number: Int, _ name: String) {
        // Attribute numbers of table columns are 1...1600; anything else is ignored, as a lookup
        // of it would find nothing.
        guard number >= 0 && number <= 1_600 else { return }
        if slots.count <= number { slots.append(contentsOf: repeatElement(nil, count: number + 1 - slots.count)) }
        slots[number] = name
    }

    /// Whether the table's columns were read (it is one of the selected tables).
    func knows(_ table: String) -> Bool { byTable[table] != nil }

    mutating func add(table: String, number: Int, name: String) { Self.set(&byTable[table, default: []], number, name) }

    /// The names of `numbers` in `table`, in order; unknown numbers are left out.
    func names(_ table: String, _ numbers: [Int]) -> [String] {
        guard let slots = byTable[table] else { return [] }
        return numbers.compactMap { $0 >= 0 && $0 < slots.count ? slots[$0] : nil }
    }

    func name(_ table: String, _ number: Int) -> String? {
        guard let slots = byTable[table], number >= 0 && number < slots.count else { return nil }
        return slots[number]
    }
}

extension CatalogRows {
    /// Decodes raw query results (in the column order of ``CatalogQueries``).
    mutating func decode(tables raw: QueryRows) {
        tables = raw.map { r in
            TableRow(
                oid: TextValue.string(r, 0), schema: TextValue.string(r, 1), name: TextValue.string(r, 2),
                kind: TextValue.string(r, 3), rowSecurity: TextValue.bool(r[4]),
                forceRowSecurity: TextValue.bool(r[5]), comment: TextValue.optional(r, 6))
        }
    }

    /// `raw` are ``CatalogQueries/columns`` rows, `types` the ``CatalogQueries/columnTypes`` rows of
    /// their distinct types, `identities` the ``CatalogQueries/identitySequences`` rows.
    mutating func decode(columns raw: QueryRows, types: QueryRows, identities: QueryRows) {
        struct TypeInfo { var formatted: String, userType: String?, isArray: Bool }
        var typeOf: [TextValue.NumberPair: TypeInfo] = [:]
        for r in types {
            typeOf[TextValue.NumberPair(r, 0, 1)] = TypeInfo(
                formatted: TextValue.string(r, 2), userType: TextValue.optional(r, 3), isArray: TextValue.string(r, 4) == "1")
        }
        var sequenceOf: [TextValue.NumberPair: QueryRow] = [:]
        for r in identities where sequenceOf[TextValue.NumberPair(r, 0, 1)] == nil {
            sequenceOf[TextValue.NumberPair(r, 0, 1)] = r
        }
        columns = ColumnOrder.indices(of: raw).map { k in
            let r = raw[k]
            let type = typeOf[TextValue.NumberPair(r, 2, 3)]
            let identity = TextValue.string(r, 6)
            // Only identity columns carry sequence options, as when they were joined per column.
            let sequence = identity.isEmpty ? nil : sequenceOf[TextValue.NumberPair(r, 0, 9)]
            return ColumnRow(
                tableOID: TextValue.string(r, 0), name: TextValue.string(r, 1),
                formattedType: type?.formatted ?? "", notNull: TextValue.bool(r[4]),
                defaultExpression: TextValue.optional(r, 5), identity: identity,
                generated: TextValue.string(r, 7), userType: type?.userType,
                isArray: type?.isArray ?? false, comment: TextValue.optional(r, 8),
                sequenceStart: sequence.flatMap { TextValue.optional($0, 2) },
                sequenceIncrement: sequence.flatMap { TextValue.optional($0, 3) },
                sequenceMin: sequence.flatMap { TextValue.optional($0, 4) },
                sequenceMax: sequence.flatMap { TextValue.optional($0, 5) },
                sequenceCache: sequence.flatMap { TextValue.optional($0, 6) },
                sequenceCycle: sequence.flatMap { TextValue.optional($0, 7) }.map { TextValue.bool($0) },
                number: Int(TextValue.string(r, 9)) ?? 0)
        }
    }

    /// The OIDs of tables that foreign keys in `raw` (constraints query rows) reference but whose
    /// columns were not read.
    func referencedTablesOutsideSelection(_ raw: QueryRows, names: ColumnNames? = nil) -> [String] {
        let names = names ?? ColumnNames(columns)
        var outside: Set<String> = []
        for r in raw where TextValue.string(r, 2) == "f" {
            let referenced = TextValue.string(r, 13)
            if !names.knows(referenced) { outside.insert(referenced) }
        }
        return outside.sorted()
    }

    /// Needs ``columns`` decoded first; `outside` are rows of
    /// ``CatalogQueries/referencedColumnsOutsideSelection`` (table OID, name, number).
    mutating func decode(constraints raw: QueryRows, outside: QueryRows = QueryRows(), names known: ColumnNames? = nil) {
        var names = known ?? ColumnNames(columns)
        for r in outside {
            names.add(table: TextValue.string(r, 0), number: Int(TextValue.string(r, 2)) ?? 0, name: TextValue.string(r, 1))
        }
        constraints = raw.map { r in
            let table = TextValue.string(r, 0)
            let referenced = TextValue.string(r, 13)
            let referencedColumns = names.names(referenced, TextValue.numbers(r[6]))
            return ConstraintRow(
                tableOID: table, name: TextValue.string(r, 1), type: TextValue.string(r, 2),
                columns: names.names(table, TextValue.numbers(r[3])), referencedSchema: TextValue.optional(r, 4),
                referencedTable: TextValue.optional(r, 5), referencedColumns: referencedColumns,
                onDelete: TextValue.string(r, 7), onUpdate: TextValue.string(r, 8),
                deferrable: TextValue.bool(r[9]), deferred: TextValue.bool(r[10]),
                checkExpression: TextValue.optional(r, 11), nullsNotDistinct: TextValue.bool(r[12]))
        }
    }

    /// Needs ``columns`` decoded first, and `operatorClasses`: the non-default operator classes by OID
    /// (a default one is left unnamed).
    mutating func decode(indexes raw: QueryRows, operatorClasses: [String: String], names known: ColumnNames? = nil) {
        let names = known ?? ColumnNames(columns)
        indexes = raw.map { r in
            let table = TextValue.string(r, 0)
            var expressions = TextValue.list(TextValue.optional(r, 11)).makeIterator()
            // Each key: `1` and a quoted column name, or `0` and the expression text.
            let keys = TextValue.numbers(r[8]).map { number -> String in
                if number == 0 { return "0" + (expressions.next() ?? "") }
                return "1" + TextValue.quoted(names.name(table, number) ?? String(number))
            }
            // An `oidvector` is digits and spaces: split on the byte.
            let classes = (TextValue.optional(r, 10) ?? "").utf8.split(separator: UInt8(ascii: " "))
                .map { operatorClasses[String(Substring($0))] ?? "" }
            return IndexRow(
                tableOID: table, name: TextValue.string(r, 1), isUnique: TextValue.bool(r[2]),
                method: TextValue.string(r, 3), predicate: TextValue.optional(r, 4),
                keyCount: Int(TextValue.string(r, 5)) ?? 0, keys: keys,
                options: TextValue.numbers(r[9]), operatorClasses: classes,
                nullsNotDistinct: TextValue.bool(r[7]))
        }
    }

    mutating func decode(enums raw: QueryRows) {
        enums = raw.map { r in
            EnumRow(schema: TextValue.string(r, 0), name: TextValue.string(r, 1), labels: TextValue.list(r[2]))
        }
    }

    mutating func decode(policies raw: QueryRows) {
        policies = raw.map { r in
            PolicyRow(
                tableOID: TextValue.string(r, 0), name: TextValue.string(r, 1), permissive: TextValue.bool(r[2]),
                command: TextValue.string(r, 3), roles: TextValue.list(r[4]), using: TextValue.optional(r, 5),
                withCheck: TextValue.optional(r, 6))
        }
    }

    /// Needs ``columns`` decoded first (`UPDATE OF` columns come as numbers).
    mutating func decode(triggers raw: QueryRows, names known: ColumnNames? = nil) {
        let names = known ?? ColumnNames(columns)
        triggers = raw.map { r in
            TriggerRow(
                tableOID: TextValue.string(r, 0), name: TextValue.string(r, 1),
                type: Int(TextValue.string(r, 2)) ?? 0, functionSchema: TextValue.string(r, 3),
                functionName: TextValue.string(r, 4), argumentsHex: TextValue.string(r, 5),
                updateColumns: names.names(TextValue.string(r, 0), TextValue.numbers(r[6])).sorted(by: TextValue.byteOrder),
                definition: TextValue.string(r, 7))
        }
    }

    mutating func decode(relations raw: QueryRows) {
        relations = raw.map { r in
            RelationRow(
                schema: TextValue.string(r, 0), name: TextValue.string(r, 1), kind: TextValue.string(r, 2),
                definition: TextValue.optional(r, 3))
        }
    }
}
