import PostgresCatalog
import SchemaModel
import SourceScanning

/// Reads sources into catalogs: the one place that chooses a reader for a ``SourceSpec``.
public struct SourceLoader: Sendable {
    /// Schemas to read (empty: all the source has).
    public var schemas: [String]
    public var statementTimeoutMilliseconds: Int
    public var files: SourceFileProvider
    public var fileReaders: FileSourceReaders
    /// Per-phase wall-clock seconds of the last database read (catalog queries and mapping).
    public private(set) var timings: [(phase: String, seconds: Double)] = []

    public init(
        schemas: [String] = [], statementTimeoutMilliseconds: Int = 30_000,
        files: SourceFileProvider = LocalFileSystem(), fileReaders: FileSourceReaders = .init()
    ) {
        self.fileReaders = fileReaders
        self.schemas = schemas
        self.statementTimeoutMilliseconds = statementTimeoutMilliseconds
        self.files = files
    }

    /// Reads one source. Throws ``AuditError`` when the source is unusable.
    public mutating func load(_ spec: SourceSpec) throws -> LoadedSource {
        switch spec.kind {
        case .database:
            return try loadDatabase(spec)
        case .drizzle, .sqlalchemy:
            return try loadFiles(spec)
        }
    }

    private mutating func loadDatabase(_ spec: SourceSpec) throws -> LoadedSource {
        guard spec.values.count == 1, let raw = spec.values.first else {
            throw AuditError("database '\(spec.label)': exactly one connection string is needed")
        }
        let reader = PostgresCatalogReader(
            connectionString: ConnectionString(raw),
            options: .init(schemas: schemas, statementTimeoutMilliseconds: statementTimeoutMilliseconds))
        do {
            let snapshot = try reader.read()
            timings = snapshot.queryTimings.map { ("\(spec.label): \($0.query)", $0.seconds) }
            return LoadedSource(
                spec: spec, catalog: snapshot.catalog, diagnostics: [],
                origin: "database '\(snapshot.databaseName)'")
        } catch let error as CatalogError {
            throw AuditError(error.description)
        }
    }

    private mutating func loadFiles(_ spec: SourceSpec) throws -> LoadedSource {
        for path in spec.values where files.contents(of: path) == nil && !files.isDirectory(path) {
            throw AuditError("\(spec.kind.rawValue): cannot read '\(path)': no such file or directory")
        }
        let clock = ContinuousClock()
        let start = clock.now
        let result = try fileReaders.read(spec.kind, paths: spec.values, files: files)
        timings = [("\(spec.label): read files", (clock.now - start) / .seconds(1))]
        // A reader that found nothing usable at all (every input unreadable) makes the source unusable.
        if result.hasErrors && result.catalog.tableCount == 0 && result.catalog.schemas.allSatisfy({ $0.enums.isEmpty }) {
            let first = result.diagnostics.first { $0.severity == .error }.map { ": \($0)" } ?? ""
            throw AuditError("\(spec.kind.rawValue) '\(spec.label)': no usable schema in \(spec.values.joined(separator: ", "))\(first)")
        }
        var catalog = result.catalog
        if !schemas.isEmpty {
            let wanted = Set(schemas)
            catalog.schemas.removeAll { !wanted.contains($0.name) }
        }
        return LoadedSource(
            spec: spec, catalog: catalog.normalized(), diagnostics: result.diagnostics,
            origin: spec.values.joined(separator: ", "))
    }
}
