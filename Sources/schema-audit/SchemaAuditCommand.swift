import ArgumentParser
import Dispatch

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
        MallocTuning.apply()
        #endif
        // The readers parse files on all cores with `concurrentPerform`, which waited a millisecond
        // or more for Dispatch to start its first worker thread: started now, that thread is ready
        // by the time arguments are parsed and the files listed.
        DispatchQueue.global().async {}
        main(nil)
    }
}
