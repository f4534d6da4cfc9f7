import Foundation
import Testing
import TestSupport

/// Runs the built binary end to end: output, determinism, exit codes, and no password in any output.
@Suite struct InspectCommandTests {
    @Test func printsIdenticalSortedJSONAcrossRuns() throws {
        let database = try LiveDatabase.load(fixture: "catalog-features")
        let first = try CommandRunner.run(["inspect", "--database", database.url])
        let second = try CommandRunner.run(["inspect", "--database", database.url])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        let document = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any]
        #expect(document?["formatVersion"] as? Int == 1)
        #expect(first.stdout.contains("\"name\" : \"Profiles\""))
        #expect(first.stdout.contains("\"origin\" : \"database '\(database.name)'\""))
    }

    @Test func printsATextSummary() throws {
        let database = try LiveDatabase.load(fixture: "catalog-features")
        let outcome = try CommandRunner.run(["inspect", "--database", database.url, "--format", "text", "--schema", "public"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("database (database '\(database.name)'): 3 tables in 1 schema\n"))
        #expect(outcome.stdout.contains("    email       character varying(255)       not null\n"))
        #expect(outcome.stdout.contains("    foreign key projects_owner_fkey (owner) -> public.Profiles (id) on delete cascade\n"))
    }

    @Test func writesToAnOutputFile() throws {
        let database = try LiveDatabase.create("outfile", sql: "CREATE TABLE t (id int PRIMARY KEY)")
        let path = NSTemporaryDirectory() + "inspect-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let outcome = try CommandRunner.run(["inspect", "--database", database.url, "--output", path])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("\"name\" : \"t\""))
    }

    @Test func databaseErrorsExitWithTwoAndNeverShowThePassword() throws {
        let admin = try LiveDatabase.adminURL()
        let hostPort = admin.split(separator: "@").last!.split(separator: "/").first!
        let cases = [
            "postgresql://postgres:Wr0ngPassw0rd@\(hostPort)/postgres",
            "postgresql://postgres:Wr0ngPassw0rd@127.0.0.1:1/postgres",
            "host=127.0.0.1 password=Wr0ngPassw0rd nonsense_key=1",
        ]
        for url in cases {
            let outcome = try CommandRunner.run(["inspect", "--database", url])
            #expect(outcome.status == 2, "\(url.count) \(outcome.stderr)")
            #expect(!outcome.stderr.contains("Wr0ngPassw0rd"))
            #expect(!outcome.stdout.contains("Wr0ngPassw0rd"))
            #expect(outcome.stderr.hasPrefix("schema-audit: error: database: "))
            #expect(outcome.stderr.split(separator: "\n").count == 1)
        }
        // The real password of the test cluster is never printed either, even in a successful run.
        let password = admin.split(separator: ":")[2].split(separator: "@")[0]
        let good = try CommandRunner.run(["inspect", "--database", admin, "--format", "text"])
        #expect(!good.stdout.contains(password) && !good.stderr.contains(password))
    }

    @Test func usageErrorsExitWith64() throws {
        #expect(try CommandRunner.run(["inspect"]).status == 64)
        #expect(try CommandRunner.run(["inspect", "--database", "a", "--database", "b"]).status == 64)
        #expect(try CommandRunner.run(["inspect", "--no-such-option"]).status == 64)
        #expect(try CommandRunner.run(["inspect", "--database", "x", "--format", "yaml"]).status == 64)
        #expect(try CommandRunner.run(["inspect", "--database", "x", "--catalog-connections", "3"]).status == 64)
        #expect(try CommandRunner.run(["no-such-command"]).status == 64)
    }

    @Test func helpDocumentsExitCodes() throws {
        let outcome = try CommandRunner.run(["inspect", "--help"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("EXIT CODES"))
        #expect(outcome.stdout.contains("64"))
    }
}
