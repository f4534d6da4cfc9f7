// frontend/lib/db/schema/projects.ts
// Projects group crawl jobs; crawl jobs produce images.
// crawl_jobs and images have no user_id of their own: their policies reach the
// owner through projects with a subquery.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgTable,
  serial,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { authenticatedRole } from 'drizzle-orm/supabase';
import { profiles } from './profiles';

// Project organization
export const projects = pgTable(
  'projects',
  {
    id: serial('id').primaryKey(),
    name: varchar('name', { length: 100 }).notNull(),
    description: text('description'),
    userId: uuid('user_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    status: varchar('status', { length: 20 }).notNull().default('active'),
    createdAt: timestamp('created_at').notNull().defaultNow(),
    updatedAt: timestamp('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('projects_user_id_idx').on(t.userId),
    check('projects_status_check', sql`${t.status} in ('active', 'archived', 'deleted')`),
    pgPolicy('Users can manage own projects', {
      for: 'all',
      to: authenticatedRole,
      using: sql`(select auth.uid()) = ${t.userId}`,
      withCheck: sql`(select auth.uid()) = ${t.userId}`,
    }),
  ],
);

// Image crawling tasks with chunk tracking (Celery)
export const crawlJobs = pgTable(
  'crawl_jobs',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 100 }).notNull(),
    keywords: jsonb('keywords').notNull(),
    maxImages: integer('max_images').notNull().default(1000), // was 100
    status: varchar('status', { length: 20 }).notNull().default('pending'),
    progress: integer('progress').notNull().default(0),
    totalImages: integer('total_images').notNull().default(0),
    downloadedImages: integer('downloaded_images').notNull().default(0),
    validImages: integer('valid_images').notNull().default(0),
    // Chunk tracking (ChunkTrackingMixin on the backend)
    totalChunks: integer('total_chunks').notNull().default(0),
    activeChunks: integer('active_chunks').notNull().default(0),
    completedChunks: integer('completed_chunks').notNull().default(0),
    failedChunks: integer('failed_chunks').notNull().default(0),
    taskIds: jsonb('task_ids').$type<string[]>().notNull().default([]),
    startedAt: timestamp('started_at'),
    completedAt: timestamp('completed_at'),
    createdAt: timestamp('created_at').notNull().defaultNow(),
    updatedAt: timestamp('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('crawl_jobs_project_id_idx').on(t.projectId),
    index('crawl_jobs_status_idx').on(t.status),
    index('crawl_jobs_project_status_idx').on(t.projectId, t.status),
    check('crawl_jobs_progress_check', sql`${t.progress} >= 0 and ${t.progress} <= 100`),
    check('crawl_jobs_max_images_check', sql`${t.maxImages} > 0`),
    check(
      'crawl_jobs_chunks_check',
      sql`${t.activeChunks} >= 0 and ${t.completedChunks} >= 0 and ${t.failedChunks} >= 0`,
    ),
    pgPolicy('Users can manage jobs in own projects', {
      for: 'all',
      to: authenticatedRole,
      using: sql`exists (select 1 from ${projects} where ${projects.id} = ${t.projectId} and ${projects.userId} = (select auth.uid()))`,
      withCheck: sql`exists (select 1 from ${projects} where ${projects.id} = ${t.projectId} and ${projects.userId} = (select auth.uid()))`,
    }),
  ],
);

// Crawled image metadata
export const images = pgTable(
  'images',
  {
    id: serial('id').primaryKey(),
    crawlJobId: integer('crawl_job_id')
      .notNull()
      .references(() => crawlJobs.id, { onDelete: 'cascade' }),
    originalUrl: text('original_url').notNull(),
    filename: varchar('filename', { length: 255 }).notNull(),
    storageUrl: text('storage_url'),
    width: integer('width'),
    height: integer('height'),
    fileSize: bigint('file_size', { mode: 'number' }),
    format: varchar('format', { length: 10 }),
    hash: varchar('hash', { length: 64 }),
    isValid: boolean('is_valid').notNull().default(true),
    isDuplicate: boolean('is_duplicate').notNull().default(false),
    labels: jsonb('labels'),
    metadata: jsonb('metadata'),
    createdAt: timestamp('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('images_crawl_job_id_idx').on(t.crawlJobId),
    index('images_hash_idx').on(t.hash),
    pgPolicy('Users can view images from own crawl jobs', {
      for: 'select',
      to: authenticatedRole,
      using: sql`exists (select 1 from ${crawlJobs} join ${projects} on ${projects.id} = ${crawlJobs.projectId} where ${crawlJobs.id} = ${t.crawlJobId} and ${projects.userId} = (select auth.uid()))`,
    }),
  ],
);
