import DrizzleReader
import SchemaModel
import Testing

/// Enums, schemas, table-name prefixes, views and sequences.
@Suite struct SchemaObjectTests {
    @Test func enumsFromArraysConstantsAndTypeScriptEnums() throws {
        let result = readSchema("""
        import { pgEnum, pgSchema } from 'drizzle-orm/pg-core';
        export const STATUSES = ['pending', 'done'] as const satisfies readonly string[];
        export enum Mood { Happy = 'happy', Sad = 'sad' }
        export const status = pgEnum('status', STATUSES);
        export const mood = pgEnum('mood', Mood);
        export const kind = pgEnum('kind', Object.values(Mood) as [string, ...string[]]);
        export const inline = pgEnum("inline", ["a", "b", "c"]);
        export const shop = pgSchema('shop');
        export const currency = shop.enum('currency', ['usd', 'eur']);
        """)
        #expect(result.diagnostics.isEmpty)
        let publicEnums = try #require(result.catalog.schema(named: "public")?.enums)
        #expect(publicEnums == [
            EnumType(schema: "public", name: "inline", labels: ["a", "b", "c"], provenance: at(7, 23)),
            EnumType(schema: "public", name: "kind", labels: ["happy", "sad"], provenance: at(6, 21)),
            EnumType(schema: "public", name: "mood", labels: ["happy", "sad"], provenance: at(5, 21)),
            EnumType(schema: "public", name: "status", labels: ["pending", "done"], provenance: at(4, 23)),
        ])
        #expect(result.catalog.schema(named: "shop")?.enums == [
            EnumType(schema: "shop", name: "currency", labels: ["usd", "eur"], provenance: at(9, 25)),
        ])
    }

    @Test func schemaTablesAndTableCreatorPrefix() throws {
        let result = readSchema("""
        import { pgSchema, pgTableCreator, integer } from 'drizzle-orm/pg-core';
        const createTable = pgTableCreator((name) => `app_${name}`);
        export const posts = createTable('posts', { id: integer('id').primaryKey() });
        export const analytics = pgSchema('analytics');
        export const events = analytics.table('events', { id: integer('id').primaryKey(), postId: integer('post_id').references(() => posts.id) });
        """)
        #expect(result.diagnostics.isEmpty)
        let posts = try #require(result.table("app_posts"))
        #expect(posts.provenance == at(3, 22))
        #expect(posts.primaryKey?.name == "app_posts_pkey")
        let events = try #require(result.table("events", schema: "analytics"))
        #expect(events.provenance == at(5, 23))
        #expect(events.foreignKeys.first?.referencedTable == QualifiedName(schema: "public", name: "app_posts"))
        #expect(events.foreignKeys.first?.name == "events_post_id_app_posts_id_fk")
    }

    @Test func quotedPascalCaseTableName() throws {
        let result = readSchema("""
        import { pgTable, text } from 'drizzle-orm/pg-core';
        export const users = pgTable("User", { Name: text() });
        """)
        #expect(result.table("User")?.columns.map(\.name) == ["Name"])
    }

    @Test func viewsAndSequences() throws {
        let result = readSchema("""
        import { pgTable, pgView, pgMaterializedView, pgSequence, pgSchema, integer } from 'drizzle-orm/pg-core';
        import { sql } from 'drizzle-orm';
        export const orders = pgTable('orders', { id: integer('id') });
        export const recent = pgView('recent_orders').with({ securityInvoker: true }).as(sql`select * from ${orders}`);
        export const totals = pgMaterializedView('order_totals', { n: integer('n') }).existing();
        export const orderSeq = pgSequence('order_seq', { startWith: 100 });
        export const reporting = pgSchema('reporting');
        export const daily = reporting.view('daily').as(sql`select 1`);
        """)
        let schema = try #require(result.catalog.schema(named: "public"))
        #expect(schema.views == [
            View(name: "order_totals", isMaterialized: true, provenance: at(5, 23)),
            View(name: "recent_orders", definition: "select * from \"orders\"", provenance: at(4, 23)),
        ])
        #expect(schema.sequences == [SchemaSequence(name: "order_seq", provenance: at(6, 25))])
        #expect(result.catalog.schema(named: "reporting")?.views.map(\.name) == ["daily"])
    }

    @Test func catalogStatesWhatDrizzleCannot() {
        let result = readSchema("export const x = 1;\n")
        #expect(result.catalog.source == .drizzle)
        #expect(result.catalog.notStated == [.trigger, .comment, .forceRowLevelSecurity])
        #expect(result.catalog.schemas.isEmpty)
    }

    @Test func relationsAndTypeExportsAreIgnoredQuietly() throws {
        let result = readSchema("""
        import { pgTable, integer } from 'drizzle-orm/pg-core';
        import { relations, type InferSelectModel } from 'drizzle-orm';
        import { createInsertSchema } from 'drizzle-zod';
        export const a = pgTable('a', { id: integer('id').primaryKey() });
        export const aRelations = relations(a, ({ many }) => ({ items: many(a) }));
        export type A = typeof a.$inferSelect;
        export type NewA = InferSelectModel<typeof a>;
        export interface Shape { id: number; nested: { deep: string[] } }
        export const insertA = createInsertSchema(a);
        export function helper<T>(x: T): T { return x; }
        """)
        #expect(result.diagnostics.isEmpty)
        #expect(result.catalog.tableCount == 1)
    }
}
