// frontend/lib/db/schema/activity.ts
// User activity tracking. ip_address moved to the backend only (security).
import { sql } from 'drizzle-orm';
import { index, jsonb, pgPolicy, pgTable, serial, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { authenticatedRole, authUid } from 'drizzle-orm/supabase';
import { profiles } from './profiles';

export const activityLogs = pgTable(
  'activity_logs',
  {
    id: serial('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    action: varchar('action', { length: 100 }).notNull(),
    resourceType: varchar('resource_type', { length: 50 }),
    resourceId: varchar('resource_id', { length: 100 }),
    metadata: jsonb('metadata'),
    timestamp: timestamp('timestamp').notNull().defaultNow(),
  },
  (t) => [
    index('activity_logs_user_id_idx').on(t.userId),
    index('activity_logs_timestamp_idx').on(t.timestamp.desc()),
    pgPolicy('Users can view own activity', {
      for: 'select',
      to: authenticatedRole,
      using: sql`${authUid} = ${t.userId}`,
    }),
  ],
);
