import DrizzleReader
import SchemaModel
import Testing

/// Nullability, defaults, keys, references, identity and generated columns declared on a column.
@Suite struct ColumnModifierTests {
    struct DefaultCase: Sendable, CustomTestStringConvertible {
        var column: String
        var expected: String
        var testDescription: String { column }
    }

    static let defaults: [DefaultCase] = [
        DefaultCase(column: "varchar('c', { length: 20 }).default('user')", expected: "'user'"),
        DefaultCase(column: "text('c').default(\"it's\")", expected: "'it''s'"),
        DefaultCase(column: "integer('c').default(0)", expected: "0"),
        DefaultCase(column: "integer('c').default(-5)", expected: "-5"),
        DefaultCase(column: "real('c').default(0.5)", expected: "0.5"),
        DefaultCase(column: "boolean('c').default(false)", expected: "false"),
        DefaultCase(column: "boolean('c').default(true)", expected: "true"),
        DefaultCase(column: "jsonb('c').default([])", expected: "'[]'::jsonb"),
        DefaultCase(column: "jsonb('c').default({})", expected: "'{}'::jsonb"),
        DefaultCase(column: "json('c').default({ a: 1, b: ['x', true, null] })", expected: "'{\"a\":1,\"b\":[\"x\",true,null]}'::json"),
        DefaultCase(column: "text('c').array().default(['a', 'b'])", expected: "'{\"a\",\"b\"}'"),
        DefaultCase(column: "integer('c').array().default([1, 2])", expected: "'{1,2}'"),
        DefaultCase(column: "timestamp('c').defaultNow()", expected: "now()"),
        DefaultCase(column: "uuid('c').defaultRandom()", expected: "gen_random_uuid()"),
        DefaultCase(column: "timestamp('c').default(sql`CURRENT_TIMESTAMP`)", expected: "CURRENT_TIMESTAMP"),
        DefaultCase(column: "text('c').default(sql`'{}'::text[]`)", expected: "'{}'::text[]"),
        DefaultCase(column: "integer('c').default(LIMIT)", expected: "100"),
        DefaultCase(column: "varchar('c').default(Role.Admin)", expected: "'admin'"),
    ]

    static let header = """
    import { pgTable, integer, text, varchar, boolean, jsonb, json, real, timestamp, uuid } from 'drizzle-orm/pg-core';
    import { sql } from 'drizzle-orm';
    const LIMIT = 100;
    enum Role { Admin = 'admin', User = 'user' }
    """

    @Test(arguments: defaults)
    func defaultValue(_ c: DefaultCase) throws {
        let result = readSchema(ColumnModifierTests.header + "\nexport const t = pgTable('t', { c: \(c.column) });\n")
        #expect(result.diagnostics.isEmpty)
        let column = try #require(result.table("t")?.columns.first)
        #expect(column.defaultExpression == c.expected)
        #expect(column.notStated.isEmpty)
    }

    @Test func unresolvableDefaultIsNotStated() throws {
        let result = readSchema("""
        import { pgTable, integer } from 'drizzle-orm/pg-core';
        import { LIMIT } from '@acme/config';
        export const t = pgTable('t', {
          c: integer('c').default(LIMIT),
        });
        """)
        let column = try #require(result.table("t")?.columns.first)
        #expect(column.defaultExpression == nil)
        #expect(column.notStated == [.columnDefault])
        #expect(result.messages == ["schema.ts:4:3: warning: cannot resolve the default of column 'c' in table 't'"])
    }

    @Test func unresolvableLengthIsNotStated() throws {
        let result = readSchema("""
        import { pgTable, varchar } from 'drizzle-orm/pg-core';
        import { ID_LENGTH } from '~/constants';
        export const t = pgTable('t', {
          id: varchar('id', { length: ID_LENGTH }).primaryKey(),
        });
        """)
        let column = try #require(result.table("t")?.columns.first)
        #expect(column.type == .varchar())
        #expect(column.notStated == [.columnType])
        #expect(result.messages == ["schema.ts:4:3: warning: cannot resolve 'length' of column 'id' in table 't'"])
    }

    @Test func nullabilityAndPrimaryKey() throws {
        let result = readSchema("""
        import { pgTable, uuid, text } from 'drizzle-orm/pg-core';
        export const notes = pgTable('notes', {
          id: uuid('id').primaryKey(),
          body: text('body').notNull(),
          title: text('title'),
        });
        """)
        let table = try #require(result.table("notes"))
        #expect(table.columns.map(\.isNullable) == [false, false, true])
        #expect(table.primaryKey == PrimaryKey(name: "notes_pkey", columns: ["id"], provenance: at(2, 22)))
        #expect(table.provenance == at(2, 22))
    }

