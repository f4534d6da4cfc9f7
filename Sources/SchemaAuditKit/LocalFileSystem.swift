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

    public func files(under path: String) -> [String]? {
        guard isDirectory(path), let walker = FileManager.default.enumerator(atPath: path) else { return nil }
        var found: [String] = []
        while let entry = walker.nextObject() as? String {
            // Skip dependency and build folders: they are never schema sources.
            let first = entry.split(separator: "/").first.map(String.init) ?? entry
            if ["node_modules", ".git", ".build", "__pycache__", ".venv"].contains(first) {
                walker.skipDescendants()
                continue
            }
            let full = path.hasSuffix("/") ? path + entry : path + "/" + entry
            if !isDirectory(full) { found.append(full) }
        }
        return found.sorted()
    }
}
