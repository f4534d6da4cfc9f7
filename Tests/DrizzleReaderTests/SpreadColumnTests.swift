@testable import DrizzleReader
import SchemaModel
import SourceScanning
import Testing

/// Columns spread into many tables from one top-level object are interpreted once and reused
/// (`SpreadColumns.swift`) only where nothing depends on the table: each table still gets its own
/// generated names and the same messages as when the general path reads it.
@Suite struct SpreadColumnTests {
    static let header = """
        import { sql } from 'drizzle-orm';
        import { integer, pgTable, serial, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
        export const users = pgTable('users', { id: uuid('id').primaryKey() });
        const shared = {
          createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
          id: serial('id').primaryKey(),
          code: varchar('code', { length: 8 }).unique(),
          owner: uuid('owner').references(() => users.id, { onDelete: 'cascade' }),
          odd: text('odd').default(notDeclared),
          gen: integer('gen').generatedAlwaysAs(() => sql`1 + 1`),
          plain: text(),
        };

        """

    /// Three tables spreading `shared`: from their syntax, and (`general`) through constants the
    /// general path reads.
    static func source(general: Bool) -> String {
        var out = header
        for (index, name) in ["a", "b", "c"].enumerated() {
            let columns = index == 1 ? "extra: text('extra'), ...shared" : "...shared, extra: text('extra')"
            if general {
                out += "const \(name)Columns = { \(columns) };\nexport const \(name) = pgTable('\(name)', \(name)Columns);\n"
            } else {
                out += "export const \(name) = pgTable('\(name)', {\n  \(columns),\n});\n"
            }
        }
        return out
    }

    @Test(arguments: [nil, DrizzleReader.Casing.snakeCase])
    func sameTablesAsTheGeneralPath(_ casing: DrizzleReader.Casing?) throws {
        let fast = readSchema(SpreadColumnTests.source(general: false), casing: casing)
        let general = readSchema(SpreadColumnTests.source(general: true), casing: casing)
        for name in ["a", "b", "c"] {
            let table = try #require(fast.table(name))
            #expect(FastTableTests.withoutLocations(table) == FastTableTests.withoutLocations(general.table(name)))
            // The names generated from the table's name are this table's.
            #expect(table.uniqueConstraints.map(\.name) == ["\(name)_code_unique"])
            #expect(table.foreignKeys.map(\.name) == ["\(name)_owner_users_id_fk"])
            #expect(table.columns.first { $0.name == "id" }?.defaultExpression == "nextval('\(name)_id_seq'::regclass)")
            #expect(table.primaryKey?.columns == ["id"])
        }
        #expect(FastTableTests.texts(fast) == FastTableTests.texts(general))
    }

    /// A reused column keeps the location of its key in the spread object, in every table.
    @Test func reusedColumnsKeepTheirLocation() throws {
        let result = readSchema(SpreadColumnTests.source(general: false))
        for name in ["a", "b", "c"] {
            let table = try #require(result.table(name))
            #expect(table.columns.first { $0.name == "created_at" }?.provenance == at(5, 3))
            #expect(table.columns.first { $0.name == "plain" }?.provenance == at(11, 3))
            #expect(table.columns.first { $0.name == "created_at" }?.type == SQLType("timestamp with time zone"))
        }
    }

    /// Only the table-independent entries of the spread object are memoized (`createdAt`, `plain`).
    @Test func memoHoldsOnlyTableIndependentColumns() {
        let files = InMemorySourceFiles(["schema.ts": SpreadColumnTests.source(general: false)])
        let evaluator = DrizzleReader.load(paths: ["schema.ts"], files: files, options: .init())
        _ = CatalogBuilder(evaluator: evaluator).build()
        let memoized = evaluator.spreadColumns.keys.filter { $0.binding.name == "shared" }.map(\.index).sorted()
        #expect(memoized == [0, 6])
        #expect(evaluator.spreadColumns.values.compactMap { $0.column?.column.name }.sorted() == ["created_at", "plain"])
    }
}
