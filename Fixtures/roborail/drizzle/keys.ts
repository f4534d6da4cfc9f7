// lib/db/schema/keys.ts
// Encrypted user API keys (bring your own key) and their audit trail.
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  inet,
  jsonb,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { authenticatedRole, serviceRole } from 'drizzle-orm/supabase';
import { providerEnum } from './enums';
import { users } from './users';

export const userKeys = pgTable(
  'user_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: providerEnum('provider').notNull(),
    encryptedKey: text('encrypted_key').notNull(),
    iv: text('iv').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    unique('user_keys_user_provider_unique').on(t.userId, t.provider),
    index('user_keys_user_id_idx').on(t.userId),
    index('user_keys_provider_idx').on(t.provider),
    pgPolicy('user_keys_owner_all', {
      for: 'all',
      to: authenticatedRole,
      using: sql`${t.userId} = auth.uid()`,
      withCheck: sql`${t.userId} = auth.uid()`,
    }),
  ],
);

/** @deprecated legacy alias kept for older imports; same table as userKeys */
export const apiKeys = userKeys;

export const apiKeyAuditLog = pgTable(
  'api_key_audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: providerEnum('provider').notNull(),
    action: varchar('action', { length: 32 }).notNull(), // created | updated | deleted | used | rotated
    ipAddress: inet('ip_address'),
    userAgent: text('user_agent'),
    success: boolean('success').notNull().default(true),
    errorMessage: text('error_message'),
    metadata: jsonb('metadata').default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('api_key_audit_log_user_id_idx').on(t.userId),
    index('api_key_audit_log_provider_idx').on(t.provider),
    index('api_key_audit_log_action_idx').on(t.action),
    index('api_key_audit_log_created_at_idx').on(t.createdAt),
    index('api_key_audit_log_success_idx').on(t.success),
    pgPolicy('api_key_audit_log_select_own', {
      for: 'select',
      to: authenticatedRole,
      using: sql`${t.userId} = auth.uid()`,
    }),
    pgPolicy('api_key_audit_log_service_insert', {
      for: 'insert',
      to: serviceRole,
      withCheck: sql`true`,
    }),
  ],
).enableRLS();
