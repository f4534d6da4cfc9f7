import Dispatch
import SchemaModel

/// Finishes table drafts (``DrizzleEvaluator/finishDraft(_:)``) on a background queue, in the order
/// they are submitted, while the reading thread drafts the next tables.
///
/// The drafts are finished by an evaluator of its own (``DrizzleEvaluator/init(sharing:)``): finishing
/// writes only to that evaluator's memos and log, and reads the modules and files, which nothing
/// changes while tables are read. Results do not depend on when the queue runs: each draft's table is
/// a function of the draft alone, and a failed one fails the whole speculation.
final class DraftFinisher: @unchecked Sendable {
    // Unchecked: after `init`, `worker`, `tables` and `failed` are touched only by blocks on `queue`,
    // which is serial, and `finish()` reads them there after every submitted block has run.
    private let queue = DispatchQueue(label: "schema-audit.drizzle-table-drafts")
    private let worker: DrizzleEvaluator
    /// The reading evaluator's files, which the sites in drafts point to without retaining them: kept
    /// alive here for blocks still queued when the reader gives up the speculation and drops that evaluator.
    private let draftSources: SourceSet
    private var tables: [Table] = []
    private var failed = false
    /// Drafts submitted so far, and those not handed to the queue yet; touched by the submitting thread only.
    private var submitted = 0
    private var pending: [DrizzleEvaluator.TableDraft] = []
    /// Drafts handed over at a time: one block per draft woke the queue's thread for every table, and
    /// the thread switches cost more than the drafts saved.
    private static let batchSize = 32

    /// Drafts handed to the queue. Unchecked: the submitting thread keeps no access to them, and what
    /// they refer to by reference (the source set of their sites) is only read while tables are read.
    private struct Handoff: @unchecked Sendable {
        let drafts: [DrizzleEvaluator.TableDraft]
    }

    init(for evaluator: DrizzleEvaluator) {
        worker = DrizzleEvaluator(sharing: evaluator)
        draftSources = evaluator.sources
    }

    /// Queues a draft; returns its position among the tables ``finish()`` returns.
    func submit(_ draft: DrizzleEvaluator.TableDraft) -> Int {
        pending.append(draft)
        if pending.count >= DraftFinisher.batchSize { flush() }
        submitted += 1
        return submitted - 1
    }

    /// Hands the pending drafts to the queue.
    private func flush() {
        guard !pending.isEmpty else { return }
        let handoff = Handoff(drafts: pending)
        pending = []
        pending.reserveCapacity(DraftFinisher.batchSize)
        queue.async { [self] in
            for draft in handoff.drafts {
                guard !failed else { return }
                if let table = worker.finishDraft(draft) { tables.append(table) } else { failed = true }
            }
        }
    }

    /// Waits for every submitted draft: their tables in submission order, or nil when one of them did
    /// not finish as speculated.
    func finish() -> [Table]? {
        flush()
        return queue.sync { failed ? nil : tables }
    }
}
