// shared/schema.ts
// Single source of truth for the Delula database (drizzle-kit reads this file).
import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  doublePrecision,
  index,
  integer,
  interval,
  jsonb,
  numeric,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { createInsertSchema } from 'drizzle-zod';
import { z } from 'zod';
import { ACCESS_ROLES } from './access-roles';
import { timestamps } from './columns';
import { DEFAULT_CREDITS, ID_LENGTH, SHORT_ID_LENGTH } from './config';
import { USER_TYPES } from './user-types';

export * from './assets';
export * from './components';

/** Tables that only record when a row was written. */
const auditColumns = {
  createdAt: timestamp('created_at').defaultNow().notNull(),
};

// ---------------------------------------------------------------------------
// Core tables
// ---------------------------------------------------------------------------

export const users = pgTable(
  'users',
  {
    id: varchar('id', { length: ID_LENGTH }).primaryKey(),
    email: varchar('email', { length: 255 }).unique(),
    firstName: varchar('first_name'),
    lastName: varchar('last_name'),
    profileImageUrl: varchar('profile_image_url'),
    handle: varchar('handle', { length: 32 }).unique('users_handle_key'),
    accountType: integer('account_type').notNull().default(USER_TYPES.GUEST), // System (1), Guest (2), Registered (3)
    accessRole: integer('access_role').notNull().default(ACCESS_ROLES.USER), // User (1), Test (2), Admin (3)
    credits: integer('credits').notNull().default(DEFAULT_CREDITS),
    currency: char('currency', { length: 3 }).notNull().default('USD'),
    emailDigest: char('email_digest').default('w'), // d(aily) / w(eekly) / n(ever)
    lastSeenAt: timestamp('last_seen_at'),
    lastCreditRefresh: timestamp('last_credit_refresh').default(sql`CURRENT_TIMESTAMP`),
    ...timestamps,
  },
  (t) => [
    index('idx_users_account_type').on(t.accountType),
    check('users_credits_non_negative', sql`${t.credits} >= 0`),
  ],
);

export const generations = pgTable(
  'generations',
  {
    id: serial('id').primaryKey(),
    shortId: varchar('short_id', { length: SHORT_ID_LENGTH }).notNull().unique(),
    userId: varchar('user_id', { length: ID_LENGTH })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // recipes is declared further down; the arrow defers the lookup
    recipeId: integer('recipe_id').references(() => recipes.id),
    recipeTitle: text('recipe_title'),
    type: text('type', { enum: ['image', 'video'] }).notNull(),
    status: text('status', { enum: ['pending', 'processing', 'completed', 'failed'] })
      .notNull()
      .default('pending'),
    prompt: text('prompt'),
    imageUrl: text('image_url'),
    videoUrl: text('video_url'),
    thumbnailUrl: text('thumbnail_url'),
    durationSeconds: doublePrecision('duration_seconds'),
    creditsCost: integer('credits_cost').notNull().default(0),
    falJobId: varchar('fal_job_id', { length: 128 }),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().default({}),
    errorMessage: text('error_message'),
    processingStartedAt: timestamp('processing_started_at'),
    refundedAt: timestamp('refunded_at'),
    ...timestamps,
  },
  (t) => [
    index('idx_generations_user_id').on(t.userId),
    index('idx_generations_status').on(t.status),
    index('idx_generations_user_created').on(t.userId, t.createdAt.desc()),
  ],
);

export const recipes = pgTable(
  'recipes',
  {
    id: serial('id').primaryKey(),
    name: varchar('name', { length: 255 }).notNull(),
    slug: varchar('slug', { length: 255 }).notNull().unique(),
    description: text('description'),
    prompt: text('prompt').notNull(),
    category: varchar('category', { length: 50 }),
    generationType: text('generation_type', { enum: ['video', 'image'] }).notNull().default('image'),
    workflowType: text('workflow_type', { enum: ['image', 'video', 'hybrid'] }).notNull().default('image'),
    creditCost: integer('credit_cost').notNull().default(1),
    tagHighlights: integer('tag_highlights').array().default([]), // references tags.id
    recipeSteps: jsonb('recipe_steps').notNull().default([]),
    previewImageUrl: text('preview_image_url'),
    isActive: boolean('is_active').notNull().default(true),
    usageCount: integer('usage_count').notNull().default(0),
    creatorId: varchar('creator_id', { length: ID_LENGTH }).references(() => users.id, {
      onDelete: 'set null',
    }),
    ...timestamps,
  },
  // older object form of the extras callback, still accepted by drizzle-orm
  (t) => ({
    categoryIdx: index('idx_recipes_category').on(t.category),
    activeIdx: index('idx_recipes_is_active').on(t.isActive),
  }),
);

export const tags = pgTable(
  'tags',
  {
    id: serial('id').primaryKey(),
    name: varchar('name', { length: 50 }).notNull().unique(),
    description: text('description'),
    color: varchar('color', { length: 7 }).default('#6B7280'),
    isActive: boolean('is_active').notNull().default(true),
    // hidden tags: `category:*` and `workflow:*`, never shown on cards
    isHidden: boolean('is_hidden').notNull().default(false),
    ...auditColumns,
  },
  (t) => ({
    isHiddenIdx: index('idx_tags_is_hidden').on(t.isHidden),
  }),
);

export const recipeUsage = pgTable('recipe_usage', {
  recipeId: integer('recipe_id')
    .primaryKey()
    .references(() => recipes.id, { onDelete: 'cascade' }),
  usageCount: integer('usage_count').notNull().default(0),
  lastUsedAt: timestamp('last_used_at'),
});

