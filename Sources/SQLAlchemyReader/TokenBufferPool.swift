#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Token storage passed on from one file's parse to the next within one parallel parsing.
///
/// A file's tokens live only while its parse runs, yet each file had storage of its own, freshly
/// allocated: a large block the system maps anew, so every 4 KiB written cost a page fault (on a
/// virtual machine, microseconds each). Handing the storage of a finished file to the next one
/// writes into pages already mapped; with one block per thread in use, a package of ten large
/// modules faults in two or three files' worth of tokens instead of ten.
/// Shared by the parsing threads, hence the lock (held only to push or pop a block).
final class TokenBufferPool: @unchecked Sendable {
    private let lock: UnsafeMutablePointer<pthread_mutex_t>
    private var free: [(base: UnsafeMutablePointer<PythonToken>, capacity: Int)] = []

    init() {
        lock = .allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
    }

    deinit {
        for block in free { block.base.deallocate() }
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    /// How many blocks wait to be reused.
    var freeCount: Int {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return free.count
    }

    /// Empty storage for at least `capacity` tokens: the largest free block when it is big enough,
    /// else a new one with a quarter to spare (files of a package are of similar sizes, so the next
    /// one, a little larger, still fits; untouched room costs no page faults).
    func take(capacity: Int) -> LexerBuffer<PythonToken> {
        pthread_mutex_lock(lock)
        var largest: (base: UnsafeMutablePointer<PythonToken>, capacity: Int)?
        if let k = free.indices.max(by: { free[$0].capacity < free[$1].capacity }) { largest = free.remove(at: k) }
        pthread_mutex_unlock(lock)
        if let largest {
            if largest.capacity >= capacity { return LexerBuffer(adopting: largest.base, capacity: largest.capacity) }
            largest.base.deallocate()
        }
        return LexerBuffer(capacity: capacity + capacity / 4)
    }

    /// Takes back a block from ``take(capacity:)`` (perhaps grown since) once its tokens are no
    /// longer read.
    func give(_ base: UnsafeMutablePointer<PythonToken>, capacity: Int) {
        pthread_mutex_lock(lock)
        free.append((base, capacity))
        pthread_mutex_unlock(lock)
    }
}
