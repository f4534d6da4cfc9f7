/// A PostgreSQL enum type with its labels in declaration order (the order is significant).
public struct EnumType: Hashable, Codable, Sendable {
    public var schema: String
    public var name: String
    public var labels: [String]
    public var provenance: Provenance

    public init(schema: String, name: String, labels: [String], provenance: Provenance) {
        self.schema = schema
        self.name = name
        self.labels = labels
        self.provenance = provenance
    }

    public var qualifiedName: QualifiedName { QualifiedName(schema: schema, name: name) }
}
