/// Why an application cannot be generated with the given arguments.
public struct GeneratorError: Error, CustomStringConvertible, Sendable {
    /// One sentence for the user.
    public var description: String

    init(_ description: String) { self.description = description }
}