    @Test func columnUnique() throws {
        let result = readSchema("""
        import { pgTable, varchar } from 'drizzle-orm/pg-core';
        export const users = pgTable('users', {
          email: varchar('email', { length: 255 }).notNull().unique(),
          handle: varchar('handle').unique('users_handle_key'),
          phone: varchar('phone').unique('phone_uq', { nulls: 'not distinct' }),
        });
        """)
        let table = try #require(result.table("users"))
        #expect(table.uniqueConstraints == [
            UniqueConstraint(name: "phone_uq", columns: ["phone"], nullsNotDistinct: true, provenance: at(5, 3)),
            UniqueConstraint(name: "users_email_unique", columns: ["email"], provenance: at(3, 3)),
            UniqueConstraint(name: "users_handle_key", columns: ["handle"], provenance: at(4, 3)),
        ])
    }

    @Test func referencesAcrossTablesAndSelf() throws {
        let result = readSchema("""
        import { pgTable, uuid, integer, type AnyPgColumn } from 'drizzle-orm/pg-core';
        export const comments = pgTable('comments', {
          id: uuid('id').primaryKey(),
          postId: integer('post_id').notNull().references(() => posts.id, { onDelete: 'cascade', onUpdate: 'no action' }),
          parentId: uuid('parent_id').references((): AnyPgColumn => comments.id, { onDelete: 'set null' }),
        });
        export const posts = pgTable('posts', { id: integer('id').primaryKey() });
        """)
        let table = try #require(result.table("comments"))
        #expect(table.foreignKeys == [
            ForeignKey(name: "comments_parent_id_comments_id_fk", columns: ["parent_id"],
                       referencedTable: QualifiedName(schema: "public", name: "comments"), referencedColumns: ["id"],
                       onDelete: .setNull, provenance: at(5, 3)),
            ForeignKey(name: "comments_post_id_posts_id_fk", columns: ["post_id"],
                       referencedTable: QualifiedName(schema: "public", name: "posts"), referencedColumns: ["id"],
                       onDelete: .cascade, provenance: at(4, 3)),
        ])
    }

    @Test func longForeignKeyNameIsTruncatedTo63Bytes() throws {
        let result = readSchema("""
        import { pgTable, uuid } from 'drizzle-orm/pg-core';
        export const notificationPreferences = pgTable('notification_preferences', {
          userId: uuid('user_id').references(() => organizationMemberships.membershipId),
        });
        export const organizationMemberships = pgTable('organization_memberships', { membershipId: uuid('membership_id') });
        """)
        let fk = try #require(result.table("notification_preferences")?.foreignKeys.first)
        #expect(fk.name == "notification_preferences_user_id_organization_memberships_membe")
        #expect(fk.name?.utf8.count == 63)
    }

    @Test func referenceToSupabaseAuthUsers() throws {
        let result = readSchema("""
        import { pgTable, uuid } from 'drizzle-orm/pg-core';
        import { authUsers } from 'drizzle-orm/supabase';
        export const profiles = pgTable('profiles', {
          id: uuid('id').primaryKey().references(() => authUsers.id, { onDelete: 'cascade' }),
        });
        """)
        let fk = try #require(result.table("profiles")?.foreignKeys.first)
        #expect(fk.referencedTable == QualifiedName(schema: "auth", name: "users"))
        #expect(fk.name == "profiles_id_users_id_fk")
        #expect(fk.onDelete == .cascade)
    }

    @Test func identityColumns() throws {
        let result = readSchema("""
        import { pgTable, integer, bigint } from 'drizzle-orm/pg-core';
        export const t = pgTable('t', {
          a: integer('a').generatedAlwaysAsIdentity({ startWith: 1000, increment: 2, cache: 10, cycle: true }),
          b: bigint('b', { mode: 'number' }).generatedByDefaultAsIdentity(),
        });
        """)
        let table = try #require(result.table("t"))
        #expect(table.columns[0].identity == Identity(generation: .always, start: 1000, increment: 2, cache: 10, cycle: true))
        #expect(table.columns[1].identity == Identity(generation: .byDefault))
        #expect(table.columns.map(\.isNullable) == [false, false])
    }

    @Test func generatedColumn() throws {
        let result = readSchema("""
        import { pgTable, text, tsvector } from 'drizzle-orm/pg-core';
        import { sql } from 'drizzle-orm';
        export const docs = pgTable('docs', {
          body: text('body'),
          search: tsvector('search').generatedAlwaysAs((): SQL => sql`to_tsvector('english', ${docs.body})`),
          upper: text('upper').generatedAlwaysAs(sql`upper(body)`),
        });
        """)
        let table = try #require(result.table("docs"))
        #expect(table.columns[1].generatedExpression == "to_tsvector('english', \"docs\".\"body\")")
        #expect(table.columns[2].generatedExpression == "upper(body)")
    }

    @Test func clientSideDefaults() throws {
        let result = readSchema("""
        import { pgTable, text, timestamp, jsonb } from 'drizzle-orm/pg-core';
        import { createId } from '@paralleldrive/cuid2';
        export const t = pgTable('t', {
          id: text('id').primaryKey().$defaultFn(() => createId()),
          updatedAt: timestamp('updated_at').defaultNow().$onUpdate(() => new Date()),
          tags: jsonb('tags').$type<string[]>().notNull(),
        });
        """)
        #expect(result.diagnostics.isEmpty)
        let table = try #require(result.table("t"))
        #expect(table.columns[0].clientDefault == "$defaultFn(() => createId())")
        #expect(table.columns[0].defaultExpression == nil)
        #expect(table.columns[1].clientDefault == "$onUpdate(() => new Date())")
        #expect(table.columns[1].defaultExpression == "now()")
        #expect(table.columns[2].clientDefault == nil)
        #expect(table.columns[2].isNullable == false)
    }

    @Test func serialInOtherSchemaQualifiesSequence() throws {
        let result = readSchema("""
        import { pgSchema, serial } from 'drizzle-orm/pg-core';
        export const app = pgSchema('app');
        export const jobs = app.table('jobs', { id: serial('id').primaryKey() });
        """)
        let column = try #require(result.table("jobs", schema: "app")?.columns.first)
        #expect(column.defaultExpression == "nextval('app.jobs_id_seq'::regclass)")
    }
}
