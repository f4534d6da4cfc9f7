import SchemaModel

/// A source after reading: its catalog, the reader's diagnostics and a printable origin.
public struct LoadedSource: Sendable {
    public var spec: SourceSpec
    public var catalog: Catalog
    public var diagnostics: [Diagnostic]
    /// What was read, safe to print: file paths, or the database name (never host or password).
    public var origin: String
    /// Time per phase of the read: every catalog query and the mapping for a database, the whole
    /// read for files; the last entry is the source's total.
    public var timings: [PhaseTiming]

    public init(spec: SourceSpec, catalog: Catalog, diagnostics: [Diagnostic], origin: String, timings: [PhaseTiming] = []) {
        self.spec = spec
        self.catalog = catalog
        self.diagnostics = diagnostics
        self.origin = origin
        self.timings = timings
    }
}
