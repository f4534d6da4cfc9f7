import Foundation
import Testing
import TestSupport

/// Runs `schema-audit compare` end to end against PostgreSQL: golden reports and exit codes.
///
/// Golden files live in `Fixtures/<case>/expected/`; they are compared byte for byte and rewritten
/// only when `SCHEMA_AUDIT_RECORD=1` (scripts/record.sh).
@Suite struct CompareCommandTests {
    /// A case folder and the exit code its comparison must give. `code` is the code folder compared
    /// with database.sql (`drizzle` or `sqlalchemy`); `nil` compares reference.sql and database.sql as
    /// two databases.
    struct GoldenCase: CustomTestStringConvertible, Sendable {
        var fixture: String
        var status: Int32
        var code: String? = "drizzle"
        /// A seed application whose code and database.sql this case reuses, with its own drift.sql
        /// run after the seed's database.sql.
        var base: String? = nil
        var databases: Bool { code == nil }
        var codeFixture: String { base ?? fixture }
        var testDescription: String { fixture }
    }

    static let cases: [GoldenCase] = [
        .init(fixture: "pixcrawler", status: 0),
        .init(fixture: "roborail", status: 0),
        .init(fixture: "delula", status: 0),
        .init(fixture: "compare-drift", status: 1),
        .init(fixture: "pixcrawler-backend", status: 0, code: "sqlalchemy"),
        .init(fixture: "ledger-classic", status: 0, code: "sqlalchemy"),
        .init(fixture: "compare-databases", status: 1, code: nil),
        .init(fixture: "compare-pixcrawler-drift", status: 1, base: "pixcrawler"),
        .init(fixture: "compare-roborail-drift", status: 1, base: "roborail"),
        .init(fixture: "compare-delula-drift", status: 1, base: "delula"),
    ]

    static var recording: Bool { ProcessInfo.processInfo.environment["SCHEMA_AUDIT_RECORD"] == "1" }

    /// The arguments comparing a fixture's Drizzle files with its database; the origin is fixed so
    /// the random test database name never reaches a golden file.
    static func arguments(
        _ fixture: String, _ database: LiveDatabase, format: String, code: String = "drizzle", codeFixture: String? = nil
    ) -> [String] {
        [
            "compare", "--\(code)", "Fixtures/\(codeFixture ?? fixture)/\(code)", "--database", "database=\(database.url)",
            "--origin", "database=database '\(fixture)'", "--format", format,
        ]
    }

    /// Two databases: `reference=` built from reference.sql, `database=` from database.sql.
    static func databaseArguments(_ fixture: String, _ reference: LiveDatabase, _ database: LiveDatabase, format: String) -> [String] {
        [
            "compare", "--database", "reference=\(reference.url)", "--database", "database=\(database.url)",
            "--origin", "reference=database '\(fixture)-reference'", "--origin", "database=database '\(fixture)'",
            "--format", format,
        ]
    }

    /// The case's database: database.sql, or its base's database.sql followed by its drift.sql.
    static func database(_ golden: GoldenCase) throws -> LiveDatabase {
        guard let base = golden.base else { return try LiveDatabase.load(fixture: golden.fixture) }
        let sql = try TestSupport.fixtureText(base + "/database.sql") + "\n" + TestSupport.fixtureText(golden.fixture + "/drift.sql")
        return try LiveDatabase.create(golden.fixture, sql: sql)
    }

