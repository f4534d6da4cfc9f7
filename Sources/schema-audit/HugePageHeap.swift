#if canImport(Glibc)
import Glibc

/// Asks the kernel for transparent huge pages under the malloc heaps, where it grants them only on
/// request (`/sys/kernel/mm/transparent_hugepage/enabled` is `madvise`, the usual default).
///
/// Why: a run of this tool touches tens of megabytes of fresh heap, and on a virtual machine each
/// 4 KiB page touched for the first time costs a fault of about 2.5 µs. Reading the 1,000-table
/// Drizzle application alone took about 6,000 faults; with the heaps in 2 MiB pages, about 2,400,
/// and about 1,550 once the readers no longer start in each heap's first, partly used 2 MiB
/// (`skipToHugePage`); 1,000 of them are the start of the process (see Benchmarks/README.md).
/// glibc can do this itself (`GLIBC_TUNABLES=glibc.malloc.hugetlb=1`), but only when the tunable is
/// in the environment before the process starts.
///
/// How: glibc has two heaps here (`M_ARENA_MAX` 2, set before this runs). The main thread's heap is
/// grown once by a large step so that one `madvise` covers what the run will use; the other heap is
/// created by a short-lived thread, and the 64 MiB region glibc reserves for it is advised whole.
/// Each heap's next blocks are then made to start at a 2 MiB boundary.
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
        guard let allocate = lookedUpMalloc() else { return }
        let block = allocate(8 << 20)
        free(block)
        MallocTuning.set(.topPad, MallocTuning.topPad)
        guard block != nil, let after = sbrk(0), after > before else { return }
        adviseAligned(from: UInt(bitPattern: before), to: UInt(bitPattern: after))
        skipToHugePage(UInt(bitPattern: before))
    }

    /// `malloc`, called through a looked-up pointer: the compiler removes a malloc whose block is
    /// freed unused.
    private static func lookedUpMalloc() -> (@convention(c) (Int) -> UnsafeMutableRawPointer?)? {
        typealias Malloc = @convention(c) (Int) -> UnsafeMutableRawPointer?
        guard let symbol = dlsym(nil, "malloc") else { return nil }
        return unsafeBitCast(symbol, to: Malloc.self)
    }

    /// Makes the next blocks of the calling thread's heap start at the first 2 MiB boundary at or
    /// above `address`, by taking the stretch below it as one block that is never used.
    ///
    /// Why: the advice covers whole 2 MiB pages only, and the one the heap's free space starts in
    /// also holds memory touched before the advice, so the kernel maps it in 4 KiB pages. That
    /// stretch (up to 2 MiB) was the first the readers filled: about 400 faults of 4 KiB each, in
    /// both the main heap and the second one, in a reading of the 1,000-table applications. The
    /// block costs address space only: nothing writes to it but glibc's header, on a page that is
    /// already in use.
    ///
    /// How: a large block comes from the top of the heap (nothing freed this early is as large),
    /// so where it starts is where the top starts; freed, it goes back to the top, and a block
    /// that ends at the boundary is taken from the same place. When glibc places it anywhere else,
    /// it is freed and the heap stays as it was.
    private static func skipToHugePage(_ address: UInt) {
        let boundary = hugePageBoundary(atOrAbove: address)
        guard let allocate = lookedUpMalloc(), let probe = allocate(1 << 20) else { return }
        let top = UInt(bitPattern: probe)
        free(probe)
        // A short stretch is not worth a block; a long one means the probe was not at the top.
        guard boundary > top, boundary - top >= 64 << 10, boundary - top <= UInt(hugePage) else { return }
        // glibc's block of n bytes (rounded to 16) takes n + 16 bytes from where the probe's header
        // was, 16 bytes below `top`: this one ends at `boundary`, where the next block's header goes.
        guard let filler = allocate(Int(boundary - top)) else { return }
        if UInt(bitPattern: filler) != top { free(filler) }
    }

    private static func adviseThreadHeap() {
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { _ in
            // The first allocation on a new thread creates glibc's second heap; this thread's exit
            // hands it to the next thread that allocates. The heap is advised here, before
            // `skipToHugePage` writes past its first 2 MiB: a page written before the advice stays
            // small, and so does the whole 2 MiB around it.
            let block = HugePageHeap.lookedUpMalloc()?(64)
            // A block from the main heap (when glibc made no second one) lies below the break; the
            // second heap is mapped far above it.
            if let brk = sbrk(0), UInt(bitPattern: block) > UInt(bitPattern: brk) {
                let base = UInt(bitPattern: block) & ~UInt(HugePageHeap.threadHeapReservation - 1)
                HugePageHeap.adviseAligned(from: base, to: base + UInt(HugePageHeap.threadHeapReservation))
                HugePageHeap.skipToHugePage(UInt(bitPattern: block))
            }
            free(block)
            return nil
        }, nil)
        if started == 0 { pthread_join(thread, nil) }
    }

    /// The first 2 MiB boundary at or above `address`.
    private static func hugePageBoundary(atOrAbove address: UInt) -> UInt {
        (address + UInt(hugePage - 1)) & ~UInt(hugePage - 1)
    }

    private static func adviseAligned(from start: UInt, to end: UInt) {
        let first = hugePageBoundary(atOrAbove: start)
        let last = end & ~UInt(hugePage - 1)
        guard last > first, let pointer = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(pointer, Int(last - first), 14)  // MADV_HUGEPAGE
    }
}
#endif
