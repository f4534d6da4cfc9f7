import SchemaModel

extension TableDiffer {
    static func foreignKeyKeys(_ key: ForeignKey) -> ObjectMatcher.Keys {
        let structure = Describe.foreignKeyStructure(key)
        var meaning = TextBytes(capacity: structure.utf8.count + 64)
        meaning.add(structure)
        meaning.add("\u{1}")
        Describe.addForeignKeyActions(key, to: &meaning)
        meaning.add(key.isDeferrable ? "\u{1}true" : "\u{1}false")
        meaning.add(key.initiallyDeferred ? "true" : "false")
        return .init(meaning: meaning.text, name: Describe.name(key.name), loose: structure)
    }

    mutating func compareForeignKeys(anchor: Int) {
        let table = name
        var anchorKeys: [ObjectMatcher.Keys]?
        let me = self
        let rename = { (from: String?, to: String?) in
            "ALTER TABLE \(Describe.sql(table)) RENAME CONSTRAINT \(Identifier.quoted(from ?? "")) TO \(Identifier.quoted(to ?? ""))"
        }
        section(
            anchor: anchor, list: \.foreignKeys, kind: { _ in .foreignKey },
            display: { $0.name ?? Describe.foreignKeyStructure($0) }, describe: Describe.foreignKey,
            match: { left, right in
                // `left` is the anchor's list for every other source: its keys are built once.
                let leftKeys = anchorKeys ?? left.map(Self.foreignKeyKeys)
                anchorKeys = leftKeys
                return ObjectMatcher.match(leftKeys, right.map(Self.foreignKeyKeys))
            },
            compare: { a, b, tier, ctx, key in
                let at = (a.provenance.location, b.provenance.location)
                let label = "foreign key \(Describe.list(a.columns)) on '\(table)'"
                var out: [Finding] = []
                if Describe.foreignKeyStructure(a) != Describe.foreignKeyStructure(b) {
                    out.append(ctx.make(
                        .foreignKeyMismatch, key: key,
                        message: "foreign key '\(a.name ?? "")' on '\(table)' is \(Describe.foreignKeyStructure(b)) in \(ctx.cmp) but \(Describe.foreignKeyStructure(a)) in \(ctx.ref)",
                        expected: Describe.foreignKey(a), actual: Describe.foreignKey(b), referenceAt: at.0, comparedAt: at.1))
                    return out
                }
                if a.onDelete != b.onDelete || a.onUpdate != b.onUpdate {
                    // Name only the actions that differ; repeat the action words on the reference side
                    // only when both differ, so a single difference reads "... 'x' in A but 'y' in B".
                    var found: [String] = [], wanted: [String] = []
                    if a.onDelete != b.onDelete {
                        found.append("on delete '\(b.onDelete.rawValue)'")
                        wanted.append("on delete '\(a.onDelete.rawValue)'")
                    }
                    if a.onUpdate != b.onUpdate {
                        found.append("on update '\(b.onUpdate.rawValue)'")
                        wanted.append("on update '\(a.onUpdate.rawValue)'")
                    }
                    if wanted.count == 1, let quote = wanted[0].firstIndex(of: "'") { wanted[0] = String(wanted[0][quote...]) }
                    let constraint = Identifier.quoted(b.name ?? a.name ?? "")
                    out.append(ctx.make(
                        .foreignKeyActionMismatch, key: key,
                        message: "\(label) has \(found.joined(separator: " and ")) in \(ctx.cmp) but \(wanted.joined(separator: " and ")) in \(ctx.ref)",
                        expected: Describe.foreignKeyActions(a), actual: Describe.foreignKeyActions(b), referenceAt: at.0, comparedAt: at.1,
                        sql: "ALTER TABLE \(Describe.sql(table)) DROP CONSTRAINT \(constraint), ADD CONSTRAINT \(constraint) "
                            + me.foreignKeySQL(a)))
                } else if a.isDeferrable != b.isDeferrable || a.initiallyDeferred != b.initiallyDeferred {
                    out.append(ctx.make(
                        .foreignKeyMismatch, key: key, message: "\(label) differs in deferrability between \(ctx.cmp) and \(ctx.ref)",
                        expected: Describe.foreignKey(a), actual: Describe.foreignKey(b), referenceAt: at.0, comparedAt: at.1))
                }
                out += me.nameFinding(.constraintNameMismatch, a.name, b.name, what: label, ctx: ctx, key: key, at: at,
                                      sql: rename(b.name, a.name))
                return out
            },
            missing: { a, ctx, key, other in
                ctx.make(
                    .foreignKeyMissing, key: key,
                    message: "foreign key \(Describe.foreignKeyStructure(a)) on '\(table)' is missing in \(ctx.cmp)",
                    expected: Describe.foreignKey(a), referenceAt: a.provenance.location, comparedAt: other.provenance.location,
                    sql: "ALTER TABLE \(Describe.sql(table)) ADD " + me.foreignKeySQL(a))
            },
            extra: { b, ctx, key, _ in
                ctx.make(
                    .foreignKeyExtra, key: key,
                    message: "foreign key \(Describe.foreignKeyStructure(b)) on '\(table)' exists in \(ctx.cmp) but not in \(ctx.ref)",
                    actual: Describe.foreignKey(b), referenceAt: nil, comparedAt: b.provenance.location,
                    hint: ctx.extraHint(sql: b.name.map { "ALTER TABLE \(Describe.sql(table)) DROP CONSTRAINT \(Identifier.quoted($0))" },
                                        what: "the foreign key"))
            })
    }

