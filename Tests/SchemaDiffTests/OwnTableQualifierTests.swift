import SchemaModel
import Testing
@testable import SchemaDiff

/// Drizzle renders columns in `sql` templates qualified with their table (`"projects"."status"`);
/// PostgreSQL stores and prints them bare. The differ must treat both as the same expression, and
/// still tell a qualifier naming another table apart.
@Suite struct OwnTableQualifierTests {
    @Test func qualifiedCheckPolicyIndexPredicateAndTriggerConditionMatchBareOnes() {
        let result = Build.diff(
            reference: { catalog in
                catalog.edit("projects") { $0.checks[0].expression = "\"projects\".\"status\" <> ''" }
                catalog.edit("profiles") {
                    $0.policies[0].using = "auth.uid() = \"profiles\".\"id\""
                    $0.indexes[0].predicate = "\"profiles\".\"role\" <> 'admin'"
                    $0.triggers[0].when = "\"profiles\".\"role\" = 'user'"
                }
            },
            database: { catalog in
                catalog.edit("projects") { $0.checks[0].expression = "CHECK ((status)::text <> ''::text)" }
                catalog.edit("profiles") {
                    $0.policies[0].using = "(auth.uid() = id)"
                    $0.indexes[0].predicate = "((role)::text <> 'admin'::text)"
                    $0.triggers[0].when = "((role)::text = 'user'::text)"
                }
            })
        #expect(result.findings.map(\.id) == [])
    }

    @Test func qualifierNamingAnotherTableStillDiffers() {
        let result = Build.diff(
            reference: { catalog in
                catalog.edit("projects") { $0.checks[0].expression = "\"profiles\".\"status\" <> ''" }
            },
            database: { catalog in
                catalog.edit("projects") { $0.checks[0].expression = "(status <> '')" }
            })
        #expect(result.findings.map(\.id) == ["check_mismatch"])
    }
}
