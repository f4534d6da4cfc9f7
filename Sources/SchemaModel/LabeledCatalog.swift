/// A catalog with the label that names its source in findings and reports (`drizzle`, `prod`).
public struct LabeledCatalog: Hashable, Codable, Sendable {
    public var label: String
    public var catalog: Catalog

    public init(label: String, catalog: Catalog) {
        self.label = label
        self.catalog = catalog
    }
}
