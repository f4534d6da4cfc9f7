import Foundation

/// Runs the built `schema-audit` binary, as a user or CI would.
public enum CommandRunner {
    public struct Outcome: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The binary next to the test bundle (same build directory), or `SCHEMA_AUDIT_BINARY`.
    public static var binaryPath: String {
        if let override = ProcessInfo.processInfo.environment["SCHEMA_AUDIT_BINARY"], !override.isEmpty {
            return override
        }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        // The test runner is `<products>/<package>PackageTests.xctest` (a file on Linux, a bundle on macOS).
        while url.pathComponents.count > 1 && !url.lastPathComponent.hasSuffix(".xctest") {
            url.deleteLastPathComponent()
        }
        url.deleteLastPathComponent()
        return url.appendingPathComponent("schema-audit").path
    }

    /// Runs the binary with `arguments` in `directory` (the repository root by default).
    public static func run(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binaryPath)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? TestSupport.repositoryRoot)
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a large report cannot fill a pipe and block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
