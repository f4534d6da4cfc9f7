import SchemaModel

extension TableDiffer {
    /// Columns are matched by database name; the anchor's declared order comes first, then columns
    /// only other sources have, in their order.
    mutating func compareColumns(anchor: Int) {
        guard let anchorTable = tables[anchor] else { return }
        let anchorColumns = anchorTable.columns
        // Columns are walked by index and looked up by name once per source: copying `Column` values
        // and hashing names into "seen" sets were a fifth of the diff at 1,000 tables.
        var rowOf = SmallNameIndex(capacity: anchorColumns.count + 4)
        for i in anchorColumns.indices where rowOf[anchorColumns[i].name] == nil {
            rowOf.insertIfAbsent(
                anchorColumns[i].name,
                addRow(kind: .column, name: anchorColumns[i].name, source: anchor, text: Describe.column(anchorColumns[i])))
        }
        for j in sources.indices where j != anchor {
            guard let other = tables[j] else { continue }
            let otherColumns = other.columns
            // Position of the first column of each name (a reader may report a name twice; only the first counts).
            var firstOf = SmallNameIndex(capacity: otherColumns.count)
            for k in otherColumns.indices where firstOf[otherColumns[k].name] == nil {
                firstOf.insertIfAbsent(otherColumns[k].name, k)
                if let row = rowOf[otherColumns[k].name] {
                    rows[row].cells[j] = cell(Describe.column(otherColumns[k]))
                } else {
                    rowOf.insertIfAbsent(
                        otherColumns[k].name,
                        addRow(kind: .column, name: otherColumns[k].name, source: j, text: Describe.column(otherColumns[k])))
                }
            }
            guard anchor == 0 else { continue }
            let ctx = context(j)
            let existenceChecked = states(.column, 0) && states(.column, j)
            // Only the first of duplicate names counts.
            var firstInReference = SmallNameIndex(capacity: anchorColumns.count)
            for i in anchorColumns.indices where firstInReference[anchorColumns[i].name] == nil {
                firstInReference.insertIfAbsent(anchorColumns[i].name, i)
                if let k = firstOf[anchorColumns[i].name] {
                    compareColumn(anchorColumns[i], otherColumns[k], j: j, ctx: ctx)
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
            guard existenceChecked else { continue }
            for k in otherColumns.indices where firstOf[otherColumns[k].name] == k && firstInReference[otherColumns[k].name] == nil {
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
    }

    private mutating func compareColumn(_ ref: Column, _ other: Column, j: Int, ctx: PairContext) {
        // Built only for a finding, like `alter`: most columns match.
        var key: String { tableKey + "." + ref.name }
        // What either column cannot state, as bits: taking the columns as optionals here copied each
        // one (every field retained) several times per pair.
        let columnUnstated = (ref.notStated.isEmpty ? 0 : Self.bits(ref.notStated))
            | (other.notStated.isEmpty ? 0 : Self.bits(other.notStated))
        func both(_ kind: ObjectKind) -> Bool {
            states(kind, 0) && states(kind, j) && columnUnstated & Self.kindBit(kind) == 0
        }
        let at = (ref.provenance.location, other.provenance.location)
        // Built only for a finding: most columns match, and this string was a tenth of the diff.
        var alter: String { "ALTER TABLE \(Describe.sql(name)) ALTER COLUMN \(Identifier.quoted(ref.name))" }

        if both(.columnType), ref.type != other.type {
            findings.append(ctx.make(
                .columnTypeMismatch, key: key,
                message: "column '\(key)' is '\(other.type)' in \(ctx.cmp) but '\(ref.type)' in \(ctx.ref)",
                expected: ref.type.description, actual: other.type.description, referenceAt: at.0, comparedAt: at.1,
                sql: "\(alter) TYPE \(ref.type)"))
        }
        if both(.nullability), ref.isNullable != other.isNullable {
            let word = { (nullable: Bool) in nullable ? "nullable" : "not null" }
            findings.append(ctx.make(
                .columnNullabilityMismatch, key: key,
                message: "column '\(key)' is \(word(other.isNullable)) in \(ctx.cmp) but \(word(ref.isNullable)) in \(ctx.ref)",
                expected: word(ref.isNullable), actual: word(other.isNullable), referenceAt: at.0, comparedAt: at.1,
                sql: "\(alter) \(ref.isNullable ? "DROP" : "SET") NOT NULL"))
        }
        let identityDiffers = both(.identity) && ref.identity?.generation != other.identity?.generation
        if both(.identity), !identityDiffers, let a = ref.identity, let b = other.identity,
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
                message: "column '\(key)' is \(identityWords(other.identity)) in \(ctx.cmp) but \(identityWords(ref.identity)) in \(ctx.ref)",
                expected: Describe.identity(ref.identity), actual: Describe.identity(other.identity),
                referenceAt: at.0, comparedAt: at.1))
        }
        if both(.generatedColumn) {
            let (a, b) = (ref.generatedExpression, other.generatedExpression)
            if !cache.same(a, b, types: (ref.type, other.type))
            {
                findings.append(ctx.make(
                    .columnGeneratedMismatch, key: key,
                    message: "column '\(key)' is generated as '\(b ?? "nothing")' in \(ctx.cmp) but as '\(a ?? "nothing")' in \(ctx.ref)",
                    expected: a, actual: b, referenceAt: at.0, comparedAt: at.1))
            }
        }
        if both(.columnDefault) { compareDefaults(ref, other, identityDiffers: identityDiffers, ctx: ctx) }
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

    private mutating func compareDefaults(
        _ ref: Column, _ other: Column, identityDiffers: Bool, ctx: PairContext
    ) {
        var key: String { tableKey + "." + ref.name }
        var alter: String { "ALTER TABLE \(Describe.sql(name)) ALTER COLUMN \(Identifier.quoted(ref.name))" }
        if ref.defaultExpression == other.defaultExpression && ref.type == other.type { return }
        let refDefault = cache.canonical(ref.defaultExpression, columnType: ref.type)
        let otherDefault = cache.canonical(other.defaultExpression, columnType: other.type)
        guard refDefault != otherDefault else { return }
        // serial on one side, identity on the other: the identity finding says it all; the sequence
        // default that comes with serial is not a second difference.
        if identityDiffers {
            let nextval = { (canonical: String?) in canonical?.lowercased().hasPrefix("nextval(") ?? false }
            if (ref.identity != nil && ref.defaultExpression == nil && nextval(otherDefault))
                || (other.identity != nil && other.defaultExpression == nil && nextval(refDefault))
            {
                return
            }
        }
        let at = (ref.provenance.location, other.provenance.location)
        switch (ref.defaultExpression, other.defaultExpression) {
        case let (expected?, actual?):
            findings.append(ctx.make(
                .columnDefaultMismatch, key: key,
                message: "column '\(key)' defaults to '\(actual)' in \(ctx.cmp) but to '\(expected)' in \(ctx.ref)",
                expected: expected, actual: actual, referenceAt: at.0, comparedAt: at.1, sql: "\(alter) SET DEFAULT \(expected)"))
        case let (nil, actual?):
            // Downgraded when the reference relies on a client-side default instead.
            findings.append(ctx.make(
                .columnDefaultMismatch, key: key, severity: ref.clientDefault != nil ? .info : nil,
                message: "column '\(key)' has default '\(actual)' in \(ctx.cmp) but none in \(ctx.ref)"
                    + (ref.clientDefault != nil ? " (which sets it client-side)" : ""),
                expected: nil, actual: actual, referenceAt: at.0, comparedAt: at.1, sql: "\(alter) DROP DEFAULT"))
        case let (expected?, nil):
            // A code source that sets the value client-side still gets it filled: information only.
            findings.append(ctx.make(
                .columnDefaultMismatch, key: key, severity: other.clientDefault != nil ? .info : nil,
                message: "column '\(key)' has no default in \(ctx.cmp) but '\(expected)' in \(ctx.ref)"
                    + (other.clientDefault != nil ? " (\(ctx.cmp) sets it client-side)" : ""),
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
