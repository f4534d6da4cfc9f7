/// A table's primary key.
public struct PrimaryKey: Hashable, Codable, Sendable {
    /// The constraint name, when the source states or generates one.
    public var name: String?
    public var columns: [String]
    public var provenance: Provenance

    public init(name: String? = nil, columns: [String], provenance: Provenance) {
        self.name = name
        self.columns = columns
        self.provenance = provenance
    }
}
