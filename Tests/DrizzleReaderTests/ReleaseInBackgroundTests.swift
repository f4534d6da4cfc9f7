import Dispatch
@testable import DrizzleReader
import Testing

/// Values handed to ``ReleaseInBackground/discard(_:)`` are freed, on another thread.
@Suite struct ReleaseInBackgroundTests {
    /// Signals when it is freed, and whether that happened on the thread that made it.
    final class Probe: @unchecked Sendable {
        let freed: DispatchSemaphore
        let owner: DispatchQueue
        nonisolated(unsafe) static var freedOnOwner = false
        init(_ freed: DispatchSemaphore, _ owner: DispatchQueue) {
            self.freed = freed
            self.owner = owner
        }
        deinit {
            Probe.freedOnOwner = DispatchQueue.getSpecific(key: ReleaseInBackgroundTests.key) != nil
            freed.signal()
        }
    }

    static let key = DispatchSpecificKey<Bool>()

    @Test func discardedValueIsFreedElsewhere() {
        let owner = DispatchQueue(label: "owner")
        owner.setSpecific(key: Self.key, value: true)
        let freed = DispatchSemaphore(value: 0)
        owner.sync {
            var values = [Probe(freed, owner)]
            values.append(Probe(freed, owner))
            ReleaseInBackground.discard(consume values)
        }
        #expect(freed.wait(timeout: .now() + 10) == .success)
        #expect(freed.wait(timeout: .now() + 10) == .success)
        #expect(!Probe.freedOnOwner)
    }
}
