import Dispatch
import SchemaModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the per-table comparisons on every core. Tables are independent of one another, so they are
/// split into contiguous chunks sharing one ``CanonicalCache``, and the results are joined in name
/// order: the output is the same as a sequential run. There are a few chunks per core, so a core
/// that another process holds up leaves its remaining chunks to the others.
enum ParallelTableDiff {
    /// Below this many tables a second thread costs more than it saves.
    static let minimumTablesPerChunk = 64

    static func run(
        names: [QualifiedName], views: [SourceView], tableMaps: [[QualifiedName: Table]], reportClientDefaults: Bool,
        describesCells: Bool = true
    ) -> (tables: [TableComparison], findings: [Finding]) {
        let cores = max(1, System.activeProcessorCount)
        let chunkCount = max(1, min(cores * 4, names.count / minimumTablesPerChunk))
        let chunkSize = (names.count + chunkCount - 1) / max(chunkCount, 1)
        let results = ChunkResults(count: chunkCount)
        let cache = CanonicalCache()
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var tables: [TableComparison] = []
            var findings: [Finding] = []
            let start = chunk * chunkSize
            for name in names[min(start, names.count)..<min(start + chunkSize, names.count)] {
                var differ = TableDiffer(
                    name: name, sources: views, tables: tableMaps.map { $0[name] }, cache: cache,
                    reportClientDefaults: reportClientDefaults, describesCells: describesCells)
                tables.append(differ.run())
                findings += differ.findings
            }
            results.set(chunk, (tables, findings))
        }
        var tables: [TableComparison] = []
        var findings: [Finding] = []
        for (chunkTables, chunkFindings) in results.all() {
            tables += chunkTables
            findings += chunkFindings
        }
        return (tables, findings)
    }

    /// One slot per chunk, each written by exactly one worker before `concurrentPerform` returns.
    private final class ChunkResults: @unchecked Sendable {
        private var slots: [([TableComparison], [Finding])]
        private let lock = DispatchSemaphore(value: 1)

        init(count: Int) { slots = Array(repeating: ([], []), count: count) }

        func set(_ index: Int, _ value: ([TableComparison], [Finding])) {
            lock.wait()
            slots[index] = value
            lock.signal()
        }

        func all() -> [([TableComparison], [Finding])] {
            lock.wait()
            defer { lock.signal() }
            return slots
        }
    }
}

/// The number of cores, without importing Foundation into the diff.
enum System {
    static var activeProcessorCount: Int {
        Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }
}
