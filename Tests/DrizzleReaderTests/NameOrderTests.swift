@testable import DrizzleReader
import SchemaModel
import Testing

/// Indexes and policies added in name order (``NameOrder/position(of:in:name:)``) normalize to
/// the catalog that adding them in source order normalizes to, ties and unnamed ones included.
@Suite struct NameOrderTests {
    struct Item: Equatable {
        var name: String?
        var tag: Int
    }

    func inserted(_ items: [Item]) -> [Item] {
        var list: [Item] = []
        for item in items { list.insert(item, at: NameOrder.position(of: item.name, in: list.count) { list[$0].name }) }
        return list
    }

    @Test(arguments: [
        ([("b", 0), ("a", 1), ("c", 2)], [1, 0, 2]),
        ([("a", 0), ("a", 1), ("0", 2), ("a", 3)], [2, 0, 1, 3]),
        ([("x", 0), (nil, 1), ("a", 2)], [0, 1, 2]),
        ([("b", 0), ("a\u{0}", 1), ("a", 2)], [0, 1, 2]),
        ([("é", 0), ("e", 1), ("z", 2)], [1, 2, 0]),
        ([], []),
    ] as [([(String?, Int)], [Int])])
    func insertionOrder(_ items: [(String?, Int)], _ tags: [Int]) {
        #expect(inserted(items.map { Item(name: $0.0, tag: $0.1) }).map(\.tag) == tags)
    }

    /// Tables whose extras list indexes and policies out of name order, with repeated and unnamed
    /// indexes: the catalog read is the same as normalizing the indexes and policies appended in order.
    @Test func readCatalogIsNormalizedTheSame() {
        let result = readSchema("""
        import { pgTable, pgPolicy, integer, text, index, uniqueIndex } from 'drizzle-orm/pg-core';
        import { sql } from 'drizzle-orm';
        export const items = pgTable('items', {
          id: integer('id').primaryKey(),
          owner: integer('owner'),
          title: text('title'),
        }, (t) => [
          index('items_z_idx').on(t.title),
          index('items_a_idx').on(t.owner),
          index('items_a_idx').on(t.title),
          index().on(t.owner, t.title),
          uniqueIndex('items_m_idx').on(t.id),
          pgPolicy('update_own', { for: 'update', using: sql`true` }),
          pgPolicy('insert_own', { for: 'insert', withCheck: sql`true` }),
          pgPolicy('select_own', { for: 'select', using: sql`true` }),
        ]);
        """)
        let table = result.catalog.schemas.first?.tables.first
        #expect(table?.indexes.map { $0.name ?? "-" } == ["items_a_idx", "items_a_idx", "items_m_idx", "items_owner_title_index", "items_z_idx"])
        #expect(table?.indexes.filter { $0.name == "items_a_idx" }.map { $0.keys.map(\.column) } == [["owner"], ["title"]])
        #expect(table?.policies.map(\.name) == ["insert_own", "select_own", "update_own"])
        #expect(table.map { $0 == Self.appendedThenNormalized($0) } == true)
    }

    /// `table` with its indexes and policies put back in reverse and normalized again.
    static func appendedThenNormalized(_ table: Table) -> Table {
        var catalog = Catalog(source: .drizzle)
        var shuffled = table
        shuffled.indexes.reverse()
        shuffled.policies.reverse()
        catalog.schemas = [Schema(name: "public", tables: [shuffled])]
        return catalog.normalized().schemas[0].tables[0]
    }
}
