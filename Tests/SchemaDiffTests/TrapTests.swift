import SchemaModel
import Testing
@testable import SchemaDiff

/// Differences a naive comparison reports that are not differences (DESIGN.md "known traps").
@Suite("No false findings")
struct TrapTests {
    @Test func identicalSourcesGiveNothing() {
        let result = Build.diff(database: { _ in })
        #expect(result.findings == [])
        #expect(result.tables.allSatisfy { $0.rows.allSatisfy(\.matches) })
    }

    @Test func threeIdenticalSourcesGiveNothing() {
        let result = SchemaDiffer.compare(reference: Build.labeled(.drizzle), others: [Build.labeled(.sqlalchemy), Build.labeled(.database)])
        #expect(result.findings == [])
        #expect(result.sourceLabels == ["drizzle", "sqlalchemy", "database"])
    }

    /// serial is read as integer + nextval default + NOT NULL; spelling of the nextval call may differ.
    @Test func serialAgainstIntegerWithNextval() {
        let result = Build.diff(
            reference: { $0.editColumn("projects", "id") { $0.rawType = "serial" } },
            database: { $0.editColumn("projects", "id") { $0.rawType = "integer"; $0.defaultExpression = "nextval('projects_id_seq'::regclass)" } })
        #expect(result.findings == [])
    }

    @Test func nowAgainstCurrentTimestamp() {
        // Needs the tokenizing ExpressionCanonicalizer (now() = CURRENT_TIMESTAMP); the interim one only folds case and space.
        let result = Build.diff(database: { $0.editColumn("profiles", "created_at") { $0.defaultExpression = "CURRENT_TIMESTAMP" } })
        #expect(result.findings == [])
    }

    @Test func storedCastOnDefault() {
        // Needs the tokenizing ExpressionCanonicalizer ('user'::character varying = 'user' for a varchar column).
        let result = Build.diff(database: { $0.editColumn("profiles", "role") { $0.defaultExpression = "'user'::character varying" } })
        #expect(result.findings == [])
    }

    @Test func keywordCaseAndSpaceInExpressions() {
        let result = Build.diff(database: {
            $0.editColumn("profiles", "created_at") { $0.defaultExpression = "NOW()" }
            $0.edit("projects") { $0.checks[0].expression = "status   <>  ''" }
            $0.edit("profiles") { $0.policies[0].using = "AUTH.UID()  = ID" }
        })
        #expect(result.findings == [])
    }

    @Test func uniqueKeyAgainstDrizzleUniqueName() {
        // PostgreSQL names an unnamed UNIQUE `t_col_key`; drizzle-kit 0.x names `.unique()` `t_col_unique`.
        let result = Build.diff(
            reference: { $0.edit("profiles") { $0.uniqueConstraints[0].name = "profiles_email_unique" } },
            database: { _ in })
        #expect(result.findings.map(\.id) == ["constraint_name_mismatch"])
        #expect(result.findings.allSatisfy { $0.severity == .info })
    }

    @Test func unnamedConstraintsMatchByMeaning() {
        let result = Build.diff(
            reference: { $0.edit("profiles") { $0.uniqueConstraints[0].name = nil; $0.indexes[0].name = nil } },
            database: { _ in })
        #expect(result.findings == [])
    }

    @Test func policyRoleOrder() {
        let result = Build.diff(
            reference: { $0.edit("profiles") { $0.policies[0].roles = ["authenticated", "anon"] } },
            database: { $0.edit("profiles") { $0.policies[0].roles = ["anon", "authenticated", "anon"] } })
        #expect(result.findings == [])
    }

    @Test func noRolesMeansPublic() {
        let result = Build.diff(
            reference: { $0.edit("profiles") { $0.policies[0].roles = [] } },
            database: { $0.edit("profiles") { $0.policies[0].roles = ["PUBLIC"] } })
        #expect(result.findings == [])
    }

    @Test func truncatedGeneratedNames() {
        let long = String(repeating: "a", count: 70)
        let result = Build.diff(
            reference: { $0.edit("profiles") { $0.indexes[0].name = long } },
            database: { $0.edit("profiles") { $0.indexes[0].name = Identifier.truncated(long) } })
        #expect(result.findings == [])
    }

