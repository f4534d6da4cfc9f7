import SchemaModel
import Testing
@testable import SchemaDiff

/// A kind the reference cannot state (Drizzle: triggers, FORCE ROW LEVEL SECURITY) is checked against
/// the first other source that can, instead of by nobody.
@Suite struct StandInReferenceTests {
    static let drizzleCannot: Set<ObjectKind> = [.trigger, .forceRowLevelSecurity]

    static func threeWay(database: (inout Catalog) -> Void, sqlalchemy: (inout Catalog) -> Void = { _ in }) -> DiffResult {
        SchemaDiffer.compare(
            reference: Build.labeled(.drizzle, notStated: drizzleCannot, edit: { $0.edit("profiles") { $0.triggers = [] } }),
            others: [Build.labeled(.sqlalchemy, edit: sqlalchemy), Build.labeled(.database, edit: database)])
    }

    @Test func triggerDriftInTheDatabaseIsCheckedAgainstSQLAlchemy() {
        let result = Self.threeWay(database: { $0.edit("profiles") { $0.triggers[0].timing = .after } })
        let triggers = result.findings.filter { $0.id.hasPrefix("trigger_") }
        #expect(triggers.map(\.id) == ["trigger_timing_mismatch"])
        #expect(triggers.first?.reference.source == "sqlalchemy")
        #expect(triggers.first?.compared.source == "database")
        #expect(triggers.first?.reference.location == SourceLocation(path: "backend/models.py", line: 19, column: 5))
        #expect(result.findings.count == 1, "\(result.findings.map(\.id))")
    }

    @Test func missingTriggerAndForcedSecurityAreReportedOnceAgainstTheStandIn() {
        let result = Self.threeWay(database: { catalog in
            catalog.edit("profiles") {
                $0.triggers = []
                $0.forceRowLevelSecurity = true
            }
        })
        #expect(result.findings.map(\.id).sorted() == ["rls_force_mismatch", "trigger_missing"])
        #expect(result.findings.allSatisfy { $0.reference.source == "sqlalchemy" && $0.compared.source == "database" })
    }

    @Test func drizzleIsNeverBlamedForWhatItCannotState() {
        // The same catalogs as the clean case, only Drizzle lacks the trigger: no finding at all.
        let result = Self.threeWay(database: { _ in })
        #expect(result.findings.isEmpty, "\(result.findings.map(\.id))")
    }

    @Test func withoutAStandInNothingIsCompared() {
        let result = SchemaDiffer.compare(
            reference: Build.labeled(.drizzle, notStated: Self.drizzleCannot),
            others: [Build.labeled(.database, edit: { $0.edit("profiles") { $0.triggers = [] } })])
        #expect(result.findings.isEmpty, "\(result.findings.map(\.id))")
    }
}
