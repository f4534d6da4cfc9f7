import SchemaModel

/// A unique constraint or an index: matched in one pool so that a unique constraint on one side and
/// a unique index on the same columns on the other side pair up (SQLAlchemy `unique=True, index=True`
/// is a unique index; Drizzle `.unique()` is a constraint).
enum KeyedObject {
    case unique(UniqueConstraint)
    case index(TableIndex)

    var kind: ObjectKind {
        if case .unique = self { return .unique }
        return .index
    }

    var name: String? {
        switch self {
        case .unique(let u): return u.name
        case .index(let i): return i.name
        }
    }

    var location: SourceLocation? {
        switch self {
        case .unique(let u): return u.provenance.location
        case .index(let i): return i.provenance.location
        }
    }

    var description: String {
        switch self {
        case .unique(let u): return Describe.unique(u)
        case .index(let i): return Describe.index(i)
        }
    }

    /// The unique meaning shared by a constraint and an equivalent unique index.
    var uniqueMeaning: String? {
        switch self {
        case .unique(let u): return Describe.uniqueMeaning(columns: u.columns, nullsNotDistinct: u.nullsNotDistinct)
        case .index(let i): return Describe.uniqueEquivalent(i)
        }
    }

    func keys(_ cache: CanonicalCache, table: String) -> ObjectMatcher.Keys {
        switch self {
        case .unique(let u):
            // Unique constraints match by meaning only: the same name on different columns is a
            // different constraint (missing + extra), and says so.
            return .init(meaning: Describe.uniqueMeaning(columns: u.columns, nullsNotDistinct: u.nullsNotDistinct, prefix: "U\u{1}"))
        case .index(let i):
            let keyDescription = i.keyDescription
            return .init(meaning: Describe.indexMeaning(i, keyDescription: keyDescription, cache, table: table, prefix: "I\u{1}"),
                         name: Describe.name(i.name).map { "I\u{1}" + $0 }, loose: "I\u{1}" + keyDescription)
        }
    }

    static func all(_ table: Table) -> [KeyedObject] {
        table.uniqueConstraints.map(KeyedObject.unique) + table.indexes.map(KeyedObject.index)
    }

    /// Same-kind matching first, then leftover constraints with leftover equivalent unique indexes.
    /// `leftKeys` are the keys of `left`, built by the caller once for every other source.
    static func match(
        _ left: [KeyedObject], _ right: [KeyedObject], leftKeys: [ObjectMatcher.Keys], cache: CanonicalCache, table: String
    ) -> ObjectMatcher.Result {
        var first = ObjectMatcher.match(leftKeys, right.map { $0.keys(cache, table: table) })
        let crossLeft = first.leftOnly, crossRight = first.rightOnly
        let cross = ObjectMatcher.match(
            crossLeft.enumerated().map { .init(meaning: left[$0.element].uniqueMeaning ?? "\u{0}L\($0.offset)") },
            crossRight.enumerated().map { .init(meaning: right[$0.element].uniqueMeaning ?? "\u{0}R\($0.offset)") })
        for pair in cross.pairs {
            first.pairs.append(.init(left: crossLeft[pair.left], right: crossRight[pair.right], tier: .meaning))
        }
        first.pairs.sort { $0.left < $1.left }
        first.leftOnly = cross.leftOnly.map { crossLeft[$0] }
        first.rightOnly = cross.rightOnly.map { crossRight[$0] }
        return first
    }
}

extension TableDiffer {
    static func namesDiffer(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b, a != b else { return false }
        return Identifier.truncated(a) != Identifier.truncated(b)
    }

    /// `what` and `sql` are built only when the names differ: almost every pair has the same name, and
    /// building both eagerly was a tenth of the diff.
    func nameFinding(_ kind: FindingKind, _ a: String?, _ b: String?, what: @autoclosure () -> String, ctx: PairContext, key: String,
                     at: (SourceLocation?, SourceLocation?), sql: @autoclosure () -> String) -> [Finding] {
        guard Self.namesDiffer(a, b), let a, let b else { return [] }
        return [ctx.make(
            kind, key: key, message: "\(what()) is named '\(b)' in \(ctx.cmp) but '\(a)' in \(ctx.ref)",
            expected: a, actual: b, referenceAt: at.0, comparedAt: at.1, sql: sql(),
            hint: ctx.isDatabase ? nil : "rename it in \(ctx.cmp) (or leave it: the name only matters to migrations and error messages)")]
    }

