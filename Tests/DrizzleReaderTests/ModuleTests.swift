import DrizzleReader
import SchemaModel
import Testing

/// Files and directories: imports, re-exports, renames, cycles, spreads from helper files, casing.
@Suite struct ModuleTests {
    static let project: [String: String] = [
        "app/db/schema/index.ts": """
        export * from './users';
        export { posts as blogPosts } from './posts';
        export * from "./enums";
        """,
        "app/db/schema/enums.ts": """
        import { pgEnum } from 'drizzle-orm/pg-core';
        import { ROLES } from '../constants';
        export const role = pgEnum('role', ROLES);
        """,
        "app/db/constants.ts": """
        export const ROLES = ['admin', 'member'] as const;
        export const NAME_LENGTH = 120;
        """,
        "app/db/schema/helpers.ts": """
        import { timestamp } from 'drizzle-orm/pg-core';
        export const timestamps = {
          createdAt: timestamp('created_at').notNull().defaultNow(),
        };
        """,
        "app/db/schema/users.ts": """
        import { pgTable, uuid, varchar } from 'drizzle-orm/pg-core';
        import { role as userRole } from './enums';
        import { timestamps } from './helpers';
        import { NAME_LENGTH } from '../constants.js';
        import * as posts from './posts';
        export const users = pgTable('users', {
          id: uuid('id').primaryKey(),
          name: varchar('name', { length: NAME_LENGTH }),
          role: userRole('role').default('member'),
          favoritePost: uuid('favorite_post').references(() => posts.posts.id),
          ...timestamps,
        });
        """,
        "app/db/schema/posts.ts": """
        import { pgTable, uuid } from 'drizzle-orm/pg-core';
        import { users as author } from './users';
        export const posts = pgTable('posts', {
          id: uuid('id').primaryKey(),
          authorId: uuid('author_id').references(() => author.id),
        });
        """,
        "app/db/schema/users.test.ts": "export const nope = pgTable('nope', {});",
        "app/db/schema/types.d.ts": "export declare const x: number;",
    ]

    @Test func followsImportsFromTheIndex() throws {
        let result = readDrizzle(ModuleTests.project, paths: ["app/db/schema/index.ts"])
        #expect(result.diagnostics.isEmpty)
        let users = try #require(result.table("users"))
        #expect(users.provenance == at(6, 22, "app/db/schema/users.ts"))
        #expect(users.columns.map(\.name) == ["id", "name", "role", "favorite_post", "created_at"])
        #expect(users.columns[1].type == .varchar(120))
        #expect(users.columns[2].type == SQLType("public.role"))
        #expect(users.columns[4].provenance == at(3, 3, "app/db/schema/helpers.ts"))
        #expect(users.foreignKeys.map(\.name) == ["users_favorite_post_posts_id_fk"])
        let posts = try #require(result.table("posts"))
        #expect(posts.foreignKeys.first?.referencedTable == QualifiedName(schema: "public", name: "users"))
        #expect(result.catalog.schema(named: "public")?.enums.map(\.labels) == [["admin", "member"]])
    }

    @Test func directoryInputSkipsTestsAndDeclarations() throws {
        let result = readDrizzle(ModuleTests.project, paths: ["app/db"])
        #expect(result.diagnostics.isEmpty)
        #expect(result.catalog.schema(named: "public")?.tables.map(\.name) == ["posts", "users"])
    }