    @Test(arguments: cases) func goldenReports(_ golden: GoldenCase) throws {
        let database = try Self.database(golden)
        let reference = golden.databases
            ? try LiveDatabase.create(golden.fixture, sql: TestSupport.fixtureText(golden.fixture + "/reference.sql")) : nil
        let admin = try LiveDatabase.adminURL()
        let password = admin.split(separator: ":")[2].split(separator: "@")[0]
        for (format, file) in [("markdown", "report.md"), ("json", "report.json")] {
            let arguments = reference.map { Self.databaseArguments(golden.fixture, $0, database, format: format) }
                ?? Self.arguments(golden.fixture, database, format: format, code: golden.code ?? "drizzle", codeFixture: golden.codeFixture)
            let outcome = try CommandRunner.run(arguments)
            #expect(outcome.status == golden.status, "\(format): \(outcome.stderr)")
            #expect(!outcome.stdout.contains(database.name) && !outcome.stdout.contains(password))
            #expect(reference.map { !outcome.stdout.contains($0.name) } ?? true)
            let path = TestSupport.fixturePath("\(golden.fixture)/expected/\(file)")
            if Self.recording {
                try FileManager.default.createDirectory(
                    atPath: TestSupport.fixturePath("\(golden.fixture)/expected"), withIntermediateDirectories: true)
                try outcome.stdout.write(toFile: path, atomically: true, encoding: .utf8)
            }
            let expected = try String(contentsOfFile: path, encoding: .utf8)
            #expect(outcome.stdout == expected, "\(golden.fixture)/expected/\(file) differs; run scripts/record.sh if intended")
        }
    }

    /// Every finding id issue 6 names appears in at least one golden report.
    @Test func goldensCoverEveryRequiredFindingId() throws {
        let required = """
            table_missing table_extra column_missing column_extra column_type_mismatch
            column_nullability_mismatch column_default_mismatch column_identity_mismatch primary_key_mismatch
            foreign_key_missing foreign_key_extra foreign_key_action_mismatch unique_missing unique_extra
            check_missing check_extra check_mismatch index_missing index_extra index_mismatch
            constraint_name_mismatch index_name_mismatch enum_missing enum_extra enum_value_missing
            enum_value_extra enum_value_order_mismatch rls_disabled rls_enabled_unexpectedly rls_force_mismatch
            policy_missing policy_extra policy_command_mismatch policy_permissive_mismatch policy_roles_mismatch
            policy_using_mismatch policy_with_check_mismatch trigger_missing trigger_extra trigger_timing_mismatch
            trigger_events_mismatch trigger_level_mismatch trigger_function_mismatch
            """.split(whereSeparator: \.isWhitespace).map(String.init)
        var seen: Set<String> = []
        for golden in Self.cases {
            let data = try Data(contentsOf: URL(fileURLWithPath: TestSupport.fixturePath("\(golden.fixture)/expected/report.json")))
            let document = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            for finding in document?["findings"] as? [[String: Any]] ?? [] {
                if let id = finding["id"] as? String { seen.insert(id) }
            }
        }
        #expect(required.count == 43)
        #expect(Set(required).subtracting(seen).sorted() == [])
    }

    @Test func cleanSeedsHaveNoErrorsOrWarnings() throws {
        for golden in Self.cases where golden.status == 0 {
            let fixture = golden.fixture
            let database = try LiveDatabase.load(fixture: fixture)
            let outcome = try CommandRunner.run(
                Self.arguments(fixture, database, format: "text", code: golden.code ?? "drizzle") + ["--fail-on", "warning"])
            #expect(outcome.status == 0, "\(fixture): \(outcome.stdout)")
            #expect(outcome.stdout.contains("PASS: 0 errors, 0 warnings, 0 info"), "\(fixture): zero findings expected")
        }
    }

    @Test func driftExitsWithOneAndFailOnNeverExitsWithZero() throws {
        let database = try LiveDatabase.load(fixture: "compare-drift")
        let drift = try CommandRunner.run(Self.arguments("compare-drift", database, format: "text"))
        #expect(drift.status == 1)
        #expect(drift.stdout.contains("Fixtures/compare-drift/drizzle/schema.ts:16:5: error: [column_type_mismatch]"))
        let never = try CommandRunner.run(Self.arguments("compare-drift", database, format: "text") + ["--fail-on", "never"])
        #expect(never.status == 0)
        let ignored = try CommandRunner.run(
            Self.arguments("compare-drift", database, format: "json") + ["--ignore", "public.*", "--ignore", "enum_*"])
        #expect(ignored.status == 0, "\(ignored.stdout)")
    }

