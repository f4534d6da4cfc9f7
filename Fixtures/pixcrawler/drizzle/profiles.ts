// frontend/lib/db/schema/profiles.ts
// User profiles table (extends Supabase auth.users).
// The Drizzle schema is the single source of truth; backend/database/models.py follows it.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { authenticatedRole, authUid, authUsers } from 'drizzle-orm/supabase';

export const profiles = pgTable(
  'profiles',
  {
    id: uuid('id')
      .primaryKey()
      .references(() => authUsers.id, { onDelete: 'cascade' }), // References auth.users.id
    email: varchar('email', { length: 255 }).notNull().unique(),
    fullName: varchar('full_name', { length: 100 }),
    avatarUrl: text('avatar_url'),
    role: varchar('role', { length: 20 }).notNull().default('user'),
    onboardingCompleted: boolean('onboarding_completed').notNull().default(false),
    onboardingCompletedAt: timestamp('onboarding_completed_at'),
    createdAt: timestamp('created_at').notNull().defaultNow(),
    updatedAt: timestamp('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('profiles_role_check', sql`${t.role} in ('user', 'admin')`),
    pgPolicy('Users can view own profile', {
      for: 'select',
      to: authenticatedRole,
      using: sql`${authUid} = ${t.id}`,
    }),
    pgPolicy('Users can update own profile', {
      for: 'update',
      to: authenticatedRole,
      using: sql`${authUid} = ${t.id}`,
      withCheck: sql`${authUid} = ${t.id}`,
    }),
    pgPolicy('Users can insert own profile', {
      for: 'insert',
      to: authenticatedRole,
      withCheck: sql`${authUid} = ${t.id}`,
    }),
  ],
);
