import DrizzleReader
import SchemaModel
import Testing

/// The third argument of `pgTable`: indexes, composite keys, unique constraints, foreign keys, checks.
@Suite struct TableExtrasTests {
    static let source = """
    import { pgTable, uuid, text, integer, timestamp, index, uniqueIndex, primaryKey, unique, foreignKey, check } from 'drizzle-orm/pg-core';
    import { sql } from 'drizzle-orm';
    export const members = pgTable('members', {
      orgId: uuid('org_id').notNull(),
      userId: uuid('user_id').notNull(),
      email: text('email'),
      rank: integer('rank'),
      createdAt: timestamp('created_at'),
    }, (t) => [
      primaryKey({ columns: [t.orgId, t.userId] }),
      index('members_created_idx').on(t.createdAt.desc().nullsLast(), t.rank.asc().nullsFirst()),
      index().on(t.email),
      uniqueIndex('members_lower_email_idx').on(sql`lower(${t.email})`),
      index('members_email_trgm').using('gin', t.email.op('gin_trgm_ops')),
      index('members_active_idx').on(t.userId).where(sql`${t.rank} > 0`),
      unique().on(t.orgId, t.email),
      unique('members_rank_key').on(t.orgId, t.rank).nullsNotDistinct(),
      foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id], name: 'members_org_fk' }).onDelete('cascade').onUpdate('restrict'),
      foreignKey({ columns: [t.userId], foreignColumns: [orgs.ownerId] }),
      check('members_rank_check', sql`${t.rank} between 0 and 10`),
    ]);
    export const orgs = pgTable('orgs', { id: uuid('id').primaryKey(), ownerId: uuid('owner_id') });
    """

    @Test func allExtras() throws {
        let result = readSchema(TableExtrasTests.source)
        #expect(result.diagnostics.isEmpty)
        let table = try #require(result.table("members"))
        #expect(table.primaryKey == PrimaryKey(name: "members_org_id_user_id_pk", columns: ["org_id", "user_id"], provenance: at(10, 3)))
        #expect(table.indexes == [
            TableIndex(name: "members_active_idx", keys: [TableIndex.Key(column: "user_id")],
                       predicate: "\"members\".\"rank\" > 0", provenance: at(15, 3)),
            TableIndex(name: "members_created_idx", keys: [
                TableIndex.Key(column: "created_at", descending: true, nullsFirst: false),
                TableIndex.Key(column: "rank", nullsFirst: true),
            ], provenance: at(11, 3)),
            TableIndex(name: "members_email_index", keys: [TableIndex.Key(column: "email")], provenance: at(12, 3)),
            TableIndex(name: "members_email_trgm", keys: [TableIndex.Key(column: "email", operatorClass: "gin_trgm_ops")],
                       method: "gin", provenance: at(14, 3)),
            TableIndex(name: "members_lower_email_idx", keys: [TableIndex.Key(expression: "lower(\"email\")")],
                       isUnique: true, provenance: at(13, 3)),
        ])
        #expect(table.uniqueConstraints == [
            UniqueConstraint(name: "members_org_id_email_unique", columns: ["org_id", "email"], provenance: at(16, 3)),
            UniqueConstraint(name: "members_rank_key", columns: ["org_id", "rank"], nullsNotDistinct: true, provenance: at(17, 3)),
        ])
        let orgs = QualifiedName(schema: "public", name: "orgs")
        #expect(table.foreignKeys == [
            ForeignKey(name: "members_org_fk", columns: ["org_id"], referencedTable: orgs, referencedColumns: ["id"],
                       onDelete: .cascade, onUpdate: .restrict, provenance: at(18, 3)),
            ForeignKey(name: "members_user_id_orgs_owner_id_fk", columns: ["user_id"], referencedTable: orgs,
                       referencedColumns: ["owner_id"], provenance: at(19, 3)),
        ])
        #expect(table.checks == [
            CheckConstraint(name: "members_rank_check", expression: "\"members\".\"rank\" between 0 and 10", provenance: at(20, 3)),
        ])
    }

    @Test func legacyObjectFormAndPositionalPrimaryKey() throws {
        let result = readSchema("""
        import { pgTable, integer, index, primaryKey } from 'drizzle-orm/pg-core';
        export const tags = pgTable('post_tags', {
          postId: integer('post_id'),
          tagId: integer('tag_id'),
        }, (table) => ({
          pk: primaryKey(table.postId, table.tagId),
          tagIdx: index('tag_idx').on(table.tagId),
        }));
        """)
        #expect(result.diagnostics.isEmpty)
        let table = try #require(result.table("post_tags"))
        #expect(table.primaryKey == PrimaryKey(name: "post_tags_post_id_tag_id_pk", columns: ["post_id", "tag_id"], provenance: at(6, 7)))
        #expect(table.columns.map(\.isNullable) == [false, false])
        #expect(table.indexes.map(\.name) == ["tag_idx"])
    }

    @Test func explicitPrimaryKeyName() throws {
        let result = readSchema("""
        import { pgTable, integer, primaryKey } from 'drizzle-orm/pg-core';
        export const t = pgTable('t', { a: integer('a'), b: integer('b') }, (t) => [primaryKey({ name: 't_custom_pk', columns: [t.a, t.b] })]);
        """)
        #expect(result.table("t")?.primaryKey?.name == "t_custom_pk")
    }

    @Test func expressionIndexWithoutNameIsReported() throws {
        let result = readSchema("""
        import { pgTable, text, index } from 'drizzle-orm/pg-core';
        import { sql } from 'drizzle-orm';
        export const t = pgTable('t', { e: text('e') }, (t) => [
          index().on(sql`lower(${t.e})`),
        ]);
        """)
        #expect(result.table("t")?.indexes.first?.name == nil)
        #expect(result.messages == ["schema.ts:4:3: warning: index on an expression in table 't' has no name; drizzle-kit requires one"])
    }

    @Test func extrasUsingKeyNamedColumnsWithSnakeCase() throws {
        let result = readSchema("""
        import { pgTable, uuid, index } from 'drizzle-orm/pg-core';
        export const t = pgTable('t', { ownerId: uuid() }, (t) => [index().on(t.ownerId)]);
        """, casing: .snakeCase)
        #expect(result.table("t")?.indexes.first?.name == "t_owner_id_index")
        #expect(result.table("t")?.indexes.first?.keys == [TableIndex.Key(column: "owner_id")])
    }
}

/// drizzle-orm's index column defaults: NULLS LAST everywhere, and nothing after an operator class.
@Suite struct IndexOrderTests {
    @Test func descendingDefaultsToNullsLastAndOpclassDropsOrder() throws {
        let result = readSchema("""
        import { pgTable, text, index } from 'drizzle-orm/pg-core';
        export const t = pgTable('t', { a: text('a'), b: text('b') }, (t) => [
          index('t_idx').on(t.a.desc(), t.b.desc().nullsFirst(), t.a.op('text_ops').desc()),
        ]);
        """)
        #expect(result.table("t")?.indexes.first?.keys == [
            TableIndex.Key(column: "a", descending: true, nullsFirst: false),
            TableIndex.Key(column: "b", descending: true),
            TableIndex.Key(column: "a", operatorClass: "text_ops"),
        ])
    }
}