    mutating func comparePrimaryKeys(anchor: Int) {
        let keys = tables.map { $0?.primaryKey }
        guard keys.contains(where: { $0 != nil }) else { return }
        let rowName = keys.compactMap { $0?.name }.first ?? "primary key"
        var cells = emptyCells(.primaryKey)
        for i in sources.indices where tables[i] != nil {
            if let key = keys[i] { cells[i] = cell(Describe.primaryKey(key)) }
        }
        let objectKey = TextBytes.dotted(tableKey, rowName)
        rows.append(ComparisonRow(kind: .primaryKey, name: rowName, objectKey: objectKey, cells: cells, matches: true))
        guard anchor == 0, let refTable = tables[0] else { return }
        for j in sources.indices.dropFirst() {
            guard let other = tables[j], states(.primaryKey, 0), states(.primaryKey, j) else { continue }
            let ctx = context(j)
            let (a, b) = (refTable.primaryKey, other.primaryKey)
            let at = (a?.provenance.location ?? refTable.provenance.location, b?.provenance.location ?? other.provenance.location)
            if a?.columns != b?.columns {
                let text = { (k: PrimaryKey?) in k.map { Describe.list($0.columns) } ?? "none" }
                findings.append(ctx.make(
                    .primaryKeyMismatch, key: objectKey,
                    message: "primary key of '\(tableKey)' is \(text(b)) in \(ctx.cmp) but \(text(a)) in \(ctx.ref)",
                    expected: a.map { Describe.list($0.columns) }, actual: b.map { Describe.list($0.columns) },
                    referenceAt: at.0, comparedAt: at.1))
            } else if let a, let b {
                findings += nameFinding(.constraintNameMismatch, a.name, b.name, what: "primary key of '\(tableKey)'",
                                        ctx: ctx, key: objectKey, at: at,
                                        sql: "ALTER TABLE \(Describe.sql(name)) RENAME CONSTRAINT \(Identifier.quoted(b.name ?? "")) TO \(Identifier.quoted(a.name ?? ""))")
            }
        }
    }

