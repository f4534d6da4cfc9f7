// lib/db/schema/users.ts
// Users, including anonymous (guest) users who chat before signing up.
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { anonRole, authenticatedRole } from 'drizzle-orm/supabase';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: varchar('email', { length: 255 }),
    displayName: varchar('display_name', { length: 100 }),
    profileImage: text('profile_image'),
    anonymous: boolean('anonymous').notNull().default(false),
    premium: boolean('premium').notNull().default(false),
    // Daily message tracking
    messageCount: integer('message_count').notNull().default(0),
    dailyMessageCount: integer('daily_message_count').notNull().default(0),
    dailyReset: timestamp('daily_reset', { withTimezone: true }),
    dailyProMessageCount: integer('daily_pro_message_count').notNull().default(0),
    dailyProReset: timestamp('daily_pro_reset', { withTimezone: true }),
    favoriteModels: text('favorite_models').array().default(['gpt-4.1-nano']),
    systemPrompt: text('system_prompt'),
    lastActiveAt: timestamp('last_active_at', { withTimezone: true, precision: 3 }).defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex('users_email_idx').on(t.email),
    index('users_display_name_idx').on(t.displayName),
    index('users_last_active_at_idx').on(t.lastActiveAt.desc().nullsFirst()),
    index('users_anonymous_idx').on(t.anonymous),
    pgPolicy('users_select_own', {
      for: 'select',
      to: authenticatedRole,
      using: sql`${t.id} = auth.uid()`,
    }),
    pgPolicy('users_update_own', {
      for: 'update',
      to: authenticatedRole,
      using: sql`${t.id} = auth.uid()`,
      withCheck: sql`${t.id} = auth.uid()`,
    }),
    // Guests get a row of their own before they sign up.
    pgPolicy('users_insert_guest', {
      for: 'insert',
      to: [anonRole, authenticatedRole],
      withCheck: sql`${t.anonymous} = true`,
    }),
  ],
);
