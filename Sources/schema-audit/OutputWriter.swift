import ArgumentParser
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a command's output to standard output or a file.
enum OutputWriter {
    /// Writes the text's UTF-8 bytes in place: a 1,000-table Markdown report is 5 MB, and copying it
    /// into `Data` first held it twice at the end of the run.
    static func write(_ text: String, to path: String?) throws {
        var text = text
        try write(to: path) { fd in text.withUTF8 { bytes in writeAll(fd, bytes) } }
    }

    /// Writes the pieces one after another, dropping each once written, so a large report is never
    /// held whole.
    static func write(pieces: consuming [[UInt8]], to path: String?) throws {
        var pieces = pieces
        try write(to: path) { fd in
            var failure: Int32 = 0
            for i in pieces.indices where failure == 0 {
                failure = pieces[i].withUnsafeBufferPointer { bytes in writeAll(fd, bytes) }
                pieces[i] = []
            }
            return failure
        }
    }

    /// Opens `path` (or takes standard output), lets `body` write and return an `errno` or 0, closes.
    /// A failure to write a file is an error; standard output closed early (a pager quit, `| head`)
    /// is not.
    private static func write(to path: String?, _ body: (Int32) -> Int32) throws {
        let fd = path.map { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) } ?? STDOUT_FILENO
        var failure: Int32 = fd < 0 ? errno : 0
        if fd >= 0 {
            failure = body(fd)
            if path != nil, close(fd) != 0, failure == 0 { failure = errno }
        }
        guard let path, failure != 0 else { return }
        ExitStatus.printError("cannot write '\(path)': \(String(cString: strerror(failure)))")
        throw ExitStatus.inputError
    }

    /// Writes every byte, retrying short writes and interrupted calls; returns 0 or the `errno`.
    private static func writeAll(_ fd: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard var next = bytes.baseAddress else { return 0 }
        var left = bytes.count
        while left > 0 {
            let written = posixWrite(fd, next, left)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            left -= written
            next += written
        }
        return 0
    }
}

/// `write(2)`; at file scope so the name is not taken for ``OutputWriter/write(_:to:)``.
private func posixWrite(_ fd: Int32, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int {
    write(fd, bytes, count)
}
