// lib/db/schema/feedback.ts
// Feedback on single messages, and general application feedback.
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  pgPolicy,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { authenticatedRole } from 'drizzle-orm/supabase';
import { messages } from './chats';
import { feedbackTypeEnum } from './enums';
import { users } from './users';

export const messageFeedback = pgTable(
  'message_feedback',
  {
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    feedbackType: feedbackTypeEnum('feedback_type').notNull(),
    comment: text('comment'),
    rating: smallint('rating'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // one verdict per user and message
    primaryKey({ columns: [t.messageId, t.userId] }),
    index('message_feedback_message_id_idx').on(t.messageId),
    index('message_feedback_user_id_idx').on(t.userId),
    index('message_feedback_feedback_type_idx').on(t.feedbackType),
    check('message_feedback_rating_check', sql`${t.rating} between 1 and 5`),
    pgPolicy('message_feedback_owner_all', {
      for: 'all',
      to: authenticatedRole,
      using: sql`${t.userId} = auth.uid()`,
      withCheck: sql`${t.userId} = auth.uid()`,
    }),
    // Guests (Supabase anonymous sign-ins) may read but not rate.
    pgPolicy('message_feedback_no_guests', {
      as: 'restrictive',
      for: 'insert',
      to: authenticatedRole,
      withCheck: sql`coalesce((auth.jwt() ->> 'is_anonymous')::boolean, false) = false`,
    }),
  ],
);

export const feedback = pgTable(
  'feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    message: text('message').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('feedback_user_id_idx').on(t.userId),
    index('feedback_created_at_idx').on(t.createdAt),
    // anyone, guests included, can send feedback
    pgPolicy('feedback_insert_any', {
      for: 'insert',
      withCheck: sql`true`,
    }),
    pgPolicy('feedback_select_own', {
      for: 'select',
      to: 'authenticated',
      using: sql`${t.userId} = auth.uid()`,
    }),
  ],
);
