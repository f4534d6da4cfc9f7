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
        try write(pieces: [text], to: path)
    }

    /// Writes the pieces one after another, dropping each once written, so a large report is never
    /// held whole. A failure to write to a file is an error; standard output closed early (a pager
    /// quit, `| head`) is not.
    static func write(pieces: consuming [String], to path: String?) throws {
        let fd = path.map { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) } ?? STDOUT_FILENO
        var failure: Int32 = fd < 0 ? errno : 0
        if fd >= 0 {
            for i in pieces.indices where failure == 0 {
                failure = pieces[i].withUTF8 { bytes in writeAll(fd, bytes) }
                pieces[i] = ""
            }
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
