import Dispatch

/// `map` over contiguous chunks on every core, results in input order. For report sections of
/// thousands of tables; small inputs run on the calling thread. Up to eight chunks, more than there
/// are cores here, so a core that another process holds up leaves its remaining chunks to the others.
enum ParallelMap {
    static let minimumPerChunk = 64
    static let maximumChunks = 8

    static func map<T: Sendable, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let chunks = min(maximumChunks, items.count / minimumPerChunk)
        if chunks < 2 { return items.map(transform) }
        let size = (items.count + chunks - 1) / chunks
        let slots = Slots<R>(count: chunks)
        withoutActuallyEscaping(transform) { transform in
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let range = (chunk * size)..<min(items.count, (chunk + 1) * size)
                slots.set(chunk, items[range].map(transform))
            }
        }
        return slots.joined()
    }

    /// One slot per chunk, each written once by its worker.
    private final class Slots<R>: @unchecked Sendable {
        private var values: [[R]]
        private let lock = DispatchSemaphore(value: 1)

        init(count: Int) { values = Array(repeating: [], count: count) }

        func set(_ index: Int, _ value: [R]) {
            lock.wait()
            values[index] = value
            lock.signal()
        }

        func joined() -> [R] {
            lock.wait()
            defer { lock.signal() }
            return values.flatMap { $0 }
        }
    }
}
