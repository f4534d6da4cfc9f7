import SchemaModel
import Testing
@testable import SchemaDiff

@Suite("Options: schemas, ignores, severity overrides")
struct OptionsTests {
    private func legacyDrift(_ c: inout Catalog) {
        c.add(Table(name: "legacy_users", columns: [Column(name: "id", type: .integer, provenance: .database)], provenance: .database), toSchema: "public")
        c.editColumn("profiles", "role") { $0.defaultExpression = "'member'" }
        c.edit("profiles") { $0.rowLevelSecurity = false }
    }

    @Test(arguments: [
        ("public.legacy_*", ["column_default_mismatch", "rls_disabled"]),
        ("column_default_mismatch", ["rls_disabled", "table_extra"]),
        ("rls_*:public.profiles", ["column_default_mismatch", "table_extra"]),
        ("public.profiles", ["table_extra"]),
        ("rls_*:public.projects", ["column_default_mismatch", "rls_disabled", "table_extra"]),
    ])
    func ignorePatterns(pattern: String, remaining: [String]) {
        let result = Build.diff(database: legacyDrift, options: DiffOptions(ignores: [IgnoreRule(pattern, reason: "test")]))
        #expect(result.findings.map(\.id).sorted() == remaining)
        #expect(result.ignoredCount == 3 - remaining.count)
    }

    @Test func baselineDropsAcceptedFindingsOnly() {
        let all = Build.diff(database: legacyDrift)
        let accepted = Set(all.findings.filter { $0.id != "rls_disabled" }.map(\.fingerprint))
        let result = Build.diff(database: legacyDrift, options: DiffOptions(baseline: accepted))
        #expect(result.findings.map(\.id) == ["rls_disabled"])
        #expect(result.ignoredCount == 2)
        #expect(accepted.contains("table_extra|public.legacy_users|database"))
    }

    @Test func severityOverrideExactBeatsGlob() {
        let options = DiffOptions(severityOverrides: ["rls_*": .info, "rls_disabled": .warning, "table_*": .error])
        let result = Build.diff(database: legacyDrift, options: options)
        #expect(result.findings.map { "\($0.severity) \($0.id)" } == [
            "error table_extra", "warning rls_disabled", "warning column_default_mismatch",
        ])
    }

    @Test func ignoredRowsShowAsMatching() {
        let result = Build.diff(database: legacyDrift, options: DiffOptions(ignores: [IgnoreRule("rls_disabled")]))
        let profiles = result.tables.first { $0.name.name == "profiles" }!
        #expect(profiles.rows(of: .rowLevelSecurity).map(\.matches) == [true])
        #expect(profiles.rows(of: .column).first { $0.name == "role" }?.matches == false)
    }

    @Test func schemaFilterIncludesAnExcludedSchemaWhenNamed() {
        let edit: (inout Catalog) -> Void = { $0.add(Table(name: "users", provenance: .database), toSchema: "auth") }
        #expect(Build.diff(database: edit).findings == [])
        let named = Build.diff(database: edit, options: DiffOptions(schemas: ["auth"]))
        #expect(named.findings.map(\.objectKey) == ["auth.users"])
        #expect(named.tables.map(\.name.description) == ["auth.users"])
    }

    @Test(arguments: [
        ("public.legacy_*", "public.legacy_users.id", true), ("public.legacy_*", "public.users", false),
        ("*_mismatch", "column_type_mismatch", true), ("public.?rofiles", "public.profiles", true),
        ("a*b*c", "aXXbYYc", true), ("a*b*c", "aXXbYY", false), ("", "", true), ("*", "", true),
    ])
    func glob(pattern: String, text: String, matches: Bool) {
        #expect(Glob.matches(pattern, text) == matches)
    }
}

@Suite("Order and determinism")
struct OrderTests {
    private func drift(_ c: inout Catalog) {
        c.editColumn("profiles", "email") { $0.type = .text }
        c.edit("profiles") { $0.indexes[0].name = "profiles_role_index"; $0.rowLevelSecurity = false }
        c.edit("projects") { $0.checks = []; $0.foreignKeys[0].onDelete = .restrict }
        c.schemas[0].enums[0].labels.append("angry")
        c.removeTable("projects")
        c.add(Table(name: "aaa", provenance: .database), toSchema: "public")
    }

    @Test func findingsAreInSeverityKeyIdOrder() {
        let findings = Build.diff(database: drift).findings
        #expect(findings.map { "\($0.severity) \($0.objectKey) \($0.id)" } == [
            "error public.profiles rls_disabled",
            "error public.profiles.email column_type_mismatch",
            "error public.projects table_missing",
            "warning public.aaa table_extra",
            "warning public.mood.angry enum_value_extra",
            "info public.profiles.profiles_role_idx index_name_mismatch",
        ])
    }

    @Test func inputOrderDoesNotChangeTheResult() {
        let straight = Build.diff(database: drift)
        let shuffled = Build.diff(
            reference: { c in
                c.schemas[0].tables.reverse()
                for t in c.schemas[0].tables.indices { c.schemas[0].tables[t].indexes.reverse(); c.schemas[0].tables[t].policies.reverse() }
            },
            database: { c in self.drift(&c); c.schemas[0].tables.reverse(); c.schemas.reverse() })
        #expect(straight == shuffled)
    }

    @Test func severalComparedSourcesAreOrderedBySourceWithinAKey() {
        let result = SchemaDiffer.compare(
            reference: Build.labeled(.drizzle),
            others: [
                LabeledCatalog(label: "prod", catalog: Build.catalog(.database)),
                LabeledCatalog(label: "staging", catalog: { var c = Build.catalog(.database); c.editColumn("profiles", "email") { $0.type = .text }; return c }()),
                LabeledCatalog(label: "dev", catalog: { var c = Build.catalog(.database); c.editColumn("profiles", "email") { $0.type = .text }; return c }()),
            ])
        #expect(result.findings.map(\.compared.source) == ["dev", "staging"])
        #expect(result.sourceLabels == ["drizzle", "prod", "staging", "dev"])
        let email = result.tables.first { $0.name.name == "profiles" }!.rows(of: .column).first { $0.name == "email" }!
        #expect(email.cells.count == 4)
        #expect(email.matches == false)
    }

    @Test func manyTablesStayLinear() {
        // Not a timing assertion: 2,000 tables must compare and produce exactly one finding per drifted table.
        var ref = Catalog(source: .drizzle)
        var dbc = Catalog(source: .database)
        for i in 0..<2000 {
            ref.add(Build.projects(.drizzle).renamed("t\(i)"), toSchema: "public")
            var t = Build.projects(.database).renamed("t\(i)")
            if i % 100 == 0 { t.columns[2].type = .text }
            dbc.add(t, toSchema: "public")
        }
        let result = SchemaDiffer.compare(reference: LabeledCatalog(label: "drizzle", catalog: ref),
                                          others: [LabeledCatalog(label: "database", catalog: dbc)])
        #expect(result.findings.count == 20)
        #expect(result.tables.count == 2000)
    }
}

extension Table {
    func renamed(_ name: String) -> Table {
        var copy = self
        copy.name = name
        return copy
    }
}