    mutating func compareUniquesAndIndexes(anchor: Int) {
        let table = name
        var anchorKeys: [ObjectMatcher.Keys]?
        let me = self
        section(
            anchor: anchor, list: KeyedObject.all, kind: \.kind, display: { $0.name ?? $0.description },
            describe: \.description,
            match: { [cache] left, right in
                // `left` is the anchor's list for every other source: its keys are built once.
                let leftKeys = anchorKeys ?? left.map { $0.keys(cache, table: table.name) }
                anchorKeys = leftKeys
                return KeyedObject.match(left, right, leftKeys: leftKeys, cache: cache, table: table.name)
            },
            compare: { a, b, tier, ctx, key in
                let at = (a.location, b.location)
                switch (a, b) {
                case (.unique(let x), .unique(let y)):
                    return me.nameFinding(.constraintNameMismatch, x.name, y.name, what: "unique constraint \(Describe.list(x.columns)) on '\(table)'",
                                            ctx: ctx, key: key, at: at,
                                            sql: "ALTER TABLE \(Describe.sql(table)) RENAME CONSTRAINT \(Identifier.quoted(y.name ?? "")) TO \(Identifier.quoted(x.name ?? ""))")
                case (.index(let x), .index(let y)):
                    if tier == .meaning {
                        return me.nameFinding(.indexNameMismatch, x.name, y.name, what: "index \(x.keyDescription) on '\(table)'",
                                                ctx: ctx, key: key, at: at,
                                                sql: "ALTER INDEX \(Identifier.quoted(table.schema)).\(Identifier.quoted(y.name ?? "")) RENAME TO \(Identifier.quoted(x.name ?? ""))")
                    }
                    return [me.indexMismatch(x, y, ctx: ctx, key: key)]
                default:
                    // A constraint against an equivalent unique index: the same rows are rejected.
                    guard me.states(.index, 0), me.states(.index, ctx.comparedIndex) else { return [] }
                    let what = { (o: KeyedObject) in o.kind == .unique ? "a unique constraint" : "a unique index" }
                    return [ctx.make(
                        .uniqueKindMismatch, key: key,
                        message: "uniqueness of \(Describe.list(me.uniqueColumns(a))) on '\(table)' is \(what(b)) in \(ctx.cmp) but \(what(a)) in \(ctx.ref)",
                        expected: a.description, actual: b.description, referenceAt: at.0, comparedAt: at.1,
                        hint: "nothing to do unless something refers to it by constraint name (ON CONFLICT ON CONSTRAINT); declare the same kind on both sides to silence this")]
                }
            },
            missing: { a, ctx, key, other in
                switch a {
                case .unique(let u):
                    return ctx.make(
                        .uniqueMissing, key: key, message: "unique constraint \(Describe.list(u.columns)) on '\(table)' is missing in \(ctx.cmp)",
                        expected: a.description, referenceAt: a.location, comparedAt: other.provenance.location,
                        sql: "ALTER TABLE \(Describe.sql(table)) ADD " + (u.name.map { "CONSTRAINT \(Identifier.quoted($0)) " } ?? "")
                            + "UNIQUE (\(u.columns.map(Identifier.quoted).joined(separator: ", ")))")
                case .index(let i):
                    return ctx.make(
                        .indexMissing, key: key, severity: i.isUnique ? .error : nil,
                        message: "\(i.isUnique ? "unique index" : "index") \(i.keyDescription) on '\(table)' is missing in \(ctx.cmp)",
                        expected: a.description, referenceAt: a.location, comparedAt: other.provenance.location,
                        sql: Describe.createIndexSQL(i, on: table))
                }
            },
            extra: { b, ctx, key, other in
                switch b {
                case .unique(let u):
                    return ctx.make(
                        .uniqueExtra, key: key, message: "unique constraint \(Describe.list(u.columns)) on '\(table)' exists in \(ctx.cmp) but not in \(ctx.ref)",
                        actual: b.description, referenceAt: nil, comparedAt: b.location,
                        hint: ctx.extraHint(sql: u.name.map { "ALTER TABLE \(Describe.sql(table)) DROP CONSTRAINT \(Identifier.quoted($0))" },
                                            what: "the unique constraint"))
                case .index(let i):
                    return ctx.make(
                        .indexExtra, key: key, severity: i.isUnique ? .warning : nil,
                        message: "\(i.isUnique ? "unique index" : "index") \(i.keyDescription) on '\(table)' exists in \(ctx.cmp) but not in \(ctx.ref)",
                        actual: b.description, referenceAt: nil, comparedAt: b.location,
                        hint: ctx.extraHint(sql: i.name.map { "DROP INDEX \(Identifier.quoted(table.schema)).\(Identifier.quoted($0))" },
                                            what: "the index"))
                }
            })
    }

    private func uniqueColumns(_ object: KeyedObject) -> [String] {
        switch object {
        case .unique(let u): return u.columns
        case .index(let i): return i.keys.map { $0.column ?? $0.canonicalDescription }
        }
    }

    private func indexMismatch(_ a: TableIndex, _ b: TableIndex, ctx: PairContext, key: String) -> Finding {
        var aspects: [String] = []
        if a.keyDescription != b.keyDescription { aspects.append("columns") }
        if a.isUnique != b.isUnique { aspects.append("uniqueness") }
        if Describe.method(a) != Describe.method(b) { aspects.append("method") }
        if !cache.same(a.predicate, b.predicate, table: name.name) { aspects.append("predicate") }
        if a.includedColumns != b.includedColumns { aspects.append("included columns") }
        if a.nullsNotDistinct != b.nullsNotDistinct { aspects.append("nulls not distinct") }
        let label = a.name.map { "index '\($0)'" } ?? "index \(a.keyDescription)"
        return ctx.make(
            .indexMismatch, key: key, severity: a.isUnique != b.isUnique ? .error : nil,
            message: "\(label) on '\(name)' differs in \(aspects.joined(separator: ", ")) between \(ctx.cmp) and \(ctx.ref)",
            expected: Describe.index(a), actual: Describe.index(b), referenceAt: a.provenance.location,
            comparedAt: b.provenance.location,
            sql: "DROP INDEX \(Identifier.quoted(name.schema)).\(Identifier.quoted(b.name ?? a.name ?? "")); " + Describe.createIndexSQL(a, on: name))
    }
}
