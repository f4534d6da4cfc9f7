/// A labelled source as reports show it: what was read, never how to log in to it.
///
/// `origin` is a short, safe description: for a database the database name only (no user, password
/// or host), for files empty or the directory given. Reports print descriptors verbatim, so whoever
/// builds one must already have removed anything secret.
public struct SourceDescriptor: Hashable, Codable, Sendable {
    /// The label findings use (`drizzle`, `sqlalchemy`, `database`, or a user label such as `prod`).
    public var label: String
    /// Drizzle, SQLAlchemy or database.
    public var kind: SourceKind
    /// Safe description of where the source came from (database name, or a directory).
    public var origin: String
    /// Repository-relative files that were read, in the order read.
    public var files: [String]
    /// Schemas the source was read for (empty: all that were found).
    public var schemas: [String]
    /// What the reader could not follow (`unsupported column builder 'customType'`); reports list them
    /// with what the source could not check, since an unread construct is an unchecked one.
    public var diagnostics: [Diagnostic]

    /// A descriptor; everything but the label and kind may be left empty.
    public init(
        label: String, kind: SourceKind, origin: String = "", files: [String] = [], schemas: [String] = [],
        diagnostics: [Diagnostic] = []
    ) {
        self.label = label
        self.kind = kind
        self.origin = origin
        self.files = files
        self.schemas = schemas
        self.diagnostics = diagnostics
    }
}
