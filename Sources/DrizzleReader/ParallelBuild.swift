import Dispatch
import SchemaModel

/// Reads the tables of a large input on two threads, with the result of reading them on one.
///
/// Table building was all on one thread while the other core idled after the parse. Two threads now
/// read the modules: one from the first module on with the evaluator, exactly as a serial read does,
/// the other from the last module back with a ``DrizzleEvaluator/forked()`` copy. Each takes the next
/// module when it is done with one (``ModuleClaims``), so they meet where their speeds put them: the
/// two cores of a shared machine often run at different speeds, and fixed halves left the faster one
/// waiting for the other for up to half the run.
///
/// The copy starts without what the first run evaluated, and reads its modules last first, so its
/// objects are kept only when reading them cannot have differed from a serial read:
/// - it logged nothing (a serial read would log nothing for them either, so no message is misplaced);
/// - neither evaluator met an evaluation limit (whose unknown values depend on what was evaluated first)
///   and both together stayed within the call budget;
/// - it declared no table twice and none the first run declared, and the first run evaluated none of
///   its tables (a reference to a later table does), which a serial read would then read the general way;
/// - the stand-ins it made of tables of modules before the one it was reading
///   (``DrizzleEvaluator/borrowedShape(_:)``) are the ones the module's reading made, by the first run
///   or by itself.
/// Otherwise this thread reads the second run itself, carrying on exactly where a serial read would be.
/// Values are the same whichever evaluator computes them, in whatever order: a top-level binding
/// evaluates to the same value whenever it is first asked for, and a table read the general way gives
/// what the fast path gives.
enum ParallelBuild {
    /// Whether to read on two threads: there are at least two modules and `minimumBytes` bytes in all.
    static func shouldSplit(_ evaluator: DrizzleEvaluator, minimumBytes: Int) -> Bool {
        let modules = evaluator.modules
        guard modules.count >= 2 else { return false }
        var total = 0
        for module in modules { total += module.file.bytes.count }
        return total >= minimumBytes
    }

    /// The two runs' state, reached from both threads: each touches only its own part.
    private final class Runs: @unchecked Sendable {
        let main: DrizzleEvaluator
        /// Taken out once both runs are done, so that the evaluator holds the last reference (freed with it).
        @exclusivity(unchecked) var worker: DrizzleEvaluator?
        @exclusivity(unchecked) var first = CatalogBuilder.Collected()
        /// What the second run read of each module, by module index (it reads them last first).
        @exclusivity(unchecked) var second: [CatalogBuilder.Collected]

        init(main: DrizzleEvaluator, worker: DrizzleEvaluator) {
            self.main = main
            self.worker = worker
            second = Array(repeating: CatalogBuilder.Collected(), count: main.modules.count)
        }
    }

    /// Appends to `collected` what ``CatalogBuilder/collect(_:_:into:)`` reads from all modules, reading
    /// some of the last modules on another thread when that gives the same; tells whether it did.
    /// `meetingAt` fixes where the runs meet (the second run reads the modules from it on), for tests;
    /// nil lets the threads' speeds decide.
    @discardableResult
    static func collect(_ evaluator: DrizzleEvaluator, meetingAt: Int? = nil, into collected: inout CatalogBuilder.Collected) -> Bool {
        let count = evaluator.modules.count
        let budget = evaluator.callsLeft
        let limits = evaluator.limitsReached
        let runs = Runs(main: evaluator, worker: evaluator.forked())
        let claims = ModuleClaims(count: count, meetingAt: meetingAt)
        swap(&runs.first, &collected)
        CatalogBuilder.reserveShapes(0..<count, evaluator)
        CatalogBuilder.reserveShapes(0..<count, runs.worker!)
        DispatchQueue.concurrentPerform(iterations: 2) { run in
            if run == 0 {
                while let index = claims.nextFromFront() {
                    CatalogBuilder.collect(module: index, runs.main, into: &runs.first)
                }
            } else {
                let worker = runs.worker!
                while let index = claims.nextFromBack() {
                    worker.startBorrowing(below: index)
                    runs.second[index].reserve(CatalogBuilder.Collected.estimate(index..<(index + 1), worker))
                    CatalogBuilder.collect(module: index, worker, into: &runs.second[index])
                }
            }
        }
        swap(&runs.first, &collected)
        let meeting = claims.meetingPoint
        let worker = runs.worker!
        runs.worker = nil
        let used = (budget - evaluator.callsLeft) + (budget - worker.callsLeft)
        let kept = meeting == count || (worker.log.diagnostics.isEmpty && worker.log.suppressed == 0
            && worker.limitsReached == limits && evaluator.limitsReached == limits && used <= budget
            && declaresNewTables(runs.second[meeting..<count], after: collected)
            && worker.tableShapes.keys.allSatisfy { $0.module < meeting || evaluator.cache[$0.module][$0.name] == nil }
            && worker.borrowedShapes.allSatisfy { binding, made in
                // Tables of the first run's modules were read by it; the others by this run, after it
                // made their stand-ins. Either may have read the table the general way.
                let reader = binding.module < meeting ? evaluator : worker
                guard let real = reader.tableShapes[binding] ?? reader.evaluatedShape(binding) else { return false }
                return DrizzleEvaluator.matches(real, made)
            })
        if kept {
            for index in meeting..<count { collected.append(runs.second[index]) }
        } else {
            CatalogBuilder.collect(meeting..<count, evaluator, into: &collected)
        }
        evaluator.retiredForks.append(worker)
        return kept
    }

    /// Whether the tables of `parts`, read in order, are all new: declared neither in `collected` nor
    /// twice among them (the second run's reader saw one module at a time).
    private static func declaresNewTables(_ parts: ArraySlice<CatalogBuilder.Collected>, after collected: CatalogBuilder.Collected) -> Bool {
        var seen: Set<QualifiedName> = []
        for part in parts {
            for key in part.tableOrder where collected.contains(key) || !seen.insert(key).inserted { return false }
        }
        return true
    }

    /// `catalog.normalized()`, normalizing the tables of a large catalog on all cores.
    static func normalized(_ catalog: Catalog) -> Catalog {
        guard catalog.tableCount >= 64 else { return catalog.normalized() }
        return catalog.normalized { count, table in
            withoutActuallyEscaping(table) { table in
                nonisolated(unsafe) let table = table
                return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
                    // Each iteration initializes only its own slot. One table per iteration, not one
                    // half per thread: a thread on a slower core then leaves the rest to the other.
                    nonisolated(unsafe) let slots = buffer
                    DispatchQueue.concurrentPerform(iterations: count) { k in
                        (slots.baseAddress! + k).initialize(to: table(k))
                    }
                    initialized = count
                }
            }
        }
    }
}
