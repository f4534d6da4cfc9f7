import BenchmarkGenerator
import Foundation
import Testing
import TestSupport

/// `schema-audit-bench generate` as `make bench` runs it: the built binary next to `schema-audit`.
@Suite struct CommandTests {
    struct Outcome {
        var status: Int32
        var stderr: String
    }

    static var binary: String {
        URL(fileURLWithPath: CommandRunner.binaryPath).deletingLastPathComponent().appendingPathComponent("schema-audit-bench").path
    }

    static func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stderr: String(decoding: data, as: UTF8.self))
    }

    static func temporaryDirectory() -> String {
        NSTemporaryDirectory() + "schema-audit-bench-\(UUID().uuidString)"
    }

    @Test func writesTheLibrarysFilesAndRemovesStaleOnes() throws {
        let dir = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try Self.run(["generate", "--tables", "150", "--seed", "4", "--drifts", "1", "--output", dir]).status == 0)
        #expect(FileManager.default.fileExists(atPath: dir + "/drizzle/tables-001.ts"))

        let outcome = try Self.run(["generate", "--tables", "40", "--seed", "4", "--output", dir])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let expected = try SyntheticApplication(tableCount: 40, seed: 4).files()
        for file in expected {
            let written = try String(contentsOfFile: dir + "/" + file.path, encoding: .utf8)
            #expect(written == file.contents, "\(file.path)")
        }
        for stale in ["drizzle/tables-001.ts", "sqlalchemy/models_001.py", "drifted.sql", "injected.json", "injected-drizzle.json"] {
            #expect(!FileManager.default.fileExists(atPath: dir + "/" + stale), "\(stale)")
        }
    }

    @Test(arguments: [
        ["generate", "--tables", "0", "--output", "/tmp/x"],
        ["generate", "--tables", "ten", "--output", "/tmp/x"],
        ["generate", "--tables", "10"],
        ["generate", "--tables", "10", "--drifts", "-1", "--output", "/tmp/x"],
        ["generate", "--tables", "10", "--output", "/tmp/x", "--colour"],
    ])
    func usageErrorsExit64(arguments: [String]) throws {
        let outcome = try Self.run(arguments)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("Usage: schema-audit-bench generate"))
    }

    @Test func unwritableOutputExits2() throws {
        let file = Self.temporaryDirectory()
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let outcome = try Self.run(["generate", "--tables", "3", "--output", file])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "schema-audit-bench: error: output '\(file)' exists and is not a directory\n")
    }

    @Test func tooFewTablesForDriftsExits2() throws {
        let outcome = try Self.run(["generate", "--tables", "30", "--drifts", "1", "--output", Self.temporaryDirectory()])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("30 tables are too few for 1 drift(s) of every kind; use at least 80 tables"))
    }
}
