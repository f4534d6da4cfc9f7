// A small blog schema; Fixtures/compare-drift/database.sql is this schema with drift injected
// (see README.md for the list of differences and the finding each one must produce).
import { sql } from 'drizzle-orm';
import {
  boolean, check, index, integer, pgEnum, pgPolicy, pgTable, serial, text, timestamp, unique, uuid, varchar,
} from 'drizzle-orm/pg-core';

export const postStatus = pgEnum('post_status', ['draft', 'published', 'archived']);
export const mood = pgEnum('mood', ['happy', 'sad']);
export const visibility = pgEnum('visibility', ['public', 'internal', 'private']);

export const authors = pgTable(
  'authors',
  {
    id: serial('id').primaryKey(),
    email: varchar('email', { length: 255 }).notNull(),
    name: text('name').notNull(),
    bio: text('bio'),
    age: integer('age'),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    unique('authors_email_key').on(t.email),
    check('authors_age_check', sql`${t.age} >= 0`),
    index('authors_name_idx').on(t.name),
  ],
);

export const posts = pgTable(
  'posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    authorId: integer('author_id')
      .notNull()
      .references(() => authors.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    status: postStatus('status').notNull().default('draft'),
    visibility: visibility('visibility').notNull().default('public'),
    views: integer('views').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('posts_author_idx').on(t.authorId),
    index('posts_title_idx').on(t.title),
    pgPolicy('posts_read', { for: 'select', to: 'public', using: sql`true` }),
    pgPolicy('posts_write', {
      for: 'insert',
      to: 'authenticated',
      withCheck: sql`${t.authorId} > 0`,
    }),
  ],
);

export const tags = pgTable('tags', {
  id: serial('id').primaryKey(),
  label: text('label').notNull(),
});