    @Test func triggerEventOrder() {
        let result = Build.diff(
            reference: { $0.edit("profiles") { $0.triggers[0].events = [.init(.update), .init(.insert)] } },
            database: { $0.edit("profiles") { $0.triggers[0].events = [.init(.insert), .init(.update)] } })
        #expect(result.findings == [])
    }

    @Test func supabaseSchemasAreExcludedByDefault() {
        let result = Build.diff(database: {
            $0.add(Table(name: "users", provenance: .database), toSchema: "auth")
            $0.add(Table(name: "objects", provenance: .database), toSchema: "storage")
        })
        #expect(result.findings == [])
        #expect(!result.tables.contains { $0.name.schema == "auth" })
    }
}

@Suite("Not stated is not absent")
struct NotStatedTests {
    @Test func sourceThatCannotStateTriggersIsNeverBlamed() {
        let result = SchemaDiffer.compare(
            reference: Build.labeled(.drizzle, notStated: [.trigger], edit: { $0.edit("profiles") { $0.triggers = [] } }),
            others: [Build.labeled(.database)])
        #expect(result.findings == [])
        #expect(result.limitations == [SourceLimitation(source: "drizzle", kinds: [.trigger])])
        let row = result.tables.first { $0.name.name == "profiles" }!.rows(of: .trigger).first!
        #expect(row.cells == [.notStated, .present("before update · for each row · execute public.touch()")])
    }

    @Test func comparedSourceThatCannotStateRLSIsNeverBlamed() {
        let result = SchemaDiffer.compare(
            reference: Build.labeled(.drizzle),
            others: [Build.labeled(.sqlalchemy, notStated: [.rowLevelSecurity, .policy, .trigger], edit: {
                $0.edit("profiles") { $0.rowLevelSecurity = false; $0.policies = []; $0.triggers = [] }
            })])
        #expect(result.findings == [])
    }

    @Test func columnAttributeNotStated() {
        let result = Build.diff(database: {
            $0.editColumn("profiles", "email") { $0.type = .varchar(); $0.notStated = [.columnType] }
        })
        #expect(result.findings == [])
        #expect(result.limitations == [SourceLimitation(source: "database", scope: "public.profiles.email", kinds: [.columnType])])
    }

    @Test func tableWhoseColumnsCannotAllBeStated() {
        // e.g. a Drizzle table spreading columns from an unresolved helper: columns present are compared,
        // absent ones are not called missing.
        let result = Build.diff(
            reference: { $0.edit("profiles") { $0.notStated = [.column]; $0.columns.removeAll { $0.name == "mood" } } },
            database: { $0.editColumn("profiles", "email") { $0.type = .text } })
        #expect(result.findings.map(\.id) == ["column_type_mismatch"])
    }
}

@Suite("Client-side defaults")
struct ClientDefaultTests {
    static func clientDefaultDiff(_ options: DiffOptions) -> DiffResult {
        SchemaDiffer.compare(
            reference: Build.labeled(.drizzle),
            others: [Build.labeled(.sqlalchemy, edit: {
                $0.editColumn("profiles", "created_at") { $0.defaultExpression = nil; $0.clientDefault = "datetime.utcnow" }
            })],
            options: options)
    }

    @Test func clientDefaultIsNotAFindingByDefaultButShowsInTheMatrix() {
        let result = Self.clientDefaultDiff(DiffOptions())
        #expect(result.findings.map(Expect.init) == [Expect("column_default_mismatch", .info, "public.profiles.created_at", "now()", nil)])
        let row = result.tables.first { $0.name.name == "profiles" }?.rows.first { $0.objectKey == "public.profiles.created_at" }
        #expect(row?.cells.last == .present("timestamp without time zone · not null · client default datetime.utcnow"), "\(String(describing: row))")
    }

    @Test func clientDefaultIsInformationAndSoftensTheDefaultFinding() {
        let result = Self.clientDefaultDiff(DiffOptions(reportClientDefaults: true))
        #expect(result.findings.map(Expect.init) == [
            Expect("column_client_default", .info, "public.profiles.created_at", nil, "datetime.utcnow"),
            Expect("column_default_mismatch", .info, "public.profiles.created_at", "now()", nil),
        ])
        let located = result.findings.first { $0.id == "column_client_default" }!
        #expect(located.compared.location == SourceLocation(path: "backend/models.py", line: 15, column: 5))
        #expect(located.reference.location == SourceLocation(path: "lib/db/schema.ts", line: 15, column: 3))
    }
}
