import Dispatch
import Foundation

/// Reads several sources at once, one thread each.
///
/// A database read spends most of its time waiting for the server, and the file readers are
/// independent pure functions, so a three-way compare costs about its slowest source rather than
/// the sum of all three.
enum ParallelLoad {
    /// `loader.load` for every spec, results in spec order; the first error (in spec order) is thrown.
    static func load(_ specs: [SourceSpec], with loader: SourceLoader) throws -> [LoadedSource] {
        if specs.count == 1 { return [try loader.load(specs[0])] }
        let slots = Slots(count: specs.count)
        let group = DispatchGroup()
        for (index, spec) in specs.enumerated() {
            group.enter()
            // A dedicated thread, not the global queue: on a 2-core machine the queue would run
            // only two loads at a time and leave the database wait unused.
            let thread = Thread {
                slots.set(index, Result { try loader.load(spec) })
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        return try slots.results().map { try $0.get() }
    }

    /// Results written by the worker threads, guarded by a lock.
    private final class Slots: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Result<LoadedSource, any Error>?]

        init(count: Int) { values = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: Result<LoadedSource, any Error>) {
            lock.lock()
            values[index] = value
            lock.unlock()
        }

        func results() -> [Result<LoadedSource, any Error>] {
            lock.lock()
            defer { lock.unlock() }
            return values.map { $0! }
        }
    }
}
