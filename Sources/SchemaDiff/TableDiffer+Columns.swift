import SchemaModel

extension TableDiffer {
    /// Columns are matched by database name; the anchor's declared order comes first, then columns
    /// only other sources have, in their order.
    mutating func compareColumns(anchor: Int) {
        guard let anchorTable = tables[anchor] else { return }
        // Walked through buffer pointers so that a column can be handed on as a pointer into its
        // list: passing a `Column` by value (out of an array or a buffer alike) copies every field,
        // about 3 copies per pair, some 40 M instructions of a 1,000-table compare.
        anchorTable.columns.withUnsafeBufferPointer { anchorColumns in
            compareColumns(anchor: anchor, anchorTable: anchorTable, anchorColumns: anchorColumns)
        }
    }

    private mutating func compareColumns(anchor: Int, anchorTable: Table, anchorColumns: UnsafeBufferPointer<Column>) {
        // Columns are walked by index and looked up by name once per source: copying `Column` values
        // and hashing names into "seen" sets were a fifth of the diff at 1,000 tables.
        var rowOf = SmallNameIndex(capacity: anchorColumns.count + 4)
        // A name's row is the next one, added only when the name is new.
        for i in anchorColumns.indices where rowOf.insertIfAbsent(anchorColumns[i].name, rows.count) {
            addRow(kind: .column, name: anchorColumns[i].name, source: anchor, text: Describe.column(anchorColumns.baseAddress! + i))
        }
        for j in sources.indices where j != anchor {
            guard let other = tables[j] else { continue }
            other.columns.withUnsafeBufferPointer { otherColumns in
                compareColumns(anchor: anchor, anchorTable: anchorTable, anchorColumns: anchorColumns, rowOf: &rowOf, j: j, other: other, otherColumns: otherColumns)
            }
        }
    }

    /// Fills the rows of source `j`'s columns and, when the anchor is the reference, compares them.
    private mutating func compareColumns(
        anchor: Int, anchorTable: Table, anchorColumns: UnsafeBufferPointer<Column>, rowOf: inout SmallNameIndex,
        j: Int, other: Table, otherColumns: UnsafeBufferPointer<Column>
    ) {
        // Position of the first column of each name (a reader may report a name twice; only the first counts).
        var firstOf = SmallNameIndex(capacity: otherColumns.count)
        // Lookups hint at the position the name has in its own list: the sources mostly agree on the order.
        for k in otherColumns.indices where firstOf.insertIfAbsent(otherColumns[k].name, k) {
            if let row = rowOf[otherColumns[k].name, hint: k] {
                rows[row].cells[j] = cell(Describe.column(otherColumns.baseAddress! + k))
            } else {
                rowOf.insertIfAbsent(otherColumns[k].name, rows.count)
                addRow(kind: .column, name: otherColumns[k].name, source: j, text: Describe.column(otherColumns.baseAddress! + k))
            }
        }
        guard anchor == 0 else { return }
        let ctx = context(j)
        let existenceChecked = states(.column, 0) && states(.column, j)
        // Only the first of duplicate names counts.
        var firstInReference = SmallNameIndex(capacity: anchorColumns.count)
        for i in anchorColumns.indices where firstInReference.insertIfAbsent(anchorColumns[i].name, i) {
            if let k = firstOf[anchorColumns[i].name, hint: i] {
                let found = columnFindings(anchorColumns.baseAddress! + i, otherColumns.baseAddress! + k, j: j, ctx: ctx)
                if !found.isEmpty { findings += found }
            } else if existenceChecked {
                let column = anchorColumns[i]
                let key = tableKey + "." + column.name
                // In a database a missing column breaks the reference; in a model it only breaks
                // that model's inserts when the column must be filled and nothing fills it.
                let mustBeFilled = !column.isNullable && column.defaultExpression == nil && column.identity == nil
                    && column.generatedExpression == nil
                findings.append(ctx.make(
                    .columnMissing, key: key, severity: ctx.isDatabase || mustBeFilled ? .error : .warning,
                    message: "column '\(key)' is missing in \(ctx.cmp)",
                    expected: column.rawType, referenceAt: column.provenance.location,
                    comparedAt: other.provenance.location,
                    sql: "ALTER TABLE \(Describe.sql(name)) ADD COLUMN \(Identifier.quoted(column.name)) \(column.type)"))
            }
        }
        guard existenceChecked else { return }
        for k in otherColumns.indices where firstOf[otherColumns[k].name, hint: k] == k && firstInReference[otherColumns[k].name, hint: k] == nil {
            let column = otherColumns[k]
            let key = tableKey + "." + column.name
            // An extra NOT NULL column with nothing to fill it makes every insert from the reference fail.
            let blocksInserts = !column.isNullable && column.defaultExpression == nil && column.identity == nil
                && column.generatedExpression == nil
            // A model that maps a column the reference lacks selects it in every query: broken.
            findings.append(ctx.make(
                .columnExtra, key: key, severity: blocksInserts || !ctx.isDatabase ? .error : nil,
                message: "column '\(key)' exists in \(ctx.cmp) but not in \(ctx.ref)"
                    + (blocksInserts ? " and is not null without a default" : ""),
                actual: column.rawType, referenceAt: anchorTable.provenance.location,
                comparedAt: column.provenance.location,
                hint: ctx.extraHint(
                    sql: "ALTER TABLE \(Describe.sql(name)) DROP COLUMN \(Identifier.quoted(column.name))",
                    what: "column '\(column.name)'")))
        }
    }

