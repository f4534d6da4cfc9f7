/// A standalone sequence (`CREATE SEQUENCE`), not one owned by a serial or identity column.
public struct SchemaSequence: Hashable, Codable, Sendable {
    public var name: String
    public var provenance: Provenance

    public init(name: String, provenance: Provenance) {
        self.name = name
        self.provenance = provenance
    }
}
