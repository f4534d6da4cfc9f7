#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes room in the calling thread's malloc heap before a large task on a worker thread.
///
/// glibc gives each worker thread its own heap and grows it by exactly what an allocation lacks, one
/// `mprotect` call each time: reading the tables of a 1,000-table input on a worker thread made about
/// a thousand calls of one page each, 1.7 µs apiece on a virtual machine (the main thread's heap grows
/// by `brk` with 128 KiB to spare, so it makes few). Allocating the expected amount in blocks below
/// the `mmap` threshold and freeing them grows the heap in a few calls; glibc then releases the pages
/// but keeps them accessible, so later growth up to that size makes no call. Elsewhere (another C
/// library, the main thread) it is skipped or costs a few allocations.
enum ThreadHeap {
    /// Blocks stay below glibc's smallest `mmap` threshold (128 KiB), so they come from the heap.
    static let blockSize = 120 * 1024
    /// Growth beyond this is left to malloc: a thread heap holds 64 MiB at most.
    static let maximum = 32 * 1024 * 1024

    /// Grows the calling thread's heap by about `bytes` (at most ``maximum``) unless it is `mainThread`.
    static func makeRoom(_ bytes: Int, unless mainThread: pthread_t) {
        #if canImport(Glibc)
        let count = blockCount(bytes)
        guard count > 0, pthread_equal(pthread_self(), mainThread) == 0 else { return }
        withUnsafeTemporaryAllocation(of: UnsafeMutableRawPointer?.self, capacity: count) { blocks in
            for k in 0..<count { blocks[k] = malloc(blockSize) }
            // Freed first to last: each block joins the one before, and the last joins the top of the
            // heap, which glibc then trims once.
            for k in 0..<count { free(blocks[k]) }
        }
        #endif
    }

    /// The blocks ``makeRoom(_:unless:)`` allocates for `bytes`: none below one block.
    static func blockCount(_ bytes: Int) -> Int {
        max(0, min(bytes, maximum)) / blockSize
    }
}
