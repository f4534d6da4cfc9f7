// frontend/lib/db/schema/notifications.ts
// Notifications: `type` is the severity (success/info/warning/error), `category`
// the source, `icon` a Lucide icon name; `iconColor` was replaced by `color`.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  jsonb,
  pgPolicy,
  pgTable,
  serial,
  text,
  time,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { authenticatedRole, authUid } from 'drizzle-orm/supabase';
import { profiles } from './profiles';

export const notifications = pgTable(
  'notifications',
  {
    id: serial('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    title: varchar('title', { length: 200 }).notNull(),
    message: text('message').notNull(),
    type: varchar('type', { length: 20 }).notNull(),
    category: varchar('category', { length: 50 }),
    icon: varchar('icon', { length: 50 }),
    color: varchar('color', { length: 20 }),
    actionUrl: text('action_url'),
    actionLabel: varchar('action_label', { length: 100 }),
    isRead: boolean('is_read').notNull().default(false),
    readAt: timestamp('read_at'),
    metadata: jsonb('metadata'),
    createdAt: timestamp('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('notifications_user_id_idx').on(t.userId),
    index('notifications_user_unread_idx').on(t.userId, t.isRead),
    index('notifications_created_at_idx').on(t.createdAt.desc()),
    check('notifications_type_check', sql`${t.type} in ('success', 'info', 'warning', 'error')`),
    pgPolicy('Users can manage own notifications', {
      to: authenticatedRole,
      using: sql`${authUid} = ${t.userId}`,
      withCheck: sql`${authUid} = ${t.userId}`,
    }),
  ],
);

export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .unique()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    // Channel preferences
    emailEnabled: boolean('email_enabled').notNull().default(true),
    pushEnabled: boolean('push_enabled').notNull().default(true),
    smsEnabled: boolean('sms_enabled').notNull().default(false),
    // Category preferences
    crawlJobsEnabled: boolean('crawl_jobs_enabled').notNull().default(true),
    datasetsEnabled: boolean('datasets_enabled').notNull().default(true),
    billingEnabled: boolean('billing_enabled').notNull().default(true),
    securityEnabled: boolean('security_enabled').notNull().default(true),
    marketingEnabled: boolean('marketing_enabled').notNull().default(false),
    productUpdatesEnabled: boolean('product_updates_enabled').notNull().default(true),
    digestFrequency: varchar('digest_frequency', { length: 20 }).notNull().default('realtime'),
    quietHoursStart: time('quiet_hours_start'),
    quietHoursEnd: time('quiet_hours_end'),
    createdAt: timestamp('created_at').notNull().defaultNow(),
    updatedAt: timestamp('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check(
      'notification_preferences_digest_check',
      sql`${t.digestFrequency} in ('realtime', 'daily', 'weekly', 'never')`,
    ),
    pgPolicy('Users can manage own notification preferences', {
      for: 'all',
      to: authenticatedRole,
      using: sql`${authUid} = ${t.userId}`,
      withCheck: sql`${authUid} = ${t.userId}`,
    }),
  ],
);
