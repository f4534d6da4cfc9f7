import Dispatch

/// Hands out the modules of a split read (``ParallelBuild``): the first run takes them from the front,
/// the second from the back, one at a time, until the two meet.
final class ModuleClaims: @unchecked Sendable {
    /// The next module of the first run, and one past the next of the second.
    private var front = 0
    private var back: Int
    /// Where the runs must meet when it is fixed (tests), else nil.
    private let meetingAt: Int?
    /// A module is claimed once per few milliseconds of reading: a semaphore is plenty.
    private let lock = DispatchSemaphore(value: 1)

    init(count: Int, meetingAt: Int?) {
        back = count
        self.meetingAt = meetingAt.map { min(max($0, 0), count) }
    }

    /// The first run's next module, or nil when the runs have met.
    func nextFromFront() -> Int? {
        lock.wait()
        defer { lock.signal() }
        let limit = meetingAt ?? back
        guard front < limit else { return nil }
        front += 1
        return front - 1
    }

    /// The second run's next module (the one before its last), or nil when the runs have met.
    func nextFromBack() -> Int? {
        lock.wait()
        defer { lock.signal() }
        let limit = meetingAt ?? front
        guard limit < back else { return nil }
        back -= 1
        return back
    }

    /// The first module of the second run, once both runs are done.
    var meetingPoint: Int {
        lock.wait()
        defer { lock.signal() }
        return meetingAt ?? front
    }
}
