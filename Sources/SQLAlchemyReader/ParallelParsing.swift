import Dispatch
import SchemaModel
import SourceScanning

/// Lexes and parses the files a reading starts from on all cores.
///
/// Each file's syntax is independent of the others', so the only shared state is the diagnostic
/// log: every file gets its own, uncapped, and ``PythonProject`` replays them into its log in the
/// order it would have parsed the files one by one, which keeps output (order, cap and count of
/// suppressed diagnostics) identical to a sequential reading.
enum ParallelParsing {
    /// One parsed file.
    struct Parsed: Sendable {
        var file: SourceFile
        var body: [PyStmt]
        var diagnostics: [Diagnostic]
    }

    /// Below this many files the threads cost more than they save.
    static let minimumFiles = 4

    /// Reads and parses the files at `paths` through `files` and returns the results in the same
    /// order; nil for a file that cannot be read.
    ///
    /// Each thread reads its own files: reading them all first, on the calling thread, kept the
    /// other cores idle while it copied megabytes.
    static func parse(_ paths: [String], files: SourceFileProvider) -> [Parsed?] {
        let results = ResultSlots(count: paths.count)
        defer { results.deallocate() }
        let pool = TokenBufferPool()
        DispatchQueue.concurrentPerform(iterations: paths.count) { k in
            guard let bytes = files.contents(of: paths[k]) else { return }
            let file = SourceFile(path: paths[k], bytes: bytes)
            var log = DiagnosticLog(limit: Int.max)
            let body = PythonParser.parse(file, log: &log, pool: pool)
            results.store(Parsed(file: file, body: body, diagnostics: log.diagnostics), at: k)
        }
        return results.collect()
    }

    /// Write-once slots filled from several threads, each index by exactly one of them.
    private final class ResultSlots: @unchecked Sendable {
        private let slots: UnsafeMutablePointer<Parsed?>
        private let count: Int

        init(count: Int) {
            self.count = count
            slots = .allocate(capacity: max(count, 1))
            slots.initialize(repeating: nil, count: count)
        }

        func store(_ parsed: Parsed, at index: Int) { slots[index] = parsed }

        func collect() -> [Parsed?] { (0..<count).map { slots[$0] } }

        func deallocate() {
            slots.deinitialize(count: count)
            slots.deallocate()
        }
    }
}
