// frontend/lib/db/schema/api-keys.ts
// Programmatic access management with security features.
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgTable,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { authenticatedRole, authUid } from 'drizzle-orm/supabase';
import { profiles } from './profiles';

export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 200 }).notNull(),
    keyHash: varchar('key_hash', { length: 255 }).notNull().unique(), // hashed API key
    keyPrefix: varchar('key_prefix', { length: 20 }).notNull(), // prefix for identification
    status: varchar('status', { length: 20 }).notNull().default('active'), // active/revoked/expired
    permissions: jsonb('permissions').$type<string[]>().notNull().default([]),
    rateLimit: integer('rate_limit').notNull().default(1000), // requests per hour
    usageCount: integer('usage_count').notNull().default(0),
    lastUsedAt: timestamp('last_used_at'),
    lastUsedIp: varchar('last_used_ip', { length: 45 }), // IPv6 compatible
    expiresAt: timestamp('expires_at'),
    createdAt: timestamp('created_at').notNull().defaultNow(),
    updatedAt: timestamp('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('api_keys_user_id_idx').on(t.userId),
    index('api_keys_status_idx').on(t.status),
    check('api_keys_status_check', sql`${t.status} in ('active', 'revoked', 'expired')`),
    check('api_keys_rate_limit_check', sql`${t.rateLimit} > 0`),
    pgPolicy('Users can view own API keys', {
      for: 'select',
      to: authenticatedRole,
      using: sql`${authUid} = ${t.userId}`,
    }),
    pgPolicy('Users can create own API keys', {
      for: 'insert',
      to: authenticatedRole,
      withCheck: sql`${authUid} = ${t.userId}`,
    }),
    pgPolicy('Users can update own API keys', {
      for: 'update',
      to: authenticatedRole,
      using: sql`${authUid} = ${t.userId}`,
    }),
    pgPolicy('Users can delete own API keys', {
      for: 'delete',
      to: authenticatedRole,
      using: sql`${authUid} = ${t.userId}`,
    }),
  ],
);
