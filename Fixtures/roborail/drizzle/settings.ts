// lib/db/schema/settings.ts
// Per-user UI preferences and RAG retrieval settings (one row per user each).
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  integer,
  pgPolicy,
  pgTable,
  real,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { authenticatedRole } from 'drizzle-orm/supabase';
import { users } from './users';

export const userPreferences = pgTable(
  'user_preferences',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    layout: text('layout').default('fullscreen'),
    promptSuggestions: boolean('prompt_suggestions').default(true),
    showToolInvocations: boolean('show_tool_invocations').default(true),
    showConversationPreviews: boolean('show_conversation_previews').default(true),
    multiModelEnabled: boolean('multi_model_enabled').default(false),
    hiddenModels: text('hidden_models').array().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    pgPolicy('user_preferences_owner_all', {
      for: 'all',
      to: authenticatedRole,
      using: sql`${t.userId} = auth.uid()`,
      withCheck: sql`${t.userId} = auth.uid()`,
    }),
  ],
);

export const userRetrievalSettings = pgTable(
  'user_retrieval_settings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .unique()
      .references(() => users.id, { onDelete: 'cascade' }),
    enableRetrieval: boolean('enable_retrieval').notNull().default(true),
    maxResults: integer('max_results').notNull().default(5),
    similarityThreshold: real('similarity_threshold').notNull().default(0.7),
    preferredSources: text('preferred_sources').array().notNull().default(sql`'{}'::text[]`),
    excludedSources: text('excluded_sources').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    check('user_retrieval_settings_max_results_check', sql`${t.maxResults} between 1 and 50`),
    check(
      'user_retrieval_settings_threshold_check',
      sql`${t.similarityThreshold} >= 0 and ${t.similarityThreshold} <= 1`,
    ),
    pgPolicy('user_retrieval_settings_owner_all', {
      for: 'all',
      to: authenticatedRole,
      using: sql`${t.userId} = auth.uid()`,
      withCheck: sql`${t.userId} = auth.uid()`,
    }),
  ],
);
