@testable import DrizzleReader
import SchemaModel
import SourceScanning
import Testing

/// Fast-path tables are drafted on the reading thread and finished on a second one
/// (`FastTable+Draft.swift`); when a draft does not finish as speculated, the tables are read again
/// in turn. Either way the result must be what reading every table in turn gives.
@Suite struct ConcurrentTablesTests {
    static let header = """
        import { sql } from 'drizzle-orm';
        import { bigint, check, index, integer, pgPolicy, pgTable, text, timestamp, unique, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
        import { authenticatedRole } from 'drizzle-orm/supabase';

        """

    /// Eight modules of tables referring to tables of earlier modules, of their own module and (in the
    /// last one) of a later module, with spreads, enums, policies, checks, and tables read the general
    /// way among them; the messages come from loading and from the catalog, not from the tables.
    static let project: [String: String] = {
        var files: [String: String] = [:]
        files["db/enums.ts"] = """
            import { pgEnum } from 'drizzle-orm/pg-core';
            export const state = pgEnum('state', ['open', 'closed']);

            """
        files["db/shared.ts"] = """
            import { timestamp } from 'drizzle-orm/pg-core';
            export const timestamps = {
              createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
            };

            """
        for k in 0..<8 {
            var source = header + "import { state } from './enums';\nimport { timestamps } from './shared';\n"
            if k > 0 { source += "import { a\(k - 1) } from './m\(k - 1)';\n" }
            if k == 7 { source += "import { late } from './m8';\nimport { gone } from './missing';\n" }
            let parent = k > 0 ? "a\(k - 1)" : "b0"
            source += """
                const owned = { ownerId: integer('owner_id').references(() => \(parent).id), note: text('note').$defaultFn(() => 'x') };
                export const b\(k) = pgTable('b\(k)', {
                  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
                  label: varchar('label', { length: 40 }).notNull().unique(),
                  ...owned,
                });
                export const a\(k) = pgTable('a\(k)', {
                  id: integer('id').primaryKey(),
                  parentId: integer('parent_id').references(() => \(parent).id, { onDelete: 'cascade' }),
                  status: state('status').default('open'),
                  amount: integer('amount').notNull().default(0),
                  ...timestamps,
                }, (t) => [
                  unique('a\(k)_amount_key').on(t.amount, t.status),
                  index('a\(k)_parent_idx').on(t.parentId),
                  check('a\(k)_amount_check', sql`${t.amount} >= 0`),
                  pgPolicy('a\(k)_read', { as: 'permissive', for: 'select', to: authenticatedRole, using: sql`${t.id} > 0` }),
                ]);
                export const c\(k) = pgTable('c\(k)', { id: text('id').primaryKey() }, (t) => {
                  return [index('c\(k)_idx').on(t.id)];
                });

                """
            if k == 7 {
                source += """
                    export const forward = pgTable('forward', { lateId: integer('late_id').references(() => late.id) });
                    export const again = pgTable('b7', { id: integer('id') });
                    export const stray = pgPolicy('stray', { for: 'select' }).link(gone);

                    """
            }
            files["db/m\(k).ts"] = source
        }
        files["db/m8.ts"] = header + "export const late = pgTable('late', { id: integer('id').primaryKey() });\n"
        return files
    }()

    static func read(_ files: [String: String], concurrentTables: Bool) -> ReadResult {
        DrizzleReader.read(paths: ["db"], files: InMemorySourceFiles(files), options: .init(), concurrentTables: concurrentTables)
    }

    /// Whether the concurrent read of `files` holds to the end without reading the tables again.
    static func speculationHolds(_ files: [String: String]) -> Bool {
        let evaluator = DrizzleReader.load(paths: ["db"], files: InMemorySourceFiles(files), options: .init())
        return CatalogBuilder(evaluator: evaluator).buildConcurrently(DraftFinisher(for: evaluator)) != nil
    }

    @Test func sameResultAsReadingTablesInTurn() {
        let concurrent = Self.read(Self.project, concurrentTables: true)
        let sequential = Self.read(Self.project, concurrentTables: false)
        #expect(Self.speculationHolds(Self.project))
        #expect(concurrent.catalog == sequential.catalog)
        #expect(concurrent.messages == sequential.messages)
        #expect(concurrent.catalog.tableCount == 26)
        #expect(concurrent.table("a7")?.foreignKeys.first?.referencedTable == QualifiedName(schema: "public", name: "a6"))
        #expect(concurrent.table("forward")?.foreignKeys.first?.referencedTable == QualifiedName(schema: "public", name: "late"))
        #expect(concurrent.table("a3")?.policies.count == 1)
        #expect(concurrent.table("b2")?.foreignKeys.first?.referencedTable == QualifiedName(schema: "public", name: "a1"))
        #expect(concurrent.table("b2")?.columns.map(\.name) == ["id", "label", "owner_id", "note"])
        #expect(concurrent.messages.contains { $0.contains("cannot find imported file './missing'") })
        #expect(concurrent.messages.contains { $0.contains("table 'public.b7' is declared more than once") })
    }

    @Test func sameResultOnEveryRun() {
        let first = Self.read(Self.project, concurrentTables: true)
        for _ in 0..<5 {
            let again = Self.read(Self.project, concurrentTables: true)
            #expect(again.catalog == first.catalog)
            #expect(again.messages == first.messages)
        }
    }

    /// Tables whose reading logs a diagnostic, in the deferred part (an index on a column the table
    /// does not have) or in the part done in order (a spread column with an unknown modifier).
    static let unusual: [(name: String, table: String)] = [
        ("deferred extra", """
            export const odd = pgTable('odd', { id: integer('id') }, (t) => [index('odd_idx').on(t.nope)]);
            """),
        ("general column", """
            const extra = { weird: text('weird').frobnicate() };
            export const odd = pgTable('odd', { id: integer('id'), ...extra });
            """),
    ]

    @Test(arguments: unusual.indices) func readAgainInTurnWhenSpeculationFails(_ index: Int) {
        var files = Self.project
        files["db/m3.ts"]! += Self.unusual[index].table + "\n"
        #expect(!Self.speculationHolds(files), "\(Self.unusual[index].name)")
        let concurrent = Self.read(files, concurrentTables: true)
        let sequential = Self.read(files, concurrentTables: false)
        #expect(concurrent.catalog == sequential.catalog)
        #expect(concurrent.messages == sequential.messages)
        #expect(concurrent.table("odd") != nil)
        #expect(concurrent.messages.contains { $0.contains("odd") || $0.contains("weird") })
    }
}