    /// `FOREIGN KEY (cols) REFERENCES t (cols) [ON DELETE ...] [ON UPDATE ...]`.
    func foreignKeySQL(_ a: ForeignKey) -> String {
        "FOREIGN KEY \(Describe.list(a.columns.map(Identifier.quoted))) REFERENCES \(Describe.sql(a.referencedTable)) \(Describe.list(a.referencedColumns.map(Identifier.quoted)))"
            + (a.onDelete == .noAction ? "" : " ON DELETE \(a.onDelete.rawValue.uppercased())")
            + (a.onUpdate == .noAction ? "" : " ON UPDATE \(a.onUpdate.rawValue.uppercased())")
    }

    mutating func compareChecks(anchor: Int) {
        let table = name
        let me = self
        let cache = self.cache
        let keys = { (c: CheckConstraint) in ObjectMatcher.Keys(meaning: cache.canonical(c.expression, table: table.name) ?? "", name: Describe.name(c.name)) }
        section(
            anchor: anchor, list: \.checks, kind: { _ in .check }, display: { $0.name ?? "check (\($0.expression))" },
            describe: Describe.check, match: { ObjectMatcher.match($0.map(keys), $1.map(keys)) },
            compare: { a, b, tier, ctx, key in
                let at = (a.provenance.location, b.provenance.location)
                if tier == .meaning {
                    return me.nameFinding(.constraintNameMismatch, a.name, b.name, what: "check constraint on '\(table)'",
                                          ctx: ctx, key: key, at: at,
                                          sql: "ALTER TABLE \(Describe.sql(table)) RENAME CONSTRAINT \(Identifier.quoted(b.name ?? "")) TO \(Identifier.quoted(a.name ?? ""))")
                }
                return [ctx.make(
                    .checkMismatch, key: key,
                    message: "check '\(a.name ?? "")' on '\(table)' is '\(b.expression)' in \(ctx.cmp) but '\(a.expression)' in \(ctx.ref)",
                    expected: a.expression, actual: b.expression, referenceAt: at.0, comparedAt: at.1,
                    sql: "ALTER TABLE \(Describe.sql(table)) DROP CONSTRAINT \(Identifier.quoted(b.name ?? "")), ADD CONSTRAINT \(Identifier.quoted(a.name ?? "")) CHECK (\(a.expression))")]
            },
            missing: { a, ctx, key, other in
                ctx.make(
                    .checkMissing, key: key, message: "check (\(a.expression)) on '\(table)' is missing in \(ctx.cmp)",
                    expected: a.expression, referenceAt: a.provenance.location, comparedAt: other.provenance.location,
                    sql: "ALTER TABLE \(Describe.sql(table)) ADD " + (a.name.map { "CONSTRAINT \(Identifier.quoted($0)) " } ?? "") + "CHECK (\(a.expression))")
            },
            extra: { b, ctx, key, _ in
                ctx.make(
                    .checkExtra, key: key, message: "check (\(b.expression)) on '\(table)' exists in \(ctx.cmp) but not in \(ctx.ref)",
                    actual: b.expression, referenceAt: nil, comparedAt: b.provenance.location,
                    hint: ctx.extraHint(sql: b.name.map { "ALTER TABLE \(Describe.sql(table)) DROP CONSTRAINT \(Identifier.quoted($0))" },
                                        what: "the check"))
            })
    }
}
