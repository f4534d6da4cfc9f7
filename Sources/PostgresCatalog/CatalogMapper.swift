import SchemaModel

/// Maps decoded catalog rows to the normalized model. Pure: no connection, no IO.
public enum CatalogMapper {
    /// Builds the catalog for the schemas in `rows.schemas`.
    public static func catalog(from rows: CatalogRows) -> Catalog {
        catalog(from: rows, columnsForSecondThread: columnsForSecondThread)
    }

    /// ``catalog(from:)``, mapping the columns on a second thread from `columnsForSecondThread`
    /// columns on (tests compare both ways).
    static func catalog(from rows: CatalogRows, columnsForSecondThread: Int) -> Catalog {
        // Tables live in an array in row order; rows of the other queries find theirs by OID. Those
        // rows come grouped by table, so the last lookup is remembered (hashing the OID of every
        // column row, and modifying tables inside a dictionary, was a fifth of the mapping).
        var slots = TableSlots()
        var schemaOf: [String] = []
        var tables: [Table] = []
        schemaOf.reserveCapacity(rows.tables.count)
        tables.reserveCapacity(rows.tables.count)
        for row in rows.tables where slots.add(row.oid, slot: tables.count) {
            tables.append(Table(
                name: row.name, kind: row.kind == "p" ? .partitioned : .ordinary,
                rowLevelSecurity: row.rowSecurity, forceRowLevelSecurity: row.forceRowSecurity,
                comment: row.comment, provenance: .database))
            schemaOf.append(row.schema)
        }
        // Columns are mapped on another thread while this one maps constraints, indexes, policies
        // and triggers: they fill different parts of each table, and each kind's rows keep their
        // order. Below a few thousand columns a thread costs more than it saves.
        let columnRows = rows.columns, tableSlots = slots, count = tables.count
        let mapAllColumns: @Sendable () -> [[Column]] = { mapColumns(columnRows, slots: tableSlots, tableCount: count) }
        let columnsTask = columnRows.count >= columnsForSecondThread ? BackgroundTask(mapAllColumns) : nil
        for row in rows.constraints {
            if let slot = slots[row.tableOID] { apply(row, to: &tables[slot]) }
        }
        for row in rows.indexes {
            if let slot = slots[row.tableOID] { tables[slot].indexes.append(index(from: row)) }
        }
        for row in rows.policies {
            if let slot = slots[row.tableOID] { tables[slot].policies.append(policy(from: row)) }
        }
        for row in rows.triggers {
            if let slot = slots[row.tableOID] { tables[slot].triggers.append(trigger(from: row)) }
        }

        // The task cannot throw; `try!` only unwraps its result.
        for (slot, columns) in (columnsTask.map { try! $0.value() } ?? mapAllColumns()).enumerated() {
            tables[slot].columns = columns
        }

        var catalog = Catalog(source: .database)
        for name in rows.schemas { catalog.upsert(Schema(name: name)) }
        for slot in tables.indices { catalog.add(tables[slot], toSchema: schemaOf[slot]) }
        for row in rows.enums {
            catalog.add(EnumType(schema: row.schema, name: row.name, labels: row.labels, provenance: .database))
        }
        for row in rows.relations {
            var schema = catalog.schema(named: row.schema) ?? Schema(name: row.schema)
            if row.kind == "S" {
                schema.sequences.append(SchemaSequence(name: row.name, provenance: .database))
            } else {
                schema.views.append(
                    View(name: row.name, isMaterialized: row.kind == "m", definition: row.definition,
                         provenance: .database))
            }
            catalog.upsert(schema)
        }
        return catalog.normalized()
    }

    /// From this many columns they are mapped on a second thread.
    static let columnsForSecondThread = 4_000

