import Foundation
import SchemaAuditKit
import SourceScanning

/// Helpers shared by the test targets: where the repository and its fixtures are, and file access.
public enum TestSupport {
    /// The repository root, found from this file's location (Tests/TestSupport/TestSupport.swift).
    public static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// `Fixtures/<name>` under the repository root.
    public static func fixturePath(_ name: String) -> String {
        repositoryRoot + "/Fixtures/" + name
    }

    /// The real file system, for tests that read fixtures from disk.
    public static let files: SourceFileProvider = LocalFileSystem()

    /// The text of a fixture file, or a test failure message when it is missing.
    public static func fixtureText(_ relativePath: String) throws -> String {
        try String(contentsOfFile: fixturePath(relativePath), encoding: .utf8)
    }
}
