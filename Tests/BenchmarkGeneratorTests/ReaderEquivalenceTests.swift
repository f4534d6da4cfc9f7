import BenchmarkGenerator
import SchemaAuditKit
import SchemaModel
import Testing

/// The Drizzle and SQLAlchemy forms of one application read without a diagnostic and compare clean.
@Suite struct ReaderEquivalenceTests {
    @Test(arguments: [(30, UInt64(1)), (30, UInt64(77)), (230, UInt64(5))])
    func drizzleAndSQLAlchemyAgree(tables: Int, seed: UInt64) throws {
        let app = try SyntheticApplication(tableCount: tables, seed: seed)
        let outcome = try GeneratedSources.compare(app, [GeneratedSources.drizzle, GeneratedSources.sqlalchemy])
        #expect(outcome.diagnostics.map(\.message) == [])
        #expect(GeneratedSources.lines(outcome.result.findings) == [])
        #expect(outcome.result.tables.count == tables)
        #expect(outcome.result.enums.count == max(12, tables / 8))
    }

    /// Both readers see what the generator wrote: every table has its policies (when it has RLS), its
    /// trigger in SQLAlchemy, and its indexes, checks and foreign key.
    @Test func readersStateEveryObject() throws {
        let app = try SyntheticApplication(tableCount: 30, seed: 1)
        let outcome = try GeneratedSources.compare(app, [GeneratedSources.drizzle, GeneratedSources.sqlalchemy])
        var kinds: [ObjectKind: Int] = [:]
        for table in outcome.result.tables {
            for row in table.rows where row.cells.allSatisfy({ if case .present = $0 { true } else { false } }) {
                kinds[row.kind, default: 0] += 1
            }
        }
        // 30 tables, 1 in 8 without RLS (indexes 5, 13, 21, 29): 26 with three policies each.
        #expect(kinds[.policy] == 26 * 3)
        #expect(kinds[.index] == 60 + 10)  // two per table, plus a unique index on every third
        #expect(kinds[.unique] == 30)
        #expect(kinds[.check] == 30)
        #expect(kinds[.foreignKey] == 29)
        #expect(kinds[.primaryKey] == 30)
    }
}