    /// Each table's columns, by slot, in row order.
    static func mapColumns(_ columnRows: [CatalogRows.ColumnRow], slots: TableSlots, tableCount: Int) -> [[Column]] {
        var slots = slots
        var out = [[Column]](repeating: [], count: tableCount)
        // Thousands of columns share a handful of type spellings: canonicalize each spelling once.
        var typeCache: [String: SQLType] = [:]
        // Rows come ordered by table: each table's array is sized once for its run of rows (a column
        // is about 200 bytes, and doubling left a 10-column table with room for 16 in each of three catalogs).
        var runEnd = 0
        for (i, row) in columnRows.enumerated() {
            guard let slot = slots[row.tableOID] else { continue }
            if i >= runEnd {
                runEnd = i + 1
                while runEnd < columnRows.count, columnRows[runEnd].tableOID == row.tableOID { runEnd += 1 }
                out[slot].reserveCapacity(out[slot].count + runEnd - i)
            }
            let canonical: SQLType
            if let cached = typeCache[row.formattedType] {
                canonical = cached
            } else {
                canonical = TypeCanonicalizer.canonicalize(row.formattedType)
                typeCache[row.formattedType] = canonical
            }
            out[slot].append(column(from: row, canonicalType: canonical))
        }
        return out
    }

    static func column(from row: CatalogRows.ColumnRow, canonicalType: SQLType? = nil) -> Column {
        var type: SQLType
        if let userType = row.userType {
            type = SQLType(userType, arrayDimensions: row.isArray ? 1 : 0)
        } else {
            type = canonicalType ?? TypeCanonicalizer.canonicalize(row.formattedType)
        }
        if row.isArray && type.arrayDimensions == 0 { type.arrayDimensions = 1 }
        var identity: Identity?
        if row.identity == "a" || row.identity == "d" {
            identity = Identity(
                generation: row.identity == "a" ? .always : .byDefault,
                start: row.sequenceStart.flatMap { Int64($0) },
                increment: row.sequenceIncrement.flatMap { Int64($0) },
                minValue: row.sequenceMin.flatMap { Int64($0) },
                maxValue: row.sequenceMax.flatMap { Int64($0) },
                cache: row.sequenceCache.flatMap { Int64($0) }, cycle: row.sequenceCycle)
        }
        let isGenerated = row.generated == "s"
        return Column(
            name: row.name, type: type, rawType: row.formattedType, isNullable: !row.notNull,
            defaultExpression: isGenerated ? nil : row.defaultExpression, identity: identity,
            generatedExpression: isGenerated ? row.defaultExpression : nil, comment: row.comment,
            provenance: .database)
    }

    static func apply(_ row: CatalogRows.ConstraintRow, to table: inout Table) {
        switch row.type {
        case "p":
            table.primaryKey = PrimaryKey(name: row.name, columns: row.columns, provenance: .database)
        case "u":
            table.uniqueConstraints.append(
                UniqueConstraint(
                    name: row.name, columns: row.columns, nullsNotDistinct: row.nullsNotDistinct,
                    isDeferrable: row.deferrable, provenance: .database))
        case "f":
            table.foreignKeys.append(
                ForeignKey(
                    name: row.name, columns: row.columns,
                    referencedTable: QualifiedName(schema: row.referencedSchema ?? "", name: row.referencedTable ?? ""),
                    referencedColumns: row.referencedColumns, onDelete: action(row.onDelete),
                    onUpdate: action(row.onUpdate), isDeferrable: row.deferrable,
                    initiallyDeferred: row.deferred, provenance: .database))
        case "c":
            table.checks.append(
                CheckConstraint(name: row.name, expression: row.checkExpression ?? "", provenance: .database))
        default:
            break
        }
    }

    /// `pg_constraint.confdeltype` / `confupdtype` codes.
    static func action(_ code: String) -> ForeignKey.Action {
        switch code {
        case "r": return .restrict
        case "c": return .cascade
        case "n": return .setNull
        case "d": return .setDefault
        default: return .noAction
        }
    }

    static func index(from row: CatalogRows.IndexRow) -> TableIndex {
        var keys: [TableIndex.Key] = []
        var included: [String] = []
        for (position, encoded) in row.keys.enumerated() {
            let isColumn = encoded.hasPrefix("1")
            let text = String(encoded.dropFirst())
            if position >= row.keyCount {
                included.append(text)
                continue
            }
            let option = position < row.options.count ? row.options[position] : 0
            let descending = option & 1 != 0
            let nullsFirst = option & 2 != 0
            let opclass = position < row.operatorClasses.count ? row.operatorClasses[position] : ""
            keys.append(
                TableIndex.Key(
                    column: isColumn ? unquote(text) : nil, expression: isColumn ? nil : text,
                    descending: descending, nullsFirst: nullsFirst == descending ? nil : nullsFirst,
                    operatorClass: opclass.isEmpty ? nil : opclass))
        }
        return TableIndex(
            name: row.name, keys: keys, isUnique: row.isUnique, method: row.method, predicate: row.predicate,
            includedColumns: included.map(unquote), nullsNotDistinct: row.nullsNotDistinct,
            provenance: .database)
    }

