import Foundation
import SourceScanning

/// The real file system as a ``SourceFileProvider``: the one place readers' input comes from disk.
public struct LocalFileSystem: SourceFileProvider {
    public init() {}

    public func contents(of path: String) -> [UInt8]? {
        guard !isDirectory(path), let data = FileManager.default.contents(atPath: path) else { return nil }
        return [UInt8](data)
    }

    public func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// Folders that never hold schema sources, skipped at any depth.
    static let skippedFolders: Set<String> = ["node_modules", ".git", ".build", "__pycache__", ".venv"]

    public func files(under path: String) -> [String]? {
        guard isDirectory(path) else { return nil }
        var found: [String] = []
        walk(path.hasSuffix("/") ? String(path.dropLast()) : path, into: &found)
        return found.sorted()
    }

    /// readdir with the entry type from the listing itself: asking the file system about every entry
    /// (FileManager's enumerator plus a stat per path) was a tenth of reading a 1,000-table app.
    /// Symbolic links to directories are not followed, so a link cycle cannot hang the walk.
    private func walk(_ directory: String, into found: inout [String]) {
        guard let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let full = directory + "/" + name
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR):
                if !Self.skippedFolders.contains(name) { walk(full, into: &found) }
            case Int32(DT_REG):
                found.append(full)
            default:
                // A link or an unknown type: include what resolves to a regular file.
                var info = stat()
                if stat(full, &info) == 0, info.st_mode & S_IFMT == S_IFREG { found.append(full) }
            }
        }
    }
}
