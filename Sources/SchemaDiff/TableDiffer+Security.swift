import SchemaModel

extension TableDiffer {
    mutating func compareRowLevelSecurity(anchor: Int) {
        var cells = emptyCells(.rowLevelSecurity)
        for i in sources.indices { if let t = tables[i], states(.rowLevelSecurity, i) { cells[i] = cell(Describe.rls(t)) } }
        let key = tableKey
        rows.append(ComparisonRow(kind: .rowLevelSecurity, name: "row level security", objectKey: key, cells: cells, matches: true))
        // Only a table the reference has is compared (its absence is table_missing / table_extra).
        guard anchor == 0, let ref = tables[0] else { return }
        compareForcedRowLevelSecurity()
        let sql = "ALTER TABLE \(Describe.sql(name))"
        for j in sources.indices.dropFirst() {
            guard let other = tables[j] else { continue }
            let ctx = context(j)
            let at = (ref.provenance.location, other.provenance.location)
            if states(.rowLevelSecurity, 0), states(.rowLevelSecurity, j), ref.rowLevelSecurity != other.rowLevelSecurity {
                if ref.rowLevelSecurity {
                    findings.append(ctx.make(
                        .rlsDisabled, key: key, message: "row level security is disabled on '\(key)' in \(ctx.cmp) but enabled in \(ctx.ref)",
                        expected: "enabled", actual: "disabled", referenceAt: at.0, comparedAt: at.1,
                        sql: "\(sql) ENABLE ROW LEVEL SECURITY"))
                } else {
                    findings.append(ctx.make(
                        .rlsEnabledUnexpectedly, key: key,
                        message: "row level security is enabled on '\(key)' in \(ctx.cmp) but not in \(ctx.ref)",
                        expected: "disabled", actual: "enabled", referenceAt: at.0, comparedAt: at.1,
                        sql: "\(sql) DISABLE ROW LEVEL SECURITY"))
                }
            }
        }
    }

    /// FORCE ROW LEVEL SECURITY, against the reference or, when it cannot state it (Drizzle), against
    /// the first source that can.
    private mutating func compareForcedRowLevelSecurity() {
        let r = standInReference(for: .forceRowLevelSecurity)
        guard let ref = tables[r] else { return }
        for j in sources.indices where j != r {
            guard let other = tables[j], states(.forceRowLevelSecurity, r), states(.forceRowLevelSecurity, j),
                ref.forceRowLevelSecurity != other.forceRowLevelSecurity
            else { continue }
            let ctx = context(j, reference: r)
            let word = { (forced: Bool) in forced ? "forced" : "not forced" }
            findings.append(ctx.make(
                .rlsForceMismatch, key: tableKey,
                message: "row level security is \(word(other.forceRowLevelSecurity)) on '\(tableKey)' in \(ctx.cmp) but \(word(ref.forceRowLevelSecurity)) in \(ctx.ref)",
                expected: word(ref.forceRowLevelSecurity), actual: word(other.forceRowLevelSecurity),
                referenceAt: ref.provenance.location, comparedAt: other.provenance.location,
                sql: "ALTER TABLE \(Describe.sql(name)) \(ref.forceRowLevelSecurity ? "" : "NO ")FORCE ROW LEVEL SECURITY"))
        }
    }

    mutating func comparePolicies(anchor: Int) {
        let table = name
        let cache = self.cache
        section(
            anchor: anchor, list: \.policies, kind: { _ in .policy }, display: \.name, describe: Describe.policy,
            // Policies match by name only: an unnamed meaning key would pair unrelated policies.
            match: { left, right in
                ObjectMatcher.matchByName(left.map { Identifier.truncated($0.name) }, right.map { Identifier.truncated($0.name) })
            },
            compare: { a, b, _, ctx, key in
                let at = (a.provenance.location, b.provenance.location)
                var label: String { "policy '\(a.name)' on '\(table)'" }
                var recreate: String { "DROP POLICY \(Identifier.quoted(b.name)) ON \(Describe.sql(table)) and recreate it as in \(ctx.ref)" }
                var out: [Finding] = []
                func add(_ kind: FindingKind, _ what: String, _ expected: String?, _ actual: String?) {
                    out.append(ctx.make(
                        kind, key: key, message: "\(label) has \(what) \(Describe.quoted(actual ?? "none")) in \(ctx.cmp) but \(Describe.quoted(expected ?? "none")) in \(ctx.ref)",
                        expected: expected, actual: actual, referenceAt: at.0, comparedAt: at.1,
                        hint: ctx.isDatabase ? "in \(ctx.cmp) \(recreate) (or change \(ctx.ref) if it is the one that is wrong)" : nil))
                }
                if a.command != b.command { add(.policyCommandMismatch, "command", a.command.rawValue, b.command.rawValue) }
                if a.isPermissive != b.isPermissive {
                    let word = { (p: Bool) in p ? "permissive" : "restrictive" }
                    add(.policyPermissiveMismatch, "mode", word(a.isPermissive), word(b.isPermissive))
                }
                // Roles are normalized when a policy is made; normalizing again only for hand-built ones.
                if a.roles != b.roles, Policy.normalizedRoles(a.roles) != Policy.normalizedRoles(b.roles) {
                    add(.policyRolesMismatch, "roles", Policy.normalizedRoles(a.roles).joined(separator: ", "),
                        Policy.normalizedRoles(b.roles).joined(separator: ", "))
                }
                if !cache.same(a.using, b.using, table: table.name) { add(.policyUsingMismatch, "using", a.using, b.using) }
                if !cache.same(a.withCheck, b.withCheck, table: table.name) {
                    add(.policyWithCheckMismatch, "with check", a.withCheck, b.withCheck)
                }
                return out
            },
            missing: { a, ctx, key, other in
                ctx.make(
                    .policyMissing, key: key, message: "policy '\(a.name)' on '\(table)' is missing in \(ctx.cmp)",
                    expected: Describe.policy(a), referenceAt: a.provenance.location, comparedAt: other.provenance.location,
                    hint: ctx.isDatabase ? "in \(ctx.cmp) run CREATE POLICY \(Identifier.quoted(a.name)) ON \(Describe.sql(table)) as declared in \(ctx.ref)" : nil)
            },
            extra: { b, ctx, key, _ in
                // An extra permissive policy widens who can see or change rows: as serious as a missing one.
                ctx.make(
                    .policyExtra, key: key, severity: b.isPermissive ? .error : .warning,
                    message: "\(b.isPermissive ? "permissive" : "restrictive") policy '\(b.name)' on '\(table)' exists in \(ctx.cmp) but not in \(ctx.ref)",
                    actual: Describe.policy(b), referenceAt: nil, comparedAt: b.provenance.location,
                    hint: ctx.extraHint(sql: "DROP POLICY \(Identifier.quoted(b.name)) ON \(Describe.sql(table))", what: "the policy"))
            })
    }

