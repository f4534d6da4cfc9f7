import ArgumentParser
import BenchmarkGenerator
import Foundation

/// `schema-audit-bench`: tools behind `make bench` (Benchmarks/README.md).
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema-audit-bench",
        abstract: "Benchmark helpers for schema-audit.",
        subcommands: [GenerateCommand.self])
}

/// `schema-audit-bench generate`: writes the synthetic application.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic application of N tables in Drizzle, SQLAlchemy and SQL form.",
        discussion: """
            Writes, deterministically from --seed (the same arguments give
            byte-identical files):

              DIR/drizzle/       Drizzle ORM files: enums.ts, shared.ts,
                                 tables-NNN.ts (100 tables each), index.ts
              DIR/sqlalchemy/    a SQLAlchemy 2.0 package: __init__.py,
                                 base.py, enums.py, models_NNN.py (RLS,
                                 policies and triggers as after_create DDL
                                 listeners); import it under another name
                                 than `sqlalchemy`, which it would shadow
              DIR/database.sql   the same database for psql (PostgreSQL 15+)

            With --drifts K (K >= 1) also:

              DIR/drifted.sql    the database with K drifts of every finding
                                 kind a database can show against SQLAlchemy
                                 models, each on its own table or enum
              DIR/injected.json  the findings `schema-audit compare
                                 --reference sqlalchemy` must report for
                                 drifted.sql, as a sorted JSON array of
                                 {"id", "objectKey", "table"}
              DIR/injected-drizzle.json
                                 the same for the three-way compare with
                                 Drizzle as the reference (triggers and FORCE
                                 RLS are checked against SQLAlchemy), plus
                                 rls_enabled_unexpectedly (SQLAlchemy states
                                 row-level security only where DDL enables it)

            Every finding kind is injected except column_client_default (a
            database has no client-side defaults). K drifts need about
            60*K+20 tables.

            DIR/drizzle and DIR/sqlalchemy are replaced, so no file of an
            earlier, larger run is left behind.

            Example:
              schema-audit-bench generate --tables 1000 --drifts 1 \\
                  --output /tmp/app
              psql -f /tmp/app/drifted.sql "$DATABASE_URL"
              schema-audit compare --sqlalchemy /tmp/app/sqlalchemy \\
                  --database "$DATABASE_URL" --reference sqlalchemy

            EXIT CODES:
              0   written
              2   the output cannot be written, or the tables are too few
                  for --drifts
              64  usage error (bad or missing option)
            """)

    @Option(name: .customLong("tables"), help: "Number of tables (at least 1).")
    var tables: Int

    @Option(help: "Seed of every random choice.")
    var seed: UInt64 = 1

    @Option(help: "Drifts of every kind to inject into drifted.sql (0: none).")
    var drifts: Int = 0

    @Option(help: ArgumentHelp("Directory to write into (created when missing).", valueName: "dir"))
    var output: String

    func validate() throws {
        guard tables >= 1 else { throw ValidationError("--tables must be at least 1") }
        guard drifts >= 0 else { throw ValidationError("--drifts must not be negative") }
        guard !output.isEmpty else { throw ValidationError("--output must not be empty") }
    }

    func run() throws {
        let application: SyntheticApplication
        do {
            application = try SyntheticApplication(tableCount: tables, seed: seed, drifts: drifts)
        } catch {
            fail(error.description)
        }
        do {
            try FileWriter(root: output).write(application.files(), replacing: ["drizzle", "sqlalchemy"],
                                                stale: drifts == 0 ? ["drifted.sql", "injected.json", "injected-drizzle.json"] : [])
        } catch let error as FileWriter.Failure {
            fail(error.description)
        } catch {
            fail("cannot write to '\(output)': \(error)")
        }
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data(("schema-audit-bench: error: " + message + "\n").utf8))
        Foundation.exit(2)
    }
}
