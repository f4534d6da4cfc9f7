/// Where an object of the model was read: which kind of source and, for files, the exact location.
public struct Provenance: Hashable, Codable, Sendable {
    public var source: SourceKind
    /// The declaration's location for file sources; `nil` for the database.
    public var location: SourceLocation?

    public init(source: SourceKind, location: SourceLocation? = nil) {
        self.source = source
        self.location = location
    }

    /// Provenance of an object read from a live database catalog.
    public static let database = Provenance(source: .database)
}