    /// The findings of one pair of columns, read in place: passing a `Column` from an array or a
    /// buffer copies it (every field retained, then released), 3 copies per pair at 1,000 tables.
    private func columnFindings(_ ref: UnsafePointer<Column>, _ other: UnsafePointer<Column>, j: Int, ctx: PairContext) -> [Finding] {
        var findings: [Finding] = []
        // Built only for a finding, like `alter`: most columns match.
        var key: String { tableKey + "." + ref.pointee.name }
        // What either column cannot state, as bits: taking the columns as optionals here copied each
        // one (every field retained) several times per pair.
        let columnUnstated = (ref.pointee.notStated.isEmpty ? 0 : Self.bits(ref.pointee.notStated))
            | (other.pointee.notStated.isEmpty ? 0 : Self.bits(other.pointee.notStated))
        func both(_ kind: ObjectKind) -> Bool {
            states(kind, 0) && states(kind, j) && columnUnstated & Self.kindBit(kind) == 0
        }
        let at = (ref.pointee.provenance.location, other.pointee.provenance.location)
        // Built only for a finding: most columns match, and this string was a tenth of the diff.
        var alter: String { "ALTER TABLE \(Describe.sql(name)) ALTER COLUMN \(Identifier.quoted(ref.pointee.name))" }

        if both(.columnType), ref.pointee.type != other.pointee.type {
            findings.append(ctx.make(
                .columnTypeMismatch, key: key,
                message: "column '\(key)' is '\(other.pointee.type)' in \(ctx.cmp) but '\(ref.pointee.type)' in \(ctx.ref)",
                expected: ref.pointee.type.description, actual: other.pointee.type.description, referenceAt: at.0, comparedAt: at.1,
                sql: "\(alter) TYPE \(ref.pointee.type)"))
        }
        if both(.nullability), ref.pointee.isNullable != other.pointee.isNullable {
            let word = { (nullable: Bool) in nullable ? "nullable" : "not null" }
            findings.append(ctx.make(
                .columnNullabilityMismatch, key: key,
                message: "column '\(key)' is \(word(other.pointee.isNullable)) in \(ctx.cmp) but \(word(ref.pointee.isNullable)) in \(ctx.ref)",
                expected: word(ref.pointee.isNullable), actual: word(other.pointee.isNullable), referenceAt: at.0, comparedAt: at.1,
                sql: "\(alter) \(ref.pointee.isNullable ? "DROP" : "SET") NOT NULL"))
        }
        let identityDiffers = both(.identity) && ref.pointee.identity?.generation != other.pointee.identity?.generation
        if both(.identity), !identityDiffers, let a = ref.pointee.identity, let b = other.pointee.identity,
            let (expected, actual) = Self.sequenceOptionDifference(a, b)
        {
            findings.append(ctx.make(
                .columnIdentityMismatch, key: key,
                message: "identity column '\(key)' has \(actual) in \(ctx.cmp) but \(expected) in \(ctx.ref)",
                expected: expected, actual: actual, referenceAt: at.0, comparedAt: at.1,
                sql: alter + expected.split(separator: ",").map { " SET " + $0.trimmingCharacters(in: " ").uppercased() }.joined()))
        }
        if identityDiffers {
            findings.append(ctx.make(
                .columnIdentityMismatch, key: key,
                message: "column '\(key)' is \(identityWords(other.pointee.identity)) in \(ctx.cmp) but \(identityWords(ref.pointee.identity)) in \(ctx.ref)",
                expected: Describe.identity(ref.pointee.identity), actual: Describe.identity(other.pointee.identity),
                referenceAt: at.0, comparedAt: at.1))
        }
        if both(.generatedColumn) {
            let (a, b) = (ref.pointee.generatedExpression, other.pointee.generatedExpression)
            if !cache.same(a, b, types: (ref.pointee.type, other.pointee.type))
            {
                findings.append(ctx.make(
                    .columnGeneratedMismatch, key: key,
                    message: "column '\(key)' is generated as '\(b ?? "nothing")' in \(ctx.cmp) but as '\(a ?? "nothing")' in \(ctx.ref)",
                    expected: a, actual: b, referenceAt: at.0, comparedAt: at.1))
            }
        }
        if both(.columnDefault) { compareDefaults(ref, other, identityDiffers: identityDiffers, ctx: ctx, into: &findings) }
        return findings
    }

