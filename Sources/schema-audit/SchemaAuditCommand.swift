import ArgumentParser

#if canImport(Glibc)
import Glibc
#endif

/// The `schema-audit` command: audits drift between Drizzle, SQLAlchemy and live PostgreSQL schemas.
@main
struct SchemaAuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema-audit",
        abstract: "Audit schema drift between Drizzle ORM, SQLAlchemy models and a live PostgreSQL database.",
        discussion: ExitStatus.helpText,
        version: "0.1.0",
        subcommands: [InspectCommand.self, CompareCommand.self, RulesCommand.self]
    )

    static func main() {
        #if canImport(Glibc)
        // The sources are read on one thread each; glibc would give each thread its own malloc arena
        // and keep the freed syntax trees of all of them: about a fifth more peak memory (make bench,
        // 1,000 tables: about 152 MB with per-thread arenas, 120-130 MB with two). mallopt is not in Glibc's
        // module map, so it is looked up; -8 is M_ARENA_MAX.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        // MALLOC_ARENA_MAX in the environment still wins.
        if let symbol = dlsym(nil, "mallopt") {
            let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
            if getenv("MALLOC_ARENA_MAX") == nil { _ = mallopt(-8, 2) }
            // A page touched for the first time costs a fault, about 2.5 µs on the virtual machine
            // of `make bench`. glibc hands freed memory back to the kernel (the top of a heap past
            // 128 KiB, every block it mmapped) and faults it in again for the next allocation; a run
            // of this tool is short, so it keeps what it frees: M_MMAP_THRESHOLD (-3) 32 MiB,
            // M_TRIM_THRESHOLD (-1) 1 GiB. M_TOP_PAD (-2) 16 MiB grows a thread's heap in large steps
            // (about 1,300 fewer mprotect calls in a 1,000-table compare). Together about a sixth
            // fewer page faults there (15.5k -> 12.9k). GLIBC_TUNABLES in the environment still wins.
            if getenv("GLIBC_TUNABLES") == nil {
                _ = mallopt(-3, 32 << 20)
                _ = mallopt(-1, 1 << 30)
                _ = mallopt(-2, 16 << 20)
                HugePageHeap.advise(mallopt: mallopt, topPad: 16 << 20)
            }
        }
        #endif
        main(nil)
    }
}
