import DrizzleReader
import SchemaDiff
import SchemaModel
import SourceScanning

/// Everything `compare` needs to know, whether it came from the command line or `.schema-audit.yml`.
public struct CompareRequest: Sendable {
    /// The sources, two or more.
    public var specs: [SourceSpec]
    /// `drizzle`, `sqlalchemy`, `database` (the first source of that kind) or a label; nil picks Drizzle
    /// when present, else the first source.
    public var reference: String?
    /// Schemas to read and compare (empty: all but the Supabase-owned and system schemas).
    public var schemas: [String]
    /// Ignores, severity overrides and baseline fingerprints.
    public var diffOptions: DiffOptions
    /// Origin text per label, replacing the computed one (stable report text for golden files).
    public var originOverrides: [String: String]
    /// Drizzle column-name casing (`snake_case` or `camelCase`); nil detects it.
    public var drizzleCasing: DrizzleReader.Casing?
    /// Schema for SQLAlchemy models whose schema comes from the environment.
    public var sqlalchemySchema: String?
    /// Statement timeout for catalog queries, in milliseconds.
    public var statementTimeoutMilliseconds: Int
    /// At most this many connections per database: 2 reads a large catalog on two at once.
    public var catalogConnections: Int

    /// A request with default options.
    public init(
        specs: [SourceSpec], reference: String? = nil, schemas: [String] = [], diffOptions: DiffOptions = DiffOptions(),
        originOverrides: [String: String] = [:], drizzleCasing: DrizzleReader.Casing? = nil,
        sqlalchemySchema: String? = nil, statementTimeoutMilliseconds: Int = 30_000, catalogConnections: Int = 2
    ) {
        self.catalogConnections = catalogConnections
        self.specs = specs
        self.reference = reference
        self.schemas = schemas
        self.diffOptions = diffOptions
        self.originOverrides = originOverrides
        self.drizzleCasing = drizzleCasing
        self.sqlalchemySchema = sqlalchemySchema
        self.statementTimeoutMilliseconds = statementTimeoutMilliseconds
    }
}

/// What a compare run produced: the diff, the descriptors reports print, and reader diagnostics.
public struct CompareOutcome: Sendable {
    /// Findings and matrices, reference first.
    public var result: DiffResult
    /// One descriptor per source, reference first; origins never contain host, user or password.
    public var sources: [SourceDescriptor]
    /// Reader diagnostics of every source, in source order (printed to standard error).
    public var diagnostics: [Diagnostic]
    /// Time per phase: each source's read (they run in parallel), then the diff.
    public var timings: [PhaseTiming]
    /// The catalogs compared, reference first. Returned rather than freed at the end of the run:
    /// a caller that exits right after printing (the CLI) keeps them until exit instead of tearing
    /// down every table object by object (a fifth of a second at 10,000 tables).
    public var catalogs: [LabeledCatalog] = []
}

/// Loads every source, picks the reference and runs the diff: the whole `compare` except printing.
public enum ComparePipeline {
    /// The index of the reference source in `specs`. Throws when `reference` names no source.
    public static func referenceIndex(in specs: [SourceSpec], reference: String?) throws -> Int {
        guard let reference, !reference.isEmpty else {
            return specs.firstIndex { $0.kind == .drizzle } ?? 0
        }
        if let byLabel = specs.firstIndex(where: { $0.label == reference }) { return byLabel }
        if let kind = SourceKind(rawValue: reference), let byKind = specs.firstIndex(where: { $0.kind == kind }) {
            return byKind
        }
        let labels = specs.map(\.label).joined(separator: ", ")
        throw AuditError("--reference '\(reference)' names no source (sources: \(labels))")
    }

    /// Runs the comparison. Throws ``AuditError`` for fewer than two sources, duplicate labels, an
    /// unknown reference or an unusable source.
    public static func run(_ request: CompareRequest, files: SourceFileProvider = LocalFileSystem()) throws -> CompareOutcome {
        guard request.specs.count >= 2 else {
            throw AuditError("compare needs two or more sources; got \(request.specs.count)")
        }
        var seen: Set<String> = []
        for spec in request.specs where !seen.insert(spec.label).inserted {
            throw AuditError("two sources are labelled '\(spec.label)'; give each a distinct label=")
        }
        let referenceIndex = try referenceIndex(in: request.specs, reference: request.reference)
        var ordered = request.specs
        ordered.insert(ordered.remove(at: referenceIndex), at: 0)

        let loader = SourceLoader(
            schemas: request.schemas, statementTimeoutMilliseconds: request.statementTimeoutMilliseconds,
            catalogConnections: request.catalogConnections, files: files,
            fileReaders: FileSourceReaders(drizzleCasing: request.drizzleCasing, sqlalchemySchema: request.sqlalchemySchema))
        let loaded = try ParallelLoad.load(ordered, with: loader)

        var options = request.diffOptions
        if !request.schemas.isEmpty { options.schemas = Set(request.schemas) }
        let catalogs = loaded.map { LabeledCatalog(label: $0.spec.label, catalog: $0.catalog) }
        let (result, diffSeconds) = PhaseTiming.measure {
            SchemaDiffer.compare(reference: catalogs[0], others: Array(catalogs.dropFirst()), options: options)
        }
        let descriptors = loaded.map { source in
            SourceDescriptor(
                label: source.spec.label, kind: source.spec.kind,
                origin: request.originOverrides[source.spec.label] ?? source.origin,
                files: source.spec.kind == .database ? [] : source.spec.values,
                schemas: request.schemas, diagnostics: source.diagnostics)
        }
        return CompareOutcome(
            result: result, sources: descriptors, diagnostics: loaded.flatMap(\.diagnostics),
            timings: loaded.flatMap(\.timings) + [PhaseTiming(phase: "diff", seconds: diffSeconds)],
            catalogs: catalogs)
    }
}
