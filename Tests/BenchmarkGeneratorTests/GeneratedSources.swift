import BenchmarkGenerator
import SchemaAuditKit
import SchemaModel
import SourceScanning

/// Helpers shared by the generator tests: the generated files as an in-memory tree, and compare runs.
enum GeneratedSources {
    static let root = "/app"

    /// The application's files under `/app`, readable by the pipeline without touching the disk.
    static func provider(_ app: SyntheticApplication) -> InMemorySourceFiles {
        var files: [String: String] = [:]
        for file in app.files() { files[root + "/" + file.path] = file.contents }
        return InMemorySourceFiles(files)
    }

    static var drizzle: SourceSpec { SourceSpec(kind: .drizzle, values: [root + "/drizzle"]) }
    static var sqlalchemy: SourceSpec { SourceSpec(kind: .sqlalchemy, values: [root + "/sqlalchemy"]) }

    /// Runs `compare` over `specs` with the application's files.
    static func compare(_ app: SyntheticApplication, _ specs: [SourceSpec], reference: String? = nil) throws -> CompareOutcome {
        try ComparePipeline.run(CompareRequest(specs: specs, reference: reference), files: provider(app))
    }

    /// Findings as `id objectKey` lines, for readable failure messages.
    static func lines(_ findings: [Finding]) -> [String] { findings.map { "\($0.id) \($0.objectKey)" } }

    static func lines(_ findings: [InjectedFinding]) -> [String] { findings.map { "\($0.id) \($0.objectKey)" } }
}
