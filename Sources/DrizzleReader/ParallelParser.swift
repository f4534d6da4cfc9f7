import Dispatch
import SourceScanning

/// A file read and parsed ahead of ``ModuleLoader/load(_:)``.
struct ParsedFile: Sendable {
    var bytes: [UInt8]
    var file: SourceFile
    /// Nil for a binary file, which the loader rejects without parsing.
    var syntax: TSModule?
}

/// Reads and parses the files of a directory input on all cores.
///
/// Lexing and parsing a file depend on nothing but its bytes, and they are a third of a whole read;
/// everything with an order (diagnostics, module indices, evaluation) stays sequential in the
/// loader, so results are the same as parsing one file after the other.
enum ParallelParser {
    static func parse(_ paths: [String], files: SourceFileProvider) -> [ParsedFile?] {
        var results = [ParsedFile?](repeating: nil, count: paths.count)
        if paths.count < 2 {
            for (k, path) in paths.enumerated() { results[k] = parseOne(path, files) }
            return results
        }
        results.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own slot, so the buffer is shared without locking.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: paths.count) { k in
                slots[k] = parseOne(paths[k], files)
            }
        }
        return results
    }

    static func parseOne(_ path: String, _ files: SourceFileProvider) -> ParsedFile? {
        guard let bytes = files.contents(of: path) else { return nil }
        let syntax = bytes.prefix(4096).contains(0) ? nil : TSParser.parse(bytes)
        return ParsedFile(bytes: bytes, file: SourceFile(path: path, bytes: bytes), syntax: syntax)
    }
}
