/// A catalog with the label that names its source in findings and reports (`drizzle`, `prod`).
public struct LabeledCatalog: Hashable, Codable, Sendable {
    /// The label findings and reports use for this source.
    public var label: String
    /// What the source states.
    public var catalog: Catalog

    /// A labelled catalog.
    public init(label: String, catalog: Catalog) {
        self.label = label
        self.catalog = catalog
    }
}