    @Test func timingsGoToStandardErrorAndLeaveTheReportAlone() throws {
        let database = try LiveDatabase.load(fixture: "compare-drift")
        let plain = try CommandRunner.run(Self.arguments("compare-drift", database, format: "json"))
        let timed = try CommandRunner.run(Self.arguments("compare-drift", database, format: "json") + ["--timings"])
        #expect(timed.status == plain.status)
        #expect(timed.stdout == plain.stdout)
        let phases = timed.stderr.split(separator: "\n").filter { $0.hasPrefix("timing: ") }.map {
            String($0.dropFirst("timing: ".count).prefix { $0 != ":" })
        }
        // Every source's read and total, every catalog query, the diff and the rendering.
        for phase in ["drizzle", "database", "diff", "render json"] { #expect(phases.contains(phase), "\(timed.stderr)") }
        #expect(timed.stderr.contains("database: columns: "))
        #expect(timed.stderr.contains("drizzle: read files: "))
        #expect(!plain.stderr.contains("timing: "))
    }

    @Test func baselineAcceptsEarlierFindings() throws {
        let database = try LiveDatabase.load(fixture: "compare-drift")
        let path = NSTemporaryDirectory() + "baseline-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try CommandRunner.run(Self.arguments("compare-drift", database, format: "json") + ["--output", path])
        #expect(first.status == 1)
        let second = try CommandRunner.run(Self.arguments("compare-drift", database, format: "text") + ["--baseline", path])
        #expect(second.status == 0, "\(second.stdout)")
    }

    @Test func inputErrorsExitWithTwo() throws {
        let missing = try CommandRunner.run(["compare", "--drizzle", "Fixtures/no-such-dir", "--sqlalchemy", "Fixtures/ledger-classic/sqlalchemy"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("schema-audit: error: "))
        let refused = try CommandRunner.run([
            "compare", "--drizzle", "Fixtures/pixcrawler/drizzle", "--database", "postgresql://u:Secr3tPw@127.0.0.1:1/x",
        ])
        #expect(refused.status == 2)
        #expect(!refused.stderr.contains("Secr3tPw"))
        let badReference = try CommandRunner.run([
            "compare", "--drizzle", "Fixtures/pixcrawler/drizzle", "--sqlalchemy", "Fixtures/ledger-classic/sqlalchemy",
            "--reference", "nobody",
        ])
        #expect(badReference.status == 2)
        let directory = NSTemporaryDirectory() + "config-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "fail-on: error\nfial-on: warning\n".write(toFile: directory + "/.schema-audit.yml", atomically: true, encoding: .utf8)
        let badConfig = try CommandRunner.run(
            ["compare", "--drizzle", TestSupport.fixturePath("pixcrawler/drizzle"), "--drizzle", "b=" + TestSupport.fixturePath("delula/drizzle")],
            in: directory)
        #expect(badConfig.status == 2)
        #expect(badConfig.stderr.contains(".schema-audit.yml:2:1: unknown key 'fial-on'"), "\(badConfig.stderr)")
    }

    @Test func usageErrorsExitWith64() throws {
        let cases: [[String]] = [
            ["compare", "--drizzle", "Fixtures/pixcrawler/drizzle"],
            ["compare"],
            ["compare", "--drizzle", "a", "--database", "b", "--format", "html"],
            ["compare", "--drizzle", "a", "--database", "b", "--fail-on", "fatal"],
            ["compare", "--no-such-option"],
        ]
        for arguments in cases {
            let outcome = try CommandRunner.run(arguments)
            #expect(outcome.status == 64, "\(arguments): \(outcome.stderr)")
        }
    }

    @Test func codeOnlyComparisonNeedsNoDatabase() throws {
        let outcome = try CommandRunner.run([
            "compare", "--drizzle", "Fixtures/pixcrawler/drizzle", "--sqlalchemy", "Fixtures/pixcrawler-backend/sqlalchemy",
            "--format", "json", "--fail-on", "never",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        #expect(document?["formatVersion"] as? Int == 1)
    }

    @Test func configurationFileSuppliesSourcesIgnoresAndSeverities() throws {
        let directory = NSTemporaryDirectory() + "config-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let config = """
            sources:
              - kind: drizzle
                label: web
                paths: [\(TestSupport.fixturePath("pixcrawler/drizzle"))]
              - kind: sqlalchemy
                label: api
                paths: [\(TestSupport.fixturePath("pixcrawler-backend/sqlalchemy"))]
            reference: web
            schemas: [public]
            fail-on: error
            ignores:
              - pattern: check_*
                reason: the backend validates in Python
            severity:
              "*": info
            """
        try config.write(toFile: directory + "/.schema-audit.yml", atomically: true, encoding: .utf8)
        let fromDefault = try CommandRunner.run(["compare", "--format", "json"], in: directory)
        #expect(fromDefault.status == 0, "\(fromDefault.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(fromDefault.stdout.utf8)) as? [String: Any]
        let findings = document?["findings"] as? [[String: Any]] ?? []
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0["severity"] as? String == "info" && !(($0["id"] as? String) ?? "").hasPrefix("check_") })
        // The command line wins over the file: the same findings fail at --fail-on info.
        let strict = try CommandRunner.run(["compare", "--config", directory + "/.schema-audit.yml", "--fail-on", "info"])
        #expect(strict.status == 1)
    }

    @Test func readerDiagnosticsGoToStandardErrorWithTheirLocation() throws {
        let directory = NSTemporaryDirectory() + "diag-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try """
            import { pgTable, serial } from 'drizzle-orm/pg-core';
            export const t = pgTable('t', { id: serial('id').primaryKey(), x: someUnknown('x') });
            """.write(toFile: directory + "/a.ts", atomically: true, encoding: .utf8)
        try """
            import { pgTable, serial } from 'drizzle-orm/pg-core';
            export const t = pgTable('t', { id: serial('id').primaryKey() });
            """.write(toFile: directory + "/b.ts", atomically: true, encoding: .utf8)
        let outcome = try CommandRunner.run(["compare", "--drizzle", "a=a.ts", "--drizzle", "b=b.ts"], in: directory)
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(outcome.stderr.hasPrefix("a.ts:2:"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains(": warning: cannot resolve column 'x' of table 't'"))
        #expect(!outcome.stdout.contains("cannot resolve"))
    }

    @Test func rulesListsEveryFindingId() throws {
        let outcome = try CommandRunner.run(["rules"])
        #expect(outcome.status == 0)
        for id in ["table_missing", "column_type_mismatch", "policy_roles_mismatch", "trigger_missing"] {
            #expect(outcome.stdout.contains(id + " "))
        }
        let help = try CommandRunner.run(["compare", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("EXIT CODES:\n  0   no finding at or above --fail-on (default: error)\n"))
        #expect(help.stdout.contains("  64  usage error (fewer than two sources, unknown option,\n"))
        #expect(help.stdout.split(separator: "\n").allSatisfy { $0.count < 80 })
        let listed = try CommandRunner.run(["compare", "--list-findings"])
        #expect(listed.status == 0)
        #expect(listed.stdout == outcome.stdout)
    }

    @Test func clientDefaultsAreFindingsOnlyWhenAsked() throws {
        let database = try LiveDatabase.load(fixture: "roborail")
        let plain = try CommandRunner.run(Self.arguments("roborail", database, format: "json"))
        #expect(plain.status == 0)
        #expect(!plain.stdout.contains("column_client_default"))
        let asked = try CommandRunner.run(Self.arguments("roborail", database, format: "text") + ["--client-defaults", "--fail-on", "info"])
        #expect(asked.status == 1)
        #expect(asked.stdout.contains("Fixtures/roborail/drizzle/chats.ts:51:5: info: [column_client_default]"), "\(asked.stdout)")
    }
}
