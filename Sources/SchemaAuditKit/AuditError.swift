/// An input, configuration, parse or database error: the run cannot go on (exit code 2).
///
/// The message is one line naming the step that failed; it never contains a password.
public struct AuditError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
