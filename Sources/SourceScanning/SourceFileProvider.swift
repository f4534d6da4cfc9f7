/// Where readers get file contents from. Readers never touch the file system themselves: the
/// pipeline (SchemaAuditKit) passes the real file system, tests pass ``InMemorySourceFiles``.
public protocol SourceFileProvider: Sendable {
    /// The bytes of the file at `path`, or `nil` when it does not exist or cannot be read.
    func contents(of path: String) -> [UInt8]?
    /// Whether `path` names a directory.
    func isDirectory(_ path: String) -> Bool
    /// The paths of the regular files below directory `path`, recursively, sorted; `nil` when it is
    /// not a readable directory.
    func files(under path: String) -> [String]?
}

/// A file tree held in memory, for tests and for generated inputs.
public struct InMemorySourceFiles: SourceFileProvider {
    public var files: [String: [UInt8]]

    public init(_ files: [String: String]) {
        self.files = files.mapValues { Array($0.utf8) }
    }

    public func contents(of path: String) -> [UInt8]? { files[SourcePath.normalize(path)] }

    public func isDirectory(_ path: String) -> Bool {
        let prefix = SourcePath.normalize(path) + "/"
        return files.keys.contains { $0.hasPrefix(prefix) }
    }

    public func files(under path: String) -> [String]? {
        let prefix = SourcePath.normalize(path) + "/"
        let found = files.keys.filter { $0.hasPrefix(prefix) }.sorted()
        return found.isEmpty ? nil : found
    }
}
