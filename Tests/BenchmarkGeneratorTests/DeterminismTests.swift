import BenchmarkGenerator
import Testing

@Suite struct DeterminismTests {
    @Test(arguments: [(40, 0), (120, 1)])
    func sameArgumentsGiveIdenticalFiles(tables: Int, drifts: Int) throws {
        let a = try SyntheticApplication(tableCount: tables, seed: 42, drifts: drifts).files()
        let b = try SyntheticApplication(tableCount: tables, seed: 42, drifts: drifts).files()
        #expect(a == b)
        #expect(!a.isEmpty)
    }

    @Test func differentSeedsGiveDifferentFiles() throws {
        let a = try SyntheticApplication(tableCount: 40, seed: 1).files()
        let b = try SyntheticApplication(tableCount: 40, seed: 2).files()
        #expect(a.map(\.path) == b.map(\.path))
        for path in ["drizzle/tables-000.ts", "sqlalchemy/models_000.py", "database.sql"] {
            #expect(a.first { $0.path == path }?.contents != b.first { $0.path == path }?.contents, "\(path)")
        }
    }

    @Test func layoutSplitsTablesOverFiles() throws {
        let paths = try SyntheticApplication(tableCount: 250, seed: 3).files().map(\.path)
        #expect(paths == [
            "drizzle/enums.ts", "drizzle/shared.ts", "drizzle/tables-000.ts", "drizzle/tables-001.ts",
            "drizzle/tables-002.ts", "drizzle/index.ts",
            "sqlalchemy/__init__.py", "sqlalchemy/base.py", "sqlalchemy/enums.py", "sqlalchemy/models_000.py",
            "sqlalchemy/models_001.py", "sqlalchemy/models_002.py", "database.sql",
        ])
    }

    @Test func driftsAddDriftedDatabaseAndInjectedList() throws {
        let app = try SyntheticApplication(tableCount: 100, seed: 3, drifts: 1)
        let files = app.files()
        #expect(files.suffix(3).map(\.path) == ["drifted.sql", "injected.json", "injected-drizzle.json"])
        let json = files[files.count - 2].contents
        #expect(json.hasPrefix("[\n  {\"id\": \"check_extra\", \"objectKey\": \"public."))
        #expect(json.contains("{\"id\": \"enum_extra\", \"objectKey\": \"public.legacy_state_0\", \"table\": null}"))
        #expect(app.injected == app.injected.sorted())
        #expect(files.first { $0.path == "database.sql" }?.contents != files.first { $0.path == "drifted.sql" }?.contents)
    }

    @Test(arguments: [(0, 0), (-1, 0), (10, -1), (30, 1), (60, 2)])
    func rejectsBadArguments(tables: Int, drifts: Int) {
        #expect(throws: GeneratorError.self) { try SyntheticApplication(tableCount: tables, drifts: drifts) }
    }

    @Test(arguments: [1, 2, 3, 5])
    func minimumTablesIsEnough(drifts: Int) throws {
        let app = try SyntheticApplication(tableCount: SyntheticApplication.minimumTables(forDrifts: drifts), seed: 9, drifts: drifts)
        #expect(Set(app.injected.map(\.id)).count == 46)
        // Every kind, plus rls_enabled_unexpectedly, which SQLAlchemy models cannot state.
        #expect(Set(app.injectedForDrizzle.map(\.id)).count == 46 + 1)
        #expect(Set(app.injectedForDrizzle.map(\.id)).subtracting(app.injected.map(\.id)) == ["rls_enabled_unexpectedly"])
    }
}
