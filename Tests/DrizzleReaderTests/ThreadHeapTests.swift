@testable import DrizzleReader
import Dispatch
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// ``ThreadHeap`` sizes its blocks below glibc's `mmap` threshold and caps the room it makes; making
/// room on a worker thread leaves allocation working there.
@Suite struct ThreadHeapTests {
    @Test(arguments: [
        (0, 0), (-5, 0), (ThreadHeap.blockSize - 1, 0), (ThreadHeap.blockSize, 1), (10 * ThreadHeap.blockSize + 7, 10),
        (ThreadHeap.maximum * 4, ThreadHeap.maximum / ThreadHeap.blockSize),
    ])
    func blockCounts(_ bytes: Int, _ expected: Int) {
        #expect(ThreadHeap.blockCount(bytes) == expected)
    }

    @Test func blocksStayBelowTheMmapThreshold() {
        #expect(ThreadHeap.blockSize < 128 * 1024)
        #expect(ThreadHeap.maximum < 64 * 1024 * 1024)
    }

    #if canImport(Glibc)
    /// Made on a worker thread, the room is then used by ordinary allocations there.
    @Test func roomOnAWorkerThreadIsUsable() async {
        let caller = pthread_self()
        let sum = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                ThreadHeap.makeRoom(2 * 1024 * 1024, unless: caller)
                let arrays = (0..<1000).map { Array(repeating: $0, count: 100) }
                continuation.resume(returning: arrays.reduce(0) { $0 + $1.reduce(0, +) })
            }
        }
        #expect(sum == 100 * (999 * 1000 / 2))
    }
    #endif
}
