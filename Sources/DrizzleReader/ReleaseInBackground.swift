import Dispatch

/// Frees the evaluator's syntax trees and values on another thread.
///
/// Tearing down the parsed modules and every evaluated value is a tenth of a large read and nothing
/// waits for it, so the reader hands its last reference to a background queue, as compilers skip or
/// defer freeing at the end of a run. The caller gets its result without paying for the teardown.
enum ReleaseInBackground {
    /// Owns the last reference; unchecked because nothing else can reach the evaluator any more.
    private final class Garbage: @unchecked Sendable {
        var evaluator: DrizzleEvaluator?
        init(_ evaluator: DrizzleEvaluator) { self.evaluator = evaluator }
    }

    static func release(_ evaluator: consuming DrizzleEvaluator) {
        let garbage = Garbage(evaluator)
        DispatchQueue.global(qos: .utility).async {
            garbage.evaluator = nil
        }
    }

    /// Owns the last copy of a value; unchecked for the same reason as ``Garbage``.
    private final class ValueGarbage<Value>: @unchecked Sendable {
        var value: Value?
        init(_ value: consuming Value) { self.value = value }
    }

    /// Frees `value` (the last copy of its storage) on another thread, like ``release(_:)``.
    static func discard<Value>(_ value: consuming Value) {
        let garbage = ValueGarbage(value)
        DispatchQueue.global(qos: .utility).async {
            garbage.value = nil
        }
    }
}
