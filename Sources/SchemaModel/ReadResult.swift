/// What a reader returns: the catalog it could build and the diagnostics it recorded on the way.
public struct ReadResult: Sendable {
    public var catalog: Catalog
    public var diagnostics: [Diagnostic]

    public init(catalog: Catalog, diagnostics: [Diagnostic] = []) {
        self.catalog = catalog
        self.diagnostics = diagnostics
    }

    /// True when any diagnostic is an error (the input was not fully usable).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
