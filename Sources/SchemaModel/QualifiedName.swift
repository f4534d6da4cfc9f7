/// A schema-qualified object name such as `public.profiles` or `auth.users`.
public struct QualifiedName: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public var schema: String
    public var name: String

    public init(schema: String, name: String) {
        self.schema = schema
        self.name = name
    }

    /// `schema.name`, unquoted (the form used in object keys and reports).
    public var description: String { "\(schema).\(name)" }

    public static func < (lhs: QualifiedName, rhs: QualifiedName) -> Bool {
        (lhs.schema, lhs.name) < (rhs.schema, rhs.name)
    }
}
