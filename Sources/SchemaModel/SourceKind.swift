/// The kind of source a model was read from.
public enum SourceKind: String, Hashable, Codable, Sendable, CaseIterable {
    case drizzle
    case sqlalchemy
    case database
}