    /// Sequence options both sides state and that differ, as `start 1, increment 1` texts; options one
    /// side leaves unstated (nil: PostgreSQL's default) are not compared.
    static func sequenceOptionDifference(_ a: Identity, _ b: Identity) -> (String, String)? {
        var expected: [String] = [], actual: [String] = []
        func check(_ name: String, _ x: Int64?, _ y: Int64?) {
            if let x, let y, x != y { expected.append("\(name) \(x)"); actual.append("\(name) \(y)") }
        }
        check("start", a.start, b.start)
        check("increment", a.increment, b.increment)
        check("minvalue", a.minValue, b.minValue)
        check("maxvalue", a.maxValue, b.maxValue)
        check("cache", a.cache, b.cache)
        if let x = a.cycle, let y = b.cycle, x != y {
            expected.append(x ? "cycle" : "no cycle")
            actual.append(y ? "cycle" : "no cycle")
        }
        return expected.isEmpty ? nil : (expected.joined(separator: ", "), actual.joined(separator: ", "))
    }

    private func identityWords(_ identity: Identity?) -> String {
        guard let identity else { return "not an identity column" }
        return identity.generation == .always ? "generated always as identity" : "generated by default as identity"
    }

    private func compareDefaults(
        _ ref: UnsafePointer<Column>, _ other: UnsafePointer<Column>, identityDiffers: Bool, ctx: PairContext, into findings: inout [Finding]
    ) {
        var key: String { tableKey + "." + ref.pointee.name }
        var alter: String { "ALTER TABLE \(Describe.sql(name)) ALTER COLUMN \(Identifier.quoted(ref.pointee.name))" }
        if ref.pointee.defaultExpression == other.pointee.defaultExpression && ref.pointee.type == other.pointee.type { return }
        let refDefault = cache.canonical(ref.pointee.defaultExpression, columnType: ref.pointee.type)
        let otherDefault = cache.canonical(other.pointee.defaultExpression, columnType: other.pointee.type)
        guard refDefault != otherDefault else { return }
        // serial on one side, identity on the other: the identity finding says it all; the sequence
        // default that comes with serial is not a second difference.
        if identityDiffers {
            let nextval = { (canonical: String?) in canonical?.lowercased().hasPrefix("nextval(") ?? false }
            if (ref.pointee.identity != nil && ref.pointee.defaultExpression == nil && nextval(otherDefault))
                || (other.pointee.identity != nil && other.pointee.defaultExpression == nil && nextval(refDefault))
            {
                return
            }
        }
        let at = (ref.pointee.provenance.location, other.pointee.provenance.location)
        switch (ref.pointee.defaultExpression, other.pointee.defaultExpression) {
        case let (expected?, actual?):
            findings.append(ctx.make(
                .columnDefaultMismatch, key: key,
                message: "column '\(key)' defaults to '\(actual)' in \(ctx.cmp) but to '\(expected)' in \(ctx.ref)",
                expected: expected, actual: actual, referenceAt: at.0, comparedAt: at.1, sql: "\(alter) SET DEFAULT \(expected)"))
        case let (nil, actual?):
            // Downgraded when the reference relies on a client-side default instead.
            findings.append(ctx.make(
                .columnDefaultMismatch, key: key, severity: ref.pointee.clientDefault != nil ? .info : nil,
                message: "column '\(key)' has default '\(actual)' in \(ctx.cmp) but none in \(ctx.ref)"
                    + (ref.pointee.clientDefault != nil ? " (which sets it client-side)" : ""),
                expected: nil, actual: actual, referenceAt: at.0, comparedAt: at.1, sql: "\(alter) DROP DEFAULT"))
        case let (expected?, nil):
            // A code source that sets the value client-side still gets it filled: information only.
            findings.append(ctx.make(
                .columnDefaultMismatch, key: key, severity: other.pointee.clientDefault != nil ? .info : nil,
                message: "column '\(key)' has no default in \(ctx.cmp) but '\(expected)' in \(ctx.ref)"
                    + (other.pointee.clientDefault != nil ? " (\(ctx.cmp) sets it client-side)" : ""),
                expected: expected, actual: nil, referenceAt: at.0, comparedAt: at.1, sql: "\(alter) SET DEFAULT \(expected)",
                hint: ctx.isDatabase ? nil : "add `server_default` / `.default()` with '\(expected)' in \(ctx.cmp), or change \(ctx.ref)"))
        case (nil, nil):
            break
        }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        var text = self
        while text.first == character { text = text.dropFirst() }
        while text.last == character { text = text.dropLast() }
        return String(text)
    }
}
