#if canImport(Glibc)
import Glibc

/// How this process asks glibc's malloc for memory, set once before anything is read.
enum MallocTuning {
    /// `mallopt` parameters (malloc.h): not in Glibc's module map, so named here.
    enum Parameter: Int32 {
        case trimThreshold = -1
        case topPad = -2
        case mmapThreshold = -3
        case arenaMax = -8
    }

    /// The `M_TOP_PAD` of the whole run: a thread's heap grows in steps this large (about 1,300 fewer
    /// `mprotect` calls in a 1,000-table compare).
    static let topPad: Int32 = 16 << 20

    private typealias Mallopt = @convention(c) (Int32, Int32) -> Int32

    /// `mallopt`, looked up once: it is not in Glibc's module map.
    private static let mallopt: Mallopt? = dlsym(nil, "mallopt").map { unsafeBitCast($0, to: Mallopt.self) }

    /// Sets `parameter`; false when glibc refused it or has no `mallopt`.
    @discardableResult
    static func set(_ parameter: Parameter, _ value: Int32) -> Bool {
        guard let mallopt else { return false }
        return mallopt(parameter.rawValue, value) == 1
    }

    /// Applies the settings, each unless the environment already chose (`MALLOC_ARENA_MAX`,
    /// `GLIBC_TUNABLES`).
    static func apply() {
        // The sources are read on one thread each; glibc would give each thread its own malloc arena
        // and keep the freed syntax trees of all of them: about a fifth more peak memory (make bench,
        // 1,000 tables: about 152 MB with per-thread arenas, 120-130 MB with two).
        if getenv("MALLOC_ARENA_MAX") == nil { set(.arenaMax, 2) }
        guard getenv("GLIBC_TUNABLES") == nil else { return }
        // A page touched for the first time costs a fault, about 2.5 µs on the virtual machine of
        // `make bench`. glibc hands freed memory back to the kernel (the top of a heap past 128 KiB,
        // every block it mmapped) and faults it in again for the next allocation; a run of this tool
        // is short, so it keeps what it frees. With `topPad`, about a sixth fewer page faults in a
        // 1,000-table compare (15.5k -> 12.9k).
        set(.mmapThreshold, 32 << 20)
        set(.trimThreshold, 1 << 30)
        set(.topPad, topPad)
        HugePageHeap.advise()
    }
}
#endif
