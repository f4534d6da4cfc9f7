import PostgresCatalog
import SchemaModel
import SourceScanning

/// Reads sources into catalogs: the one place that chooses a reader for a ``SourceSpec``.
public struct SourceLoader: Sendable {
    /// Schemas to read (empty: all the source has).
    public var schemas: [String]
    public var statementTimeoutMilliseconds: Int
    /// At most this many connections per database (``PostgresCatalogReader/Options/catalogConnections``).
    public var catalogConnections: Int
    public var files: SourceFileProvider
    public var fileReaders: FileSourceReaders

    public init(
        schemas: [String] = [], statementTimeoutMilliseconds: Int = 30_000, catalogConnections: Int = 2,
        files: SourceFileProvider = LocalFileSystem(), fileReaders: FileSourceReaders = .init()
    ) {
        self.catalogConnections = catalogConnections
        self.fileReaders = fileReaders
        self.schemas = schemas
        self.statementTimeoutMilliseconds = statementTimeoutMilliseconds
        self.files = files
    }

    /// Reads one source. Throws ``AuditError`` when the source is unusable: a database that cannot be
    /// read, a path that does not exist, or files in which the reader found nothing usable at all.
    public func load(_ spec: SourceSpec) throws -> LoadedSource {
        let (loaded, seconds) = try PhaseTiming.measure {
            switch spec.kind {
            case .database: try loadDatabase(spec)
            case .drizzle, .sqlalchemy: try loadFiles(spec)
            }
        }
        var result = loaded
        result.timings.append(PhaseTiming(phase: "\(spec.label): total", seconds: seconds))
        return result
    }

    private func loadDatabase(_ spec: SourceSpec) throws -> LoadedSource {
        guard spec.values.count == 1, let raw = spec.values.first else {
            throw AuditError("database '\(spec.label)': exactly one connection string is needed")
        }
        let reader = PostgresCatalogReader(
            connectionString: ConnectionString(raw),
            options: .init(
                schemas: schemas, statementTimeoutMilliseconds: statementTimeoutMilliseconds,
                catalogConnections: catalogConnections))
        do {
            let snapshot = try reader.read()
            return LoadedSource(
                spec: spec, catalog: snapshot.catalog, diagnostics: [],
                origin: "database '\(snapshot.databaseName)'",
                timings: snapshot.queryTimings.map { PhaseTiming(phase: "\(spec.label): \($0.query)", seconds: $0.seconds) })
        } catch let error as CatalogError {
            throw AuditError(error.description)
        }
    }

    private func loadFiles(_ spec: SourceSpec) throws -> LoadedSource {
        for path in spec.values where files.contents(of: path) == nil && !files.isDirectory(path) {
            throw AuditError("\(spec.kind.rawValue): cannot read '\(path)': no such file or directory")
        }
        let (result, seconds) = try PhaseTiming.measure {
            try fileReaders.read(spec.kind, paths: spec.values, files: files)
        }
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
        // Both readers return normalized catalogs (NormalizedReaderOutputTests); dropping schemas
        // keeps that form.
        return LoadedSource(
            spec: spec, catalog: catalog, diagnostics: result.diagnostics,
            origin: spec.values.joined(separator: ", "),
            timings: [PhaseTiming(phase: "\(spec.label): read files", seconds: seconds)])
    }
}
