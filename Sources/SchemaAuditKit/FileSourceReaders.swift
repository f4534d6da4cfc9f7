import SchemaModel
import SourceScanning

/// Dispatches file sources to their readers.
enum FileSourceReaders {
    static func read(_ kind: SourceKind, paths: [String], files: SourceFileProvider, schemas: [String]) throws -> ReadResult {
        // The Drizzle and SQLAlchemy readers are wired in when they land (issues 4 and 5).
        throw AuditError("\(kind.rawValue): this reader is not available in this build")
    }
}
