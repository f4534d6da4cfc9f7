import Dispatch

/// Runs `work` on another thread and hands back its result; the value crosses threads once, after
/// the work is done, so a non-Sendable result is safe.
final class BackgroundTask<Value>: @unchecked Sendable {
    private var result: Result<Value, Error>?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () throws -> Value) {
        // A thread of its own (not a pool thread): the work blocks on the network for its whole life.
        let box = UncheckedBox(work)
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = Result { try box.value() }
            self.done.signal()
        }
    }

    /// Waits for the work and returns its value or rethrows its error; may be called again.
    func value() throws -> Value {
        done.wait()
        done.signal()  // let a later call through too
        return try result!.get()
    }
}

/// Moves a value into a closure that runs on another thread.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
