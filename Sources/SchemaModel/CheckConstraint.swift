/// A `CHECK (expression)` constraint.
public struct CheckConstraint: Hashable, Codable, Sendable {
    public var name: String?
    /// The boolean expression as the source spelled it, without the `CHECK` keyword.
    public var expression: String
    public var provenance: Provenance

    public init(name: String? = nil, expression: String, provenance: Provenance) {
        self.name = name
        self.expression = expression
        self.provenance = provenance
    }

    /// The expression in canonical form.
    public var canonicalExpression: String { ExpressionCanonicalizer.canonicalize(expression) }

    var sortKey: String { (name ?? "") + "\u{1}" + expression }
}
