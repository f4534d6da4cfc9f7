// shared/assets.ts
// Asset library: user uploads (production), system and market assets (stubs).
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  json,
  jsonb,
  numeric,
  pgPolicy,
  pgTable,
  real,
  serial,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { ASSET_ID_LENGTH, ID_LENGTH } from './config';
// schema.ts re-exports this file; the cycle is fine because references are lazy
import { users as userTable } from './schema';

export type AssetDimensions = { width: number; height: number };

export const userAssets = pgTable(
  'user_assets',
  {
    id: serial('id').primaryKey(),
    assetId: varchar('asset_id', { length: ASSET_ID_LENGTH }).notNull().unique(),
    userId: varchar('user_id', { length: ID_LENGTH })
      .notNull()
      .references(() => userTable.id, { onDelete: 'cascade' }),
    originalFilename: varchar('original_filename', { length: 255 }).notNull(),
    displayName: varchar('display_name', { length: 255 }),
    normalizedName: varchar('normalized_name', { length: 255 }),
    s3Key: text('s3_key').notNull(),
    cdnUrl: text('cdn_url'),
    mimeType: varchar('mime_type', { length: 100 }).notNull(),
    fileSize: bigint('file_size', { mode: 'number' }).notNull(),
    assetType: varchar('asset_type', { length: 20 }).notNull(), // image | video | audio
    source: varchar('source', { length: 20 }).notNull().default('upload'),
    dimensions: jsonb('dimensions').$type<AssetDimensions>(),
    duration: real('duration'),
    userTags: text('user_tags').array().notNull().default(sql`ARRAY[]::text[]`),
    systemTags: text('system_tags').array().notNull().default(sql`ARRAY[]::text[]`),
    autoClassification: jsonb('auto_classification'),
    aiClassification: jsonb('ai_classification'),
    usageCount: integer('usage_count').notNull().default(0),
    lastUsedAt: timestamp('last_used_at'),
    isDeleted: boolean('is_deleted').notNull().default(false),
    deletedAt: timestamp('deleted_at'),
    ...timestamps,
  },
  (t) => [
    index('idx_user_assets_user_id').on(t.userId),
    index('idx_user_assets_normalized_name').on(t.userId, t.normalizedName),
    index('idx_user_assets_type').on(t.userId, t.assetType),
    index('idx_user_assets_live').on(t.userId, t.createdAt.desc()).where(sql`${t.isDeleted} = false`),
  ],
);

// STUB: table structure ready, implementation pending
export const systemAssets = pgTable('system_assets', {
  id: serial('id').primaryKey(),
  systemId: varchar('system_id', { length: 100 }).notNull(),
  assetId: varchar('asset_id', { length: ASSET_ID_LENGTH }).notNull().unique(),
  name: varchar('name', { length: 255 }).notNull(),
  url: text('url').notNull(),
  mimeType: varchar('mime_type', { length: 100 }),
  fileSize: bigint('file_size', { mode: 'bigint' }),
  dimensions: jsonb('dimensions').$type<AssetDimensions>(),
  tags: text('tags').array().default([]),
  metadata: jsonb('metadata').default({}),
  ...timestamps,
});

// STUB: shared marketplace content; the only table with RLS (anyone may read public rows)
export const marketAssets = pgTable(
  'market_assets',
  {
    id: serial('id').primaryKey(),
    creatorId: varchar('creator_id', { length: ID_LENGTH })
      .notNull()
      .references(() => userTable.id),
    assetId: varchar('asset_id', { length: ASSET_ID_LENGTH }).notNull().unique(),
    name: varchar('name', { length: 255 }).notNull(),
    url: text('url').notNull(),
    mimeType: varchar('mime_type', { length: 100 }),
    fileSize: integer('file_size'),
    dimensions: jsonb('dimensions').$type<AssetDimensions>(),
    tags: text('tags').array().default([]),
    metadata: json('metadata'),
    price: numeric('price', { precision: 10, scale: 2 }),
    isPublic: boolean('is_public').notNull().default(true),
    ...timestamps,
  },
  (t) => [
    pgPolicy('market_assets_public_read', {
      for: 'select',
      to: 'public',
      using: sql`${t.isPublic}`,
    }),
  ],
);

export type UserAsset = typeof userAssets.$inferSelect;
export type InsertUserAsset = typeof userAssets.$inferInsert;
export type SystemAsset = typeof systemAssets.$inferSelect;
export type InsertSystemAsset = typeof systemAssets.$inferInsert;
export type MarketAsset = typeof marketAssets.$inferSelect;
export type InsertMarketAsset = typeof marketAssets.$inferInsert;