    static func policy(from row: CatalogRows.PolicyRow) -> Policy {
        let command: Policy.Command
        switch row.command {
        case "r": command = .select
        case "a": command = .insert
        case "w": command = .update
        case "d": command = .delete
        default: command = .all
        }
        return Policy(
            name: row.name, isPermissive: row.permissive, command: command, roles: row.roles,
            using: row.using, withCheck: row.withCheck, provenance: .database)
    }

    /// Decodes `pg_trigger.tgtype` bits: 1 row, 2 before, 4 insert, 8 delete, 16 update, 32 truncate,
    /// 64 instead of.
    static func trigger(from row: CatalogRows.TriggerRow) -> Trigger {
        let bits = row.type
        let timing: Trigger.Timing = bits & 64 != 0 ? .insteadOf : (bits & 2 != 0 ? .before : .after)
        var events: [Trigger.Event] = []
        if bits & 4 != 0 { events.append(Trigger.Event(.insert)) }
        if bits & 16 != 0 { events.append(Trigger.Event(.update, columns: row.updateColumns)) }
        if bits & 8 != 0 { events.append(Trigger.Event(.delete)) }
        if bits & 32 != 0 { events.append(Trigger.Event(.truncate)) }
        return Trigger(
            name: row.name, timing: timing, events: events, level: bits & 1 != 0 ? .row : .statement,
            function: QualifiedName(schema: row.functionSchema, name: row.functionName),
            arguments: triggerArguments(hex: row.argumentsHex), when: whenCondition(row.definition),
            provenance: .database)
    }

    /// `tgargs` is the arguments as NUL-terminated strings; the query sends it hex-encoded.
    static func triggerArguments(hex: String) -> [String] {
        var bytes: [UInt8] = []
        var high: UInt8?
        for scalar in hex.unicodeScalars {
            guard let nibble = UInt8(String(scalar), radix: 16) else { continue }
            if let h = high {
                bytes.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        var arguments: [String] = []
        var current: [UInt8] = []
        for byte in bytes {
            if byte == 0 {
                arguments.append(String(decoding: current, as: UTF8.self))
                current = []
            } else {
                current.append(byte)
            }
        }
        return arguments
    }

    /// The `WHEN (...)` condition from `pg_get_triggerdef`, which is the only catalog function that
    /// prints it (`tgqual` refers to OLD/NEW in a way `pg_get_expr` cannot print).
    static func whenCondition(_ definition: String) -> String? {
        let bytes = Array(definition.utf8)
        let marker = Array(" WHEN (".utf8)
        guard let start = find(marker, in: bytes, from: 0) else { return nil }
        var depth = 0
        var inQuote = false
        var i = start + marker.count - 1
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "'") { inQuote.toggle() }
            if !inQuote {
                if b == UInt8(ascii: "(") { depth += 1 }
                if b == UInt8(ascii: ")") {
                    depth -= 1
                    if depth == 0 {
                        return String(decoding: bytes[(start + marker.count)..<i], as: UTF8.self)
                    }
                }
            }
            i += 1
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var i = from
        while i + needle.count <= haystack.count {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// `"MixedCase"` as printed by `pg_get_indexdef` becomes `MixedCase`.
    static func unquote(_ name: String) -> String {
        let bytes = name.utf8
        guard bytes.count >= 2, bytes.first == UInt8(ascii: "\""), bytes.last == UInt8(ascii: "\"") else { return name }
        // Byte by byte (the quote is ASCII): splitting on `""` with the string-processing library was
        // a tenth of mapping a large catalog.
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count - 2)
        var previousWasQuote = false
        for byte in bytes.dropFirst().dropLast() {
            if byte == UInt8(ascii: "\"") && previousWasQuote {
                previousWasQuote = false  // the second of a doubled quote
                continue
            }
            previousWasQuote = byte == UInt8(ascii: "\"")
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