    @Test func missingImportedFileIsReported() {
        let result = readDrizzle([
            "s.ts": """
            import { pgTable, integer } from 'drizzle-orm/pg-core';
            import { LEN } from './missing';
            export const t = pgTable('t', { a: integer('a').default(LEN) });
            """,
        ])
        #expect(result.messages == [
            "s.ts:2:21: warning: cannot find imported file './missing'",
            "s.ts:3:33: warning: cannot resolve the default of column 'a' in table 't'",
        ])
    }

    @Test func casingFromDrizzleConfig() throws {
        let files = [
            "web/drizzle.config.ts": """
            import { defineConfig } from 'drizzle-kit';
            export default defineConfig({ schema: './db/schema.ts', dialect: 'postgresql', casing: 'snake_case' });
            """,
            "web/db/schema.ts": """
            import { pgTable, uuid } from 'drizzle-orm/pg-core';
            export const t = pgTable('t', { ownerId: uuid() });
            """,
        ]
        let detected = readDrizzle(files, paths: ["web/db/schema.ts"])
        #expect(detected.table("t")?.columns.map(\.name) == ["owner_id"])
        let overridden = readDrizzle(files, paths: ["web/db/schema.ts"], casing: .camelCase)
        #expect(overridden.table("t")?.columns.map(\.name) == ["ownerId"])
    }

    @Test func casingFromDrizzleClientCall() throws {
        let result = readDrizzle([
            "db/index.ts": """
            import { drizzle } from 'drizzle-orm/node-postgres';
            import * as schema from './schema';
            export const db = drizzle(process.env.DATABASE_URL!, { schema, casing: 'snake_case' });
            """,
            "db/schema.ts": """
            import { pgTable, uuid } from 'drizzle-orm/pg-core';
            export const t = pgTable('t', { ownerId: uuid() });
            """,
        ], paths: ["db"])
        #expect(result.table("t")?.columns.map(\.name) == ["owner_id"])
    }

    @Test func withoutCasingKeysAreKept() {
        let result = readSchema("""
        import { pgTable, uuid } from 'drizzle-orm/pg-core';
        export const t = pgTable('t', { ownerId: uuid() });
        """)
        #expect(result.table("t")?.columns.map(\.name) == ["ownerId"])
    }

    @Test func importCyclesTerminate() {
        let result = readDrizzle([
            "a.ts": "export * from './b';\nexport const A = 1;\n",
            "b.ts": "export * from './a';\nimport { C } from './a';\nexport const B = C;\n",
        ])
        #expect(result.catalog.schemas.isEmpty)
    }

    @Test func nonExportedTablesAreNotCreated() {
        let result = readSchema("""
        import { pgTable, integer } from 'drizzle-orm/pg-core';
        const hidden = pgTable('hidden', { id: integer('id') });
        const shown = pgTable('shown', { id: integer('id') });
        export { shown };
        """)
        #expect(result.catalog.schema(named: "public")?.tables.map(\.name) == ["shown"])
    }
}

/// Helper functions that build columns and index lists, declared with `function` or as arrows.
@Suite struct HelperFunctionTests {
    @Test func columnAndIndexHelpers() throws {
        let result = readDrizzle([
            "db/helpers.ts": """
            import { uuid, timestamp, index, type AnyPgColumn } from 'drizzle-orm/pg-core';
            export const id = () => uuid('id').primaryKey().defaultRandom();
            export function timestamps(precision: number = 3) {
              const unused = 1;
              return {
                createdAt: timestamp('created_at', { precision }).notNull().defaultNow(),
              };
            }
            export function ownerIndexes<T extends { ownerId: AnyPgColumn }>(name: string, t: T) {
              return [index(`${name}_owner_idx`).on(t.ownerId)];
            }
            """,
            "db/schema.ts": """
            import { pgTable, uuid } from 'drizzle-orm/pg-core';
            import { id, timestamps, ownerIndexes } from './helpers';
            export const docs = pgTable('docs', {
              id: id(),
              ownerId: uuid('owner_id'),
              ...timestamps(6),
            }, (t) => [...ownerIndexes('docs', t)]);
            export const notes = pgTable('notes', { ...timestamps() });
            """,
        ], paths: ["db/schema.ts"])
        #expect(result.messages == [])
        let table = try #require(result.table("docs"))
        #expect(table.columns.map(\.name) == ["id", "owner_id", "created_at"])
        #expect(table.columns[0].defaultExpression == "gen_random_uuid()")
        #expect(table.columns[2].type == SQLType("timestamp without time zone", modifiers: ["6"]))
        #expect(table.columns[2].provenance == at(6, 5, "db/helpers.ts"))
        #expect(table.indexes.map(\.name) == ["docs_owner_idx"])
        #expect(table.primaryKey?.columns == ["id"])
        #expect(result.table("notes")?.columns.first?.type == SQLType("timestamp without time zone", modifiers: ["3"]))
    }
}
