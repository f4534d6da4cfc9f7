// frontend/lib/db/schema/usage.ts
// Daily user activity and resource usage tracking: one row per user and day.
import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  numeric,
  pgPolicy,
  pgTable,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { authenticatedRole, authUid } from 'drizzle-orm/supabase';
import { profiles } from './profiles';

export const usageMetrics = pgTable(
  'usage_metrics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    metricDate: date('metric_date').notNull(),
    imagesProcessed: integer('images_processed').notNull().default(0),
    imagesLimit: integer('images_limit').notNull().default(10000),
    storageUsedGb: numeric('storage_used_gb', { precision: 10, scale: 2 }).notNull().default('0.00'),
    storageLimitGb: numeric('storage_limit_gb', { precision: 10, scale: 2 }).notNull().default('10.00'),
    apiCalls: integer('api_calls').notNull().default(0),
    apiCallsLimit: integer('api_calls_limit').notNull().default(1000),
    bandwidthUsedGb: numeric('bandwidth_used_gb', { precision: 10, scale: 2 }).notNull().default('0.00'),
    bandwidthLimitGb: numeric('bandwidth_limit_gb', { precision: 10, scale: 2 }).notNull().default('50.00'),
    createdAt: timestamp('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.userId, t.metricDate),
    index('usage_metrics_metric_date_idx').on(t.metricDate),
    pgPolicy('Users can view own metrics', {
      for: 'select',
      to: authenticatedRole,
      using: sql`${authUid} = ${t.userId}`,
    }),
  ],
);
