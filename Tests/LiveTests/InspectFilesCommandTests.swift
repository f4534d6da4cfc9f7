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

    /// `--output` writes the exact bytes standard output would get; a path that cannot be written is
    /// exit 2 with the path and the reason.
    @Test func outputFileHasTheSameBytesAsStandardOutput() throws {
        let args = ["inspect", "--drizzle", "Fixtures/pixcrawler/drizzle"]
        let stdout = try CommandRunner.run(args)
        let path = NSTemporaryDirectory() + "inspect-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let toFile = try CommandRunner.run(args + ["--output", path])
        #expect(toFile.status == 0, "\(toFile.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == stdout.stdout)
        let bad = try CommandRunner.run(args + ["--output", "/no/such/dir/out.json"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("cannot write '/no/such/dir/out.json': No such file or directory"))
    }
}
