// shared/components.ts
// Component registry: reusable processing steps, their typed input/output
// channels, usage analytics and the dependency graph between components.
import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  unique,
  varchar,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { ID_LENGTH } from './config';
import { users as appUsers } from './schema';

export const componentRegistry = pgTable(
  'component_registry',
  {
    id: serial('id').primaryKey(),
    componentId: varchar('component_id', { length: 100 }).notNull().unique(), // e.g. "get-frames-from-video"
    name: varchar('name', { length: 255 }).notNull(),
    version: varchar('version', { length: 20 }).notNull().default('1.0.0'),
    description: text('description'),
    category: varchar('category', { length: 50 }).notNull(),
    tags: text('tags').array().default([]),
    creditCost: integer('credit_cost').notNull().default(0),
    estimatedProcessingTime: integer('estimated_processing_time'), // milliseconds
    isActive: boolean('is_active').notNull().default(true),
    ...timestamps,
  },
  (t) => [
    index('idx_component_registry_category').on(t.category),
    index('idx_component_registry_is_active').on(t.isActive),
  ],
);

export const componentInputChannels = pgTable(
  'component_input_channels',
  {
    id: serial('id').primaryKey(),
    componentId: varchar('component_id', { length: 100 })
      .notNull()
      .references(() => componentRegistry.componentId, { onDelete: 'cascade', onUpdate: 'cascade' }),
    channelId: varchar('channel_id', { length: 100 }).notNull(),
    channelName: varchar('channel_name', { length: 255 }).notNull(),
    type: varchar('type', { length: 50 }).notNull(),
    position: integer('position').notNull().default(0),
    validationRules: jsonb('validation_rules'),
    defaultValue: jsonb('default_value'),
    isRequired: boolean('is_required').notNull().default(true),
    createdAt: timestamp('created_at').defaultNow().notNull(),
  },
  (t) => [
    unique('component_input_channels_component_channel_unique').on(t.componentId, t.channelId),
    index('idx_component_input_channels_component_id').on(t.componentId),
    index('idx_component_input_channels_position').on(t.componentId, t.position),
  ],
);

export const componentOutputChannels = pgTable(
  'component_output_channels',
  {
    id: serial('id').primaryKey(),
    componentId: varchar('component_id', { length: 100 }).notNull(),
    channelId: varchar('channel_id', { length: 100 }).notNull(),
    channelName: varchar('channel_name', { length: 255 }).notNull(),
    type: varchar('type', { length: 50 }).notNull(),
    metadata: jsonb('metadata'), // output format and structure
    createdAt: timestamp('created_at').defaultNow().notNull(),
  },
  (t) => [
    // no name given: drizzle-kit's generated name is longer than 63 bytes
    foreignKey({
      columns: [t.componentId],
      foreignColumns: [componentRegistry.componentId],
    })
      .onDelete('cascade')
      .onUpdate('cascade'),
    unique().on(t.componentId, t.channelId),
    index('idx_component_output_channels_component_id').on(t.componentId),
  ],
);

export const componentUsage = pgTable(
  'component_usage',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    componentId: varchar('component_id', { length: 100 })
      .notNull()
      .references(() => componentRegistry.componentId),
    userId: varchar('user_id', { length: ID_LENGTH }).references(() => appUsers.id, {
      onDelete: 'set null',
    }),
    executionId: varchar('execution_id', { length: 100 }),
    inputData: jsonb('input_data'),
    outputData: jsonb('output_data'),
    success: boolean('success').notNull(),
    executionTime: integer('execution_time'), // milliseconds
    errorMessage: text('error_message'),
    createdAt: timestamp('created_at', { mode: 'string' }).defaultNow().notNull(),
  },
  (t) => [
    index('idx_component_usage_component_id').on(t.componentId),
    index('idx_component_usage_user_id').on(t.userId),
    index('idx_component_usage_created_at').on(t.createdAt),
    index('idx_component_usage_component_success').on(t.componentId, t.success),
  ],
);

export const componentDependencies = pgTable(
  'component_dependencies',
  {
    id: serial('id').primaryKey(),
    componentId: varchar('component_id', { length: 100 })
      .notNull()
      .references(() => componentRegistry.componentId, { onDelete: 'cascade' }),
    dependsOnComponentId: varchar('depends_on_component_id', { length: 100 })
      .notNull()
      .references(() => componentRegistry.componentId, { onDelete: 'cascade' }),
    dependencyType: varchar('dependency_type', { length: 50 }).notNull().default('required'),
    description: text('description'),
    ...timestamps,
  },
  (t) => ({
    uniqueDependency: unique().on(t.componentId, t.dependsOnComponentId),
    noSelfDependency: check(
      'component_dependencies_no_self_check',
      sql`${t.componentId} <> ${t.dependsOnComponentId}`,
    ),
    componentIdx: index('idx_component_dependencies_component_id').on(t.componentId),
    dependsOnIdx: index('idx_component_dependencies_depends_on').on(t.dependsOnComponentId),
  }),
);

export const componentRegistryRelations = relations(componentRegistry, ({ many }) => ({
  inputs: many(componentInputChannels),
  outputs: many(componentOutputChannels),
  usage: many(componentUsage),
}));

export type ComponentRegistry = typeof componentRegistry.$inferSelect;
export type InsertComponentRegistry = typeof componentRegistry.$inferInsert;
export type ComponentInputChannel = typeof componentInputChannels.$inferSelect;
export type InsertComponentInputChannel = typeof componentInputChannels.$inferInsert;
export type ComponentOutputChannel = typeof componentOutputChannels.$inferSelect;
export type InsertComponentOutputChannel = typeof componentOutputChannels.$inferInsert;
export type ComponentUsage = typeof componentUsage.$inferSelect;
export type InsertComponentUsage = typeof componentUsage.$inferInsert;
export type ComponentDependency = typeof componentDependencies.$inferSelect;
export type InsertComponentDependency = typeof componentDependencies.$inferInsert;
