import Dispatch
import SchemaModel

/// Reads the tables of a large input on two threads, with the result of reading them on one.
///
/// Table building was all on one thread while the other core idled after the parse. The modules are
/// split in two runs of about equal size: one thread reads the first run with the evaluator, exactly
/// as a serial read does, while the other reads the second with a ``DrizzleEvaluator/forked()`` copy.
/// The copy starts without what the first run evaluated, so its objects are kept only when reading
/// them cannot have differed from a serial read:
/// - it logged nothing (a serial read would log nothing for them either, so no message is misplaced);
/// - neither evaluator met an evaluation limit (whose unknown values depend on what was evaluated first)
///   and both together stayed within the call budget;
/// - it declared no table the first run declared, and the first run evaluated none of its tables (a
///   reference to a later table does), which a serial read would then read the general way;
/// - the stand-ins it made of the first run's tables (``DrizzleEvaluator/borrowedShape(_:)``) are the
///   ones the first run made.
/// Otherwise this thread reads the second run itself, carrying on exactly where a serial read would be.
/// Values are the same whichever evaluator computes them: a top-level binding evaluates to the same
/// value whenever it is first asked for, and a table read the general way gives what the fast path gives.
enum ParallelBuild {
    /// The module to start the second run at, or nil to read on one thread: there are fewer than two
    /// modules or fewer than `minimumBytes` bytes in all.
    static func split(_ evaluator: DrizzleEvaluator, minimumBytes: Int) -> Int? {
        let modules = evaluator.modules
        guard modules.count >= 2 else { return nil }
        var total = 0
        for module in modules { total += module.file.bytes.count }
        guard total >= minimumBytes else { return nil }
        var sum = 0
        for index in modules.indices {
            sum += modules[index].file.bytes.count
            if 2 * sum >= total { return min(max(index + 1, 1), modules.count - 1) }
        }
        return modules.count - 1
    }

    /// The two runs' state, reached from both threads: each touches only its own half.
    private final class Halves: @unchecked Sendable {
        let main: DrizzleEvaluator
        /// Taken out once both runs are done, so that the evaluator holds the last reference (freed with it).
        @exclusivity(unchecked) var worker: DrizzleEvaluator?
        @exclusivity(unchecked) var first = CatalogBuilder.Collected()
        @exclusivity(unchecked) var second = CatalogBuilder.Collected()

        init(main: DrizzleEvaluator, worker: DrizzleEvaluator) {
            self.main = main
            self.worker = worker
        }
    }

    /// Appends to `collected` what ``CatalogBuilder/collect(_:_:into:)`` reads from all modules, reading
    /// the modules from `split` on on another thread when that gives the same; tells whether it did.
    @discardableResult
    static func collect(_ evaluator: DrizzleEvaluator, split: Int, into collected: inout CatalogBuilder.Collected) -> Bool {
        let count = evaluator.modules.count
        let budget = evaluator.callsLeft
        let limits = evaluator.limitsReached
        let halves = Halves(main: evaluator, worker: evaluator.forked())
        halves.worker?.borrowBelow = split
        swap(&halves.first, &collected)
        halves.second.reserve(CatalogBuilder.Collected.estimate(split..<count, evaluator))
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            if half == 0 {
                CatalogBuilder.collect(0..<split, halves.main, into: &halves.first)
            } else {
                CatalogBuilder.collect(split..<count, halves.worker!, into: &halves.second)
            }
        }
        swap(&halves.first, &collected)
        var second = CatalogBuilder.Collected()
        swap(&halves.second, &second)
        let worker = halves.worker!
        halves.worker = nil
        let used = (budget - evaluator.callsLeft) + (budget - worker.callsLeft)
        let kept = worker.log.diagnostics.isEmpty && worker.log.suppressed == 0
            && worker.limitsReached == limits && evaluator.limitsReached == limits && used <= budget
            && !second.tableOrder.contains { collected.contains($0) }
            && worker.tableShapes.keys.allSatisfy { $0.module < split || evaluator.cache[$0.module][$0.name] == nil }
            && worker.borrowedShapes.allSatisfy { binding in
                guard let real = evaluator.tableShapes[binding], let made = worker.tableShapes[binding] else { return false }
                return DrizzleEvaluator.matches(real, made)
            }
        if kept {
            collected.append(second)
        } else {
            CatalogBuilder.collect(split..<count, evaluator, into: &collected)
        }
        evaluator.retiredForks.append(worker)
        return kept
    }

    /// `catalog.normalized()`, normalizing the tables of a large catalog on two threads.
    static func normalized(_ catalog: Catalog) -> Catalog {
        guard catalog.tableCount >= 64 else { return catalog.normalized() }
        return catalog.normalized { count, table in
            withoutActuallyEscaping(table) { table in
                nonisolated(unsafe) let table = table
                return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
                    // Each thread initializes only its own half of the buffer.
                    nonisolated(unsafe) let slots = buffer
                    DispatchQueue.concurrentPerform(iterations: 2) { half in
                        let range = half == 0 ? 0..<(count / 2) : (count / 2)..<count
                        for k in range { (slots.baseAddress! + k).initialize(to: table(k)) }
                    }
                    initialized = count
                }
            }
        }
    }
}
