import BenchmarkGenerator
import Foundation

/// Writes generated files under one directory.
struct FileWriter {
    let root: String

    /// Removes the `replacing` subdirectories and `stale` files, then writes every file, creating
    /// directories as needed.
    func write(_ files: [SyntheticApplication.File], replacing: [String], stale: [String]) throws {
        let manager = FileManager.default
        let base = URL(fileURLWithPath: root, isDirectory: true)
        try manager.createDirectory(at: base, withIntermediateDirectories: true)
        for name in replacing + stale {
            let url = base.appendingPathComponent(name)
            if manager.fileExists(atPath: url.path) { try manager.removeItem(at: url) }
        }
        var created: Set<String> = []
        for file in files {
            let url = base.appendingPathComponent(file.path)
            let directory = url.deletingLastPathComponent()
            if created.insert(directory.path).inserted {
                try manager.createDirectory(at: directory, withIntermediateDirectories: true)
            }
            try Data(file.contents.utf8).write(to: url)
        }
    }
}
