@testable import DrizzleReader
import SchemaModel
import Testing

/// ``CatalogBuilder/Collected`` keeps tables in a list with an index by name: positions, appending a
/// later run (kept whole), and the catalog ``CatalogBuilder/finish(_:)`` makes of them.
@Suite struct CollectedTests {
    func table(_ name: String) -> Table {
        Table(name: name, columns: [Column(name: "id", type: SQLType("integer"), provenance: Provenance(source: .drizzle))],
              provenance: Provenance(source: .drizzle))
    }

    @Test func addedTablesAreFoundByName() {
        var collected = CatalogBuilder.Collected()
        collected.reserve(4)
        let users = QualifiedName(schema: "public", name: "users")
        let posts = QualifiedName(schema: "app", name: "posts")
        collected.add(table("users"), users)
        collected.add(table("posts"), posts)
        #expect(collected.contains(users) && collected.contains(posts))
        #expect(!collected.contains(QualifiedName(schema: "app", name: "users")))
        #expect(collected.tableOrder == [users, posts])
        #expect(collected.tableIndex == [users: 0, posts: 1])
        #expect(collected.tables.map { $0?.name } == ["users", "posts"])
    }

    @Test func appendingALaterRunKeepsItsOrder() {
        var first = CatalogBuilder.Collected()
        var second = CatalogBuilder.Collected()
        let a = QualifiedName(schema: "public", name: "a")
        let b = QualifiedName(schema: "public", name: "b")
        let c = QualifiedName(schema: "other", name: "c")
        first.add(table("a"), a)
        second.add(table("b"), b)
        second.add(table("c"), c)
        first.append(second)
        #expect(first.contains(a) && first.contains(b) && first.contains(c))
        #expect(!first.contains(QualifiedName(schema: "public", name: "c")))
        let runs = first.takeRuns()
        #expect(runs.map(\.tableOrder) == [[a], [b, c]])
        #expect(runs.map(\.tableIndex) == [[a: 0], [b: 0, c: 1]])
        #expect(runs.map { $0.tables.map { $0?.name } } == [["a"], ["b", "c"]])
        #expect(runs.allSatisfy { $0.later.isEmpty })
        #expect(first.tables.isEmpty && first.later.isEmpty)
    }

    /// Tables of one name in two schemas, a linked policy and a table declared twice: the catalog
    /// has each schema's tables in name order and the policy on its table.
    @Test func finishPutsTablesIntoTheirSchemasInNameOrder() {
        let result = readDrizzle([
            "db/schema.ts": """
            import { pgTable, pgSchema, pgPolicy, integer } from 'drizzle-orm/pg-core';
            import { sql } from 'drizzle-orm';
            const b = pgSchema('b');
            const a = pgSchema('a');
            export const zeta = pgTable('zeta', { id: integer('id') });
            export const bItems = b.table('items', { id: integer('id') });
            export const aItems = a.table('items', { id: integer('id') });
            export const alpha = pgTable('alpha', { id: integer('id') });
            export const again = pgTable('alpha', { id: integer('id') });
            export const own = pgPolicy('own', { for: 'select', using: sql`true` }).link(aItems);
            """,
        ])
        let schemas = result.catalog.schemas
        #expect(schemas.map(\.name) == ["a", "b", "public"])
        #expect(schemas.map { $0.tables.map(\.name) } == [["items"], ["items"], ["alpha", "zeta"]])
        #expect(schemas.first?.tables.first?.policies.map(\.name) == ["own"])
        #expect(schemas.first?.tables.first?.rowLevelSecurity == true)
        #expect(result.diagnostics.map(\.message).contains("table 'public.alpha' is declared more than once"))
    }
}
