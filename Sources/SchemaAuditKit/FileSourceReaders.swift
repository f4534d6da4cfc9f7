import DrizzleReader
import SQLAlchemyReader
import SchemaModel
import SourceScanning

/// Dispatches file sources to their readers with the options the command line or config gave.
public struct FileSourceReaders: Sendable {
    /// Drizzle column-name casing override (`--drizzle-casing`); nil detects it from the project.
    public var drizzleCasing: DrizzleReader.Casing?
    /// Schema for SQLAlchemy models whose schema comes from the environment (`--sqlalchemy-schema`).
    public var sqlalchemySchema: String?

    public init(drizzleCasing: DrizzleReader.Casing? = nil, sqlalchemySchema: String? = nil) {
        self.drizzleCasing = drizzleCasing
        self.sqlalchemySchema = sqlalchemySchema
    }

    func read(_ kind: SourceKind, paths: [String], files: SourceFileProvider) throws -> ReadResult {
        switch kind {
        case .drizzle:
            return DrizzleReader.read(paths: paths, files: files, options: .init(casing: drizzleCasing))
        case .sqlalchemy:
            return SQLAlchemyReader.read(
                paths: paths, files: files, options: .init(schemaOverride: sqlalchemySchema))
        case .database:
            throw AuditError("database sources are not files")
        }
    }
}
