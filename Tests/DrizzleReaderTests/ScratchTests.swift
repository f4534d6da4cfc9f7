import Testing
import DrizzleReader
import SchemaModel

@Suite struct ScratchTests {
    @Test func dump() {
        let r = readSchema("""
        import { pgTable, uuid, varchar, text, boolean, timestamp, integer, serial, pgEnum, index, uniqueIndex, jsonb, numeric, primaryKey, unique, check, pgPolicy, foreignKey } from 'drizzle-orm/pg-core';
        import { sql, eq } from 'drizzle-orm';
        import { authenticatedRole, authUid } from 'drizzle-orm/supabase';
        const ID_LENGTH = 21;
        export const STATUSES = ['active', 'revoked'] as const;
        export const status = pgEnum('status', STATUSES);
        const timestamps = {
          createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
          updatedAt: timestamp('updated_at').$onUpdate(() => new Date()),
        };
        export const profiles = pgTable('profiles', {
          id: uuid('id').primaryKey().defaultRandom(),
          email: varchar('email', { length: 255 }).notNull().unique(),
          role: varchar('role', { length: ID_LENGTH }).notNull().default('user'),
          done: boolean('done').notNull().default(false),
          perms: jsonb('perms').default([]),
          n: serial('n'),
          st: status('st').default('active'),
          amount: numeric('amount', { precision: 10, scale: 2 }),
          parentId: uuid('parent_id').references((): AnyPgColumn => profiles.id, { onDelete: 'cascade' }),
          ...timestamps,
        }, (t) => [
          index('profiles_email_idx').on(t.email),
          uniqueIndex().on(t.role, t.done.desc()),
          check('amount_positive', sql`${t.amount} > 0`),
          pgPolicy('own', { for: 'select', to: authenticatedRole, using: eq(t.id, authUid) }),
        ]);
        """)
        for d in r.diagnostics { print(d) }
        print(r.catalog)
    }
}
