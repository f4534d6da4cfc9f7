import SchemaModel

/// One source named on the command line or in the configuration: `--database prod=URL`,
/// `--drizzle frontend/lib/db`, `--sqlalchemy backend/models.py`.
public struct SourceSpec: Hashable, Sendable {
    public var kind: SourceKind
    /// The label the report shows; defaults to the kind's name (`drizzle`, `database`, ...).
    public var label: String
    /// Paths for file sources; exactly one connection string for a database.
    public var values: [String]

    public init(kind: SourceKind, label: String? = nil, values: [String]) {
        self.kind = kind
        self.label = label ?? kind.rawValue
        self.values = values
    }

    /// Parses `label=value` (a label is letters, digits, `-` and `_`), else the value alone.
    ///
    /// A connection URL contains `=` only after `?`, and its scheme contains `:`, so `prod=postgres://…`
    /// splits but `postgres://host/db?sslmode=disable` and `host=x dbname=y` do not.
    public static func splitLabel(_ argument: String) -> (label: String?, value: String) {
        guard let equals = argument.firstIndex(of: "=") else { return (nil, argument) }
        let label = argument[..<equals]
        let isLabel = !label.isEmpty && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        let rest = argument[argument.index(after: equals)...]
        // `host=localhost dbname=x` is a key/value connection string, not a label.
        let knownKeys: Set<String> = [
            "host", "hostaddr", "port", "dbname", "user", "password", "sslmode", "passfile",
            "connect_timeout", "options", "application_name", "service", "target_session_attrs",
        ]
        if !isLabel || knownKeys.contains(String(label)) { return (nil, argument) }
        return (String(label), String(rest))
    }
}
