import BenchmarkGenerator
import SchemaAuditKit
import SchemaModel
import Testing
import TestSupport

/// Loads the generated SQL into the test cluster (scripts/with-postgres.sh) and compares it with the
/// generated code.
@Suite struct LiveGeneratedDatabaseTests {
    @Test func cleanDatabaseMatchesBothCodeSources() throws {
        let app = try SyntheticApplication(tableCount: 30, seed: 1)
        let db = try LiveDatabase.create("bench_clean", sql: app.databaseSQL())
        let specs = [GeneratedSources.drizzle, GeneratedSources.sqlalchemy, SourceSpec(kind: .database, values: [db.url])]
        let outcome = try GeneratedSources.compare(app, specs)
        #expect(outcome.diagnostics.map(\.message) == [])
        #expect(GeneratedSources.lines(outcome.result.findings) == [])
        #expect(outcome.result.tables.count == 30)

        // Triggers are compared only with SQLAlchemy as the reference (Drizzle cannot state them).
        let bySQLAlchemy = try GeneratedSources.compare(app, specs, reference: "sqlalchemy")
        #expect(GeneratedSources.lines(bySQLAlchemy.result.findings) == [])
    }

    @Test(arguments: [(120, UInt64(11), 1), (200, UInt64(12), 2)])
    func driftedDatabaseReportsExactlyWhatWasInjected(tables: Int, seed: UInt64, drifts: Int) throws {
        let app = try SyntheticApplication(tableCount: tables, seed: seed, drifts: drifts)
        let db = try LiveDatabase.create("bench_drift", sql: app.driftedSQL())
        let specs = [GeneratedSources.sqlalchemy, SourceSpec(kind: .database, values: [db.url])]
        let outcome = try GeneratedSources.compare(app, specs, reference: "sqlalchemy")
        #expect(outcome.diagnostics.map(\.message) == [])
        let found = outcome.result.findings.filter { $0.compared.source == "database" }
        #expect(found.count == outcome.result.findings.count)
        let got = Set(found.map { InjectedFinding(id: $0.id, objectKey: $0.objectKey, table: $0.table?.description) })
        let expected = Set(app.injected)
        #expect(GeneratedSources.lines(expected.subtracting(got).sorted()) == [], "injected but not found")
        #expect(GeneratedSources.lines(got.subtracting(expected).sorted()) == [], "found but not injected")
        #expect(found.count == app.injected.count, "one finding per injected entry")

        // With all three sources and Drizzle as the reference: what Drizzle can state, and no finding
        // between the two code sources.
        let all = [GeneratedSources.drizzle] + specs
        let byDrizzle = try GeneratedSources.compare(app, all)
        #expect(byDrizzle.diagnostics.map(\.message) == [])
        let drizzleGot = byDrizzle.result.findings.filter { $0.compared.source == "database" }
        #expect(drizzleGot.count == byDrizzle.result.findings.count)
        let drizzleSet = Set(drizzleGot.map { InjectedFinding(id: $0.id, objectKey: $0.objectKey, table: $0.table?.description) })
        #expect(GeneratedSources.lines(Set(app.injectedForDrizzle).subtracting(drizzleSet).sorted()) == [], "injected but not found")
        #expect(GeneratedSources.lines(drizzleSet.subtracting(app.injectedForDrizzle).sorted()) == [], "found but not injected")
        #expect(drizzleGot.count == app.injectedForDrizzle.count)
        #expect(app.injectedForDrizzle.contains { $0.id == "rls_enabled_unexpectedly" })

        // Every kind but the two a database cannot show against SQLAlchemy models.
        let notInjectable: Set<String> = ["column_client_default", "rls_enabled_unexpectedly"]
        let kinds = Set(app.injected.map(\.id))
        #expect(kinds == Set(FindingKind.allCases.map(\.id)).subtracting(notInjectable))
        for kind in kinds {
            #expect(app.injected.filter { $0.id == kind }.count >= drifts, "\(kind)")
        }
    }
}
