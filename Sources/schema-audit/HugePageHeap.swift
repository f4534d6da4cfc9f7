#if canImport(Glibc)
import Glibc

/// Asks the kernel for transparent huge pages under the malloc heaps, where it grants them only on
/// request (`/sys/kernel/mm/transparent_hugepage/enabled` is `madvise`, the usual default).
///
/// Why: a run of this tool touches tens of megabytes of fresh heap, and on a virtual machine each
/// 4 KiB page touched for the first time costs a fault of about 2.5 µs. Reading the 1,000-table
/// Drizzle application alone took about 6,000 faults; with the heaps in 2 MiB pages, about 2,400,
/// 1,000 of them the start of the process (see Benchmarks/README.md). glibc can do this itself (`GLIBC_TUNABLES=glibc.malloc.hugetlb=1`),
/// but only when the tunable is in the environment before the process starts.
///
/// How: glibc has two heaps here (`M_ARENA_MAX` 2, set before this runs). The main thread's heap is
/// grown once by a large step so that one `madvise` covers what the run will use; the other heap is
/// created by a short-lived thread, and the 64 MiB region glibc reserves for it is advised whole.
/// Everything here is advice: when a call fails, or the heaps are not where expected, the run is the
/// same, with small pages.
enum HugePageHeap {
    /// How much the main heap grows at once: a 1,000-table compare peaks near 70 MB in all.
    private static let mainHeapStep = 128 << 20
    /// glibc's reservation for a heap other than the main one (`HEAP_MAX_SIZE`, 64 MiB on 64-bit).
    private static let threadHeapReservation = 64 << 20
    private static let hugePage = 2 << 20

    /// Advises both heaps when the kernel grants huge pages on request.
    static func advise() {
        guard grantedOnRequest() else { return }
        adviseMainHeap()
        adviseThreadHeap()
    }

    /// True when `enabled` reads `[madvise]`: with `[always]` the heaps get huge pages anyway, with
    /// `[never]` not at all.
    private static func grantedOnRequest() -> Bool {
        guard let file = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r") else { return false }
        defer { fclose(file) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = fread(&buffer, 1, buffer.count, file)
        return String(decoding: buffer[..<count], as: UTF8.self).contains("[madvise]")
    }

    private static func adviseMainHeap() {
        guard let before = sbrk(0) else { return }
        // A block too large for the free space at the top (and below M_MMAP_THRESHOLD) makes glibc
        // extend the break by the block plus M_TOP_PAD; freed, it goes back to the top.
        guard MallocTuning.set(.topPad, Int32(mainHeapStep)) else { return }
        // Called through a looked-up pointer: the compiler removes a malloc whose block is freed
        // unused.
        typealias Malloc = @convention(c) (Int) -> UnsafeMutableRawPointer?
        guard let symbol = dlsym(nil, "malloc") else { return }
        let block = unsafeBitCast(symbol, to: Malloc.self)(8 << 20)
        free(block)
        MallocTuning.set(.topPad, MallocTuning.topPad)
        guard block != nil, let after = sbrk(0), after > before else { return }
        adviseAligned(from: UInt(bitPattern: before), to: UInt(bitPattern: after))
    }

    private static func adviseThreadHeap() {
        var address: UInt = 0
        // Joined inside the closure: the pointer to `address` is valid only there.
        let joined = withUnsafeMutablePointer(to: &address) { slot -> Bool in
            var thread = pthread_t()
            let started = pthread_create(&thread, nil, { slot in
                // The first allocation on a new thread creates glibc's second heap; this thread's
                // exit hands it to the next thread that allocates.
                let block = malloc(64)
                slot!.assumingMemoryBound(to: UInt.self).pointee = UInt(bitPattern: block)
                free(block)
                return nil
            }, slot)
            return started == 0 && pthread_join(thread, nil) == 0
        }
        guard joined else { return }
        // A block from the main heap (when glibc made no second one) lies below the break; the
        // second heap is mapped far above it.
        guard address != 0, let brk = sbrk(0), address > UInt(bitPattern: brk) else { return }
        let base = address & ~UInt(threadHeapReservation - 1)
        adviseAligned(from: base, to: base + UInt(threadHeapReservation))
    }

    private static func adviseAligned(from start: UInt, to end: UInt) {
        let mask = UInt(hugePage - 1)
        let first = (start + mask) & ~mask
        let last = end & ~mask
        guard last > first, let pointer = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(pointer, Int(last - first), 14)  // MADV_HUGEPAGE
    }
}
#endif
