import SchemaModel

/// A source after reading: its catalog, the reader's diagnostics and a printable origin.
public struct LoadedSource: Sendable {
    public var spec: SourceSpec
    public var catalog: Catalog
    public var diagnostics: [Diagnostic]
    /// What was read, safe to print: file paths, or the database name (never host or password).
    public var origin: String

    public init(spec: SourceSpec, catalog: Catalog, diagnostics: [Diagnostic], origin: String) {
        self.spec = spec
        self.catalog = catalog
        self.diagnostics = diagnostics
        self.origin = origin
    }
}
