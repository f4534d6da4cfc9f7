/// A view or materialized view. Read into the model and listed; its body is not yet audited.
public struct View: Hashable, Codable, Sendable {
    public var name: String
    public var isMaterialized: Bool
    /// The view's query as the source states it, when known.
    public var definition: String?
    public var provenance: Provenance

    public init(name: String, isMaterialized: Bool = false, definition: String? = nil, provenance: Provenance) {
        self.name = name
        self.isMaterialized = isMaterialized
        self.definition = definition
        self.provenance = provenance
    }
}
