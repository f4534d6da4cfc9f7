import Foundation
import Testing
import TestSupport

/// `inspect --drizzle` / `--sqlalchemy` end to end through the built binary.
@Suite struct InspectFilesCommandTests {
    @Test func inspectsDrizzleAndSQLAlchemyFixtures() throws {
        let drizzle = try CommandRunner.run(["inspect", "--drizzle", "Fixtures/pixcrawler/drizzle", "--format", "text"])
        #expect(drizzle.status == 0, "\(drizzle.stderr)")
        #expect(drizzle.stdout.hasPrefix("drizzle (Fixtures/pixcrawler/drizzle): 11 tables in 1 schema\n"))
        let sqlalchemy = try CommandRunner.run(["inspect", "--sqlalchemy", "Fixtures/pixcrawler-backend/sqlalchemy"])
        #expect(sqlalchemy.status == 0, "\(sqlalchemy.stderr)")
        #expect(sqlalchemy.stdout.contains("\"kind\" : \"sqlalchemy\""))
        let again = try CommandRunner.run(["inspect", "--sqlalchemy", "Fixtures/pixcrawler-backend/sqlalchemy"])
        #expect(again.stdout == sqlalchemy.stdout)
    }

    @Test func unusableFileInputExitsWithTwo() throws {
        let missing = try CommandRunner.run(["inspect", "--drizzle", "no/such/schema.ts"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no/such/schema.ts"))
        let empty = NSTemporaryDirectory() + "empty-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let emptyDir = try CommandRunner.run(["inspect", "--sqlalchemy", empty])
        #expect(emptyDir.status == 2, "\(emptyDir.stderr)")
        let notTypeScript = NSTemporaryDirectory() + "bin-\(UUID().uuidString).ts"
        try Data([0, 1, 2, 255, 254, 0, 7]).write(to: URL(fileURLWithPath: notTypeScript))
        defer { try? FileManager.default.removeItem(atPath: notTypeScript) }
        let binary = try CommandRunner.run(["inspect", "--drizzle", notTypeScript])
        #expect(binary.status == 2, "\(binary.stderr)")
        #expect(binary.stderr.contains(notTypeScript))
    }
}
