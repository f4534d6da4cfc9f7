import Foundation
import SourceScanning

/// The real file system as a ``SourceFileProvider``: the one place readers' input comes from disk.
public struct LocalFileSystem: SourceFileProvider {
    public init() {}

    /// The bytes of the file at `path`; nil for a directory or a file that cannot be opened or read.
    ///
    /// Read straight into the array with `read(2)`: through `FileManager` the bytes went into a
    /// `Data` first and were then copied, and every megabyte of fresh memory a run touches costs
    /// 0.1 to 1 ms on the bench machine (Benchmarks/README.md, twelfth round).
    public func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { return nil }
        // One byte more than the size the file had, so that reading it whole ends in one call at
        // end of file; a file that grew meanwhile (or reports no size, as /proc files do) is read
        // on in chunks.
        let expected = max(Int(info.st_size), 0)
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, count in
            let got = Self.readFully(descriptor, into: UnsafeMutableRawBufferPointer(buffer))
            failed = got == nil
            count = got ?? 0
        }
        guard !failed else { return nil }
        guard bytes.count > expected else { return bytes }
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var got = 0
        repeat {
            guard let read = chunk.withUnsafeMutableBytes({ Self.readFully(descriptor, into: $0) }) else { return nil }
            bytes.append(contentsOf: chunk[..<read])
            got = read
        } while got == chunk.count
        return bytes
    }

    /// Reads from `descriptor` until `buffer` is full or the file ends, retrying interrupted calls;
    /// the number of bytes read, nil on an error.
    private static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int? {
        var count = 0
        while count < buffer.count {
            let got = read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            if got > 0 {
                count += got
            } else if got == 0 {
                break
            } else if errno != EINTR {
                return nil
            }
        }
        return count
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
