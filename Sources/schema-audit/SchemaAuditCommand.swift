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
        if getenv("MALLOC_ARENA_MAX") == nil, let symbol = dlsym(nil, "mallopt") {
            _ = unsafeBitCast(symbol, to: Mallopt.self)(-8, 2)
        }
        #endif
        main(nil)
    }
}