    mutating func compareTriggers(anchor: Int, reference: Int) {
        let table = name
        let keys = { (t: Trigger) in Identifier.truncated(t.name) }
        let me = self
        section(
            anchor: anchor, reference: reference, list: \.triggers, kind: { _ in .trigger }, display: \.name, describe: Describe.trigger,
            match: { left, right in ObjectMatcher.matchByName(left.map(keys), right.map(keys)) },
            compare: { a, b, _, ctx, key in
                let at = (a.provenance.location, b.provenance.location)
                let label = "trigger '\(a.name)' on '\(table)'"
                var out: [Finding] = []
                func add(_ kind: FindingKind, _ what: String, _ expected: String?, _ actual: String?) {
                    out.append(ctx.make(
                        kind, key: key, message: "\(label) has \(what) \(Describe.quoted(actual ?? "none")) in \(ctx.cmp) but \(Describe.quoted(expected ?? "none")) in \(ctx.ref)",
                        expected: expected, actual: actual, referenceAt: at.0, comparedAt: at.1,
                        hint: ctx.isDatabase ? "in \(ctx.cmp) run CREATE OR REPLACE TRIGGER \(Identifier.quoted(a.name)) as declared in \(ctx.ref)" : nil))
                }
                if a.timing != b.timing { add(.triggerTimingMismatch, "timing", a.timing.rawValue, b.timing.rawValue) }
                if a.events != b.events, Set(a.events) != Set(b.events) { add(.triggerEventsMismatch, "events", Describe.events(a.events), Describe.events(b.events)) }
                if a.level != b.level { add(.triggerLevelMismatch, "level", "for each \(a.level.rawValue)", "for each \(b.level.rawValue)") }
                if a.function != b.function || a.arguments != b.arguments {
                    add(.triggerFunctionMismatch, "function", Describe.function(a), Describe.function(b))
                }
                if !me.cache.same(a.when, b.when, table: me.name.name) {
                    add(.triggerWhenMismatch, "condition", a.when, b.when)
                }
                return out
            },
            missing: { a, ctx, key, other in
                ctx.make(
                    .triggerMissing, key: key, message: "trigger '\(a.name)' on '\(table)' is missing in \(ctx.cmp)",
                    expected: Describe.trigger(a), referenceAt: a.provenance.location, comparedAt: other.provenance.location,
                    hint: ctx.isDatabase ? "in \(ctx.cmp) run CREATE TRIGGER \(Identifier.quoted(a.name)) ON \(Describe.sql(table)) as declared in \(ctx.ref)" : nil)
            },
            extra: { b, ctx, key, _ in
                ctx.make(
                    .triggerExtra, key: key, message: "trigger '\(b.name)' on '\(table)' exists in \(ctx.cmp) but not in \(ctx.ref)",
                    actual: Describe.trigger(b), referenceAt: nil, comparedAt: b.provenance.location,
                    hint: ctx.extraHint(sql: "DROP TRIGGER \(Identifier.quoted(b.name)) ON \(Describe.sql(table))", what: "the trigger"))
            })
    }

    /// Client-side defaults never reach the database; each is reported once per source, as information.
    mutating func reportClientDefaults() {
        guard let ref = tables[0] else { return }
        for i in sources.indices {
            guard let table = tables[i] else { continue }
            for column in table.columns {
                guard let client = column.clientDefault else { continue }
                let key = tableKey + "." + column.name
                let ctx = context(i)
                findings.append(ctx.make(
                    .columnClientDefault, key: key,
                    message: "column '\(key)' has client-side default '\(client)' in \(ctx.cmp) that the database does not apply",
                    actual: client, referenceAt: ref.column(named: column.name)?.provenance.location ?? ref.provenance.location,
                    comparedAt: column.provenance.location,
                    hint: "add a server default if rows are also written outside \(ctx.cmp)"))
            }
        }
    }
}