// ---------------------------------------------------------------------------
// Supporting tables
// ---------------------------------------------------------------------------

export const creditTransactions = pgTable(
  'credit_transactions',
  {
    id: serial('id').primaryKey(),
    userId: varchar('user_id', { length: ID_LENGTH })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    amount: integer('amount').notNull(),
    type: varchar('type', { length: 20 }).notNull(), // usage | refund | daily_refresh | purchase | bonus
    description: text('description'),
    generationId: integer('generation_id').references(() => generations.id, { onDelete: 'set null' }),
    balanceAfter: integer('balance_after'),
    ...auditColumns,
  },
  (t) => [
    index('idx_credit_transactions_user_id').on(t.userId),
    index('idx_credit_transactions_generation_id').on(t.generationId),
  ],
);

export const backlogVideos = pgTable(
  'backlog_videos',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity({ startWith: 1000 }),
    recipeId: integer('recipe_id')
      .notNull()
      .references(() => recipes.id, { onDelete: 'cascade' }),
    videoUrl: text('video_url').notNull(),
    thumbnailUrl: text('thumbnail_url'),
    duration: interval('duration', { fields: 'second', precision: 3 }),
    isUsed: boolean('is_used').notNull().default(false),
    usedAt: timestamp('used_at'),
    usedByGenerationId: integer('used_by_generation_id').references(() => generations.id, {
      onDelete: 'set null',
    }),
    ...auditColumns,
  },
  (t) => [index('idx_backlog_videos_recipe_unused').on(t.recipeId, t.isUsed)],
);

export const recipeSamples = pgTable(
  'recipe_samples',
  {
    id: serial('id').primaryKey(),
    recipeId: integer('recipe_id')
      .notNull()
      .references(() => recipes.id, { onDelete: 'cascade' }),
    generationId: integer('generation_id').references(() => generations.id, { onDelete: 'set null' }),
    mediaUrl: text('media_url').notNull(),
    thumbnailUrl: text('thumbnail_url'),
    mediaType: text('media_type', { enum: ['image', 'video'] }).notNull(),
    position: smallint('position').notNull().default(0),
    isFeatured: boolean('is_featured').notNull().default(false),
    ...auditColumns,
  },
  (t) => [unique('recipe_samples_recipe_position_unique').on(t.recipeId, t.position)],
);

export const providers = pgTable('providers', {
  id: serial().primaryKey(),
  name: varchar({ length: 100 }).notNull().unique(),
  baseUrl: text(),
  apiKeyEnvVar: varchar('api_key_env_var', { length: 100 }),
  isActive: boolean('is_active').notNull().default(true),
  config: jsonb('config').default({}),
  ...timestamps,
});

export const services = pgTable(
  'services',
  {
    id: serial('id').primaryKey(),
    providerId: integer('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    name: varchar('name', { length: 100 }).notNull(),
    endpoint: text('endpoint').notNull(),
    modelId: varchar('model_id', { length: 200 }),
    costPerCall: numeric('cost_per_call', { precision: 10, scale: 4 }).default('0'),
    creditCost: integer('credit_cost').notNull().default(1),
    timeoutSeconds: integer('timeout_seconds').notNull().default(300),
    monthlyBudget: bigint('monthly_budget_cents', { mode: 'number' }),
    isActive: boolean('is_active').notNull().default(true),
    ...timestamps,
  },
  (t) => [
    unique().on(t.providerId, t.name),
    unique('services_provider_model_unique').on(t.providerId, t.modelId).nullsNotDistinct(),
    uniqueIndex('idx_services_endpoint').on(t.endpoint),
  ],
);

// ---------------------------------------------------------------------------
// Relations (query builder only)
// ---------------------------------------------------------------------------

export const usersRelations = relations(users, ({ many }) => ({
  generations: many(generations),
  creditTransactions: many(creditTransactions),
}));

export const generationsRelations = relations(generations, ({ one }) => ({
  user: one(users, { fields: [generations.userId], references: [users.id] }),
  recipe: one(recipes, { fields: [generations.recipeId], references: [recipes.id] }),
}));

export const recipesRelations = relations(recipes, ({ one, many }) => ({
  usage: one(recipeUsage),
  samples: many(recipeSamples),
  backlog: many(backlogVideos),
}));

export const servicesRelations = relations(services, ({ one }) => ({
  provider: one(providers, { fields: [services.providerId], references: [providers.id] }),
}));

// ---------------------------------------------------------------------------
// Validation schemas and types
// ---------------------------------------------------------------------------

export const insertUserSchema = createInsertSchema(users).omit({ createdAt: true, updatedAt: true });
export const insertGenerationSchema = createInsertSchema(generations, {
  prompt: z.string().max(4000),
}).omit({ id: true, createdAt: true, updatedAt: true });
export const insertRecipeSchema = createInsertSchema(recipes).omit({ id: true });

export type User = typeof users.$inferSelect;
export type InsertUser = typeof users.$inferInsert;
export type Recipe = typeof recipes.$inferSelect;
export type InsertRecipe = typeof recipes.$inferInsert;
export type Generation = typeof generations.$inferSelect;
export type InsertGeneration = typeof generations.$inferInsert;
export type Tag = typeof tags.$inferSelect;
export type CreditTransaction = typeof creditTransactions.$inferSelect;
export type BacklogVideo = typeof backlogVideos.$inferSelect;
export type RecipeSample = typeof recipeSamples.$inferSelect;
export type Provider = typeof providers.$inferSelect;
export type Service = typeof services.$inferSelect;
