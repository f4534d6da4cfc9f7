import BenchmarkGenerator
import Foundation

/// Writes generated files under one directory.
struct FileWriter {
    /// A step that failed, with the path it failed on.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let root: String

    /// Removes the `replacing` subdirectories and `stale` files, then writes every file, creating
    /// directories as needed.
    func write(_ files: [SyntheticApplication.File], replacing: [String], stale: [String]) throws {
        let manager = FileManager.default
        let base = URL(fileURLWithPath: root, isDirectory: true)
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: base.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw Failure(description: "output '\(root)' exists and is not a directory")
        }
        try step("cannot create directory '\(root)'") { try manager.createDirectory(at: base, withIntermediateDirectories: true) }
        for name in replacing + stale {
            let url = base.appendingPathComponent(name)
            if manager.fileExists(atPath: url.path) {
                try step("cannot remove '\(url.path)'") { try manager.removeItem(at: url) }
            }
        }
        var created: Set<String> = []
        for file in files {
            let url = base.appendingPathComponent(file.path)
            let directory = url.deletingLastPathComponent()
            if created.insert(directory.path).inserted {
                try step("cannot create directory '\(directory.path)'") {
                    try manager.createDirectory(at: directory, withIntermediateDirectories: true)
                }
            }
            try step("cannot write '\(url.path)'") { try Data(file.contents.utf8).write(to: url) }
        }
    }

    private func step(_ what: String, _ body: () throws -> Void) throws {
        do { try body() } catch { throw Failure(description: what + ": " + error.localizedDescription) }
    }
}
