import Dispatch

/// `map` over an index range on all cores, for independent pure work on values that are only read.
enum ParallelMap {
    /// `(0..<count).map(transform)`, computed on all cores when there are at least `minimum` items.
    /// Each result is written to its own slot, so the order is that of the indices whatever the
    /// threads do; `transform` must only read shared state.
    static func map<T>(_ count: Int, minimum: Int = 64, _ transform: (Int) -> T) -> [T] {
        guard count >= minimum else { return (0..<count).map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                let job = Job(slots: buffer.baseAddress!, transform: transform)
                DispatchQueue.concurrentPerform(iterations: count) { k in job.run(k) }
                initialized = count
            }
        }
    }

    /// The output slots and the work, handed to the threads together. Unchecked: each slot is
    /// written by exactly one iteration, and `transform` only reads (the caller's promise).
    private final class Job<T>: @unchecked Sendable {
        let slots: UnsafeMutablePointer<T>
        let transform: (Int) -> T

        init(slots: UnsafeMutablePointer<T>, transform: @escaping (Int) -> T) {
            self.slots = slots
            self.transform = transform
        }

        func run(_ k: Int) { (slots + k).initialize(to: transform(k)) }
    }
}
