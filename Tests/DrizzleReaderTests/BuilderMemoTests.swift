import DrizzleReader
import SchemaModel
import Testing

/// The builtins a table's columns call are kept for the next table of the same module
/// (`BuilderMemo.swift`); a name that means something else in another module, or that a module
/// defines itself, must still read as that module says.
@Suite struct BuilderMemoTests {
    static let files: [String: String] = [
        "db/a.ts": """
            import { pgTable, text, integer } from 'drizzle-orm/pg-core';
            export const a1 = pgTable('a1', { name: text('name'), n: integer('n') });
            export const a2 = pgTable('a2', { name: text('name'), n: integer('n') });

            """,
        "db/b.ts": """
            import { pgTable, varchar, integer as int } from 'drizzle-orm/pg-core';
            const text = (name: string) => varchar(name, { length: 5 });
            const integer = (name: string) => int(name).notNull();
            export const b1 = pgTable('b1', { name: text('name'), n: integer('n') });
            export const b2 = pgTable('b2', { name: text('name'), n: integer('n') });

            """,
        "db/c.ts": """
            import { pgTable, text, bigint as integer } from 'drizzle-orm/pg-core';
            export const c1 = pgTable('c1', { name: text('name'), n: integer('n', { mode: 'number' }) });
            export const c2 = pgTable('c2', { name: text('name'), n: integer('n', { mode: 'number' }) });

            """,
    ]

    @Test(arguments: [
        ("a1", "text", "integer", true), ("a2", "text", "integer", true),
        ("b1", "character varying(5)", "integer", false), ("b2", "character varying(5)", "integer", false),
        ("c1", "text", "bigint", true), ("c2", "text", "bigint", true),
    ])
    func eachModuleReadsItsOwnNames(_ table: String, _ nameType: String, _ numberType: String, _ nullable: Bool) {
        let result = readDrizzle(Self.files, paths: ["db"])
        let columns = result.table(table)?.columns ?? []
        #expect(columns.map(\.type.description) == [nameType, numberType])
        #expect(columns.last?.isNullable == nullable)
        #expect(result.messages.isEmpty)
    }
}
