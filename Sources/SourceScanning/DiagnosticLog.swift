import SchemaModel

/// Collects a reader's diagnostics in order, with a cap so that pathological input cannot flood output.
public struct DiagnosticLog: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []
    /// Diagnostics dropped after the cap was reached.
    public private(set) var suppressed = 0
    public let limit: Int

    public init(limit: Int = 1_000) {
        self.limit = limit
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public mutating func add(_ diagnostic: Diagnostic) {
        if diagnostics.count < limit { diagnostics.append(diagnostic) } else { suppressed += 1 }
    }

    public mutating func error(_ message: String, at location: SourceLocation?) {
        add(Diagnostic(.error, message, at: location))
    }

    public mutating func warning(_ message: String, at location: SourceLocation?) {
        add(Diagnostic(.warning, message, at: location))
    }

    public mutating func note(_ message: String, at location: SourceLocation?) {
        add(Diagnostic(.note, message, at: location))
    }
}
