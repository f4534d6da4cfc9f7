// lib/db/schema/chats.ts
// Chats, their messages and their file attachments.
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { anonRole, authenticatedRole } from 'drizzle-orm/supabase';
import { reasoningEffortEnum } from './enums';
import { projects } from './projects';
import { users } from './users';

/** One structured part of a message (text, reasoning, tool call, source...). */
export type MessagePart = {
  type: 'text' | 'reasoning' | 'tool-invocation' | 'source' | 'file';
  text?: string;
  [key: string]: unknown;
};

export type MessageMetadata = Record<string, unknown>;

export const chats = pgTable(
  'chats',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    title: text('title'),
    model: text('model'),
    systemPrompt: text('system_prompt'),
    public: boolean('public').notNull().default(false),
    pinned: boolean('pinned').notNull().default(false),
    pinnedAt: timestamp('pinned_at', { withTimezone: true }),
    // A chat forked from another chat keeps a link to its origin.
    forkedFromChatId: uuid('forked_from_chat_id').references((): AnyPgColumn => chats.id, {
      onDelete: 'set null',
    }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    index('chats_user_id_idx').on(t.userId),
    index('chats_project_id_idx').on(t.projectId),
    index('chats_model_idx').on(t.model),
    index('chats_created_at_idx').on(t.createdAt),
    index('chats_user_id_updated_at_idx').on(t.userId, t.updatedAt.desc()),
    index('chats_public_idx').on(t.public).where(sql`${t.public} = true`),
    pgPolicy('chats_owner_all', {
      for: 'all',
      to: authenticatedRole,
      using: sql`${t.userId} = auth.uid()`,
      withCheck: sql`${t.userId} = auth.uid()`,
    }),
    // Shared chats are readable by guests and signed-in users alike.
    pgPolicy('chats_public_read', {
      for: 'select',
      to: [authenticatedRole, anonRole],
      using: sql`${t.public} = true`,
    }),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    chatId: uuid('chat_id')
      .notNull()
      .references(() => chats.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['system', 'user', 'assistant', 'data'] }).notNull(),
    content: text('content'),
    parts: jsonb('parts').$type<MessagePart[]>(),
    experimentalAttachments: jsonb('experimental_attachments'),
    model: text('model'),
    reasoningEffort: reasoningEffortEnum('reasoning_effort').default('medium'),
    langsmithRunId: varchar('langsmith_run_id', { length: 64 }),
    messageGroupId: text('message_group_id').$defaultFn(() => crypto.randomUUID()),
    tokenCount: integer('token_count'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('messages_chat_id_idx').on(t.chatId),
    index('messages_user_id_idx').on(t.userId),
    index('messages_role_idx').on(t.role),
    index('messages_created_at_idx').on(t.createdAt),
    index('messages_model_idx').on(t.model),
    index('messages_reasoning_effort_idx').on(t.reasoningEffort),
    index('messages_chat_id_created_at_idx').on(t.chatId, t.createdAt),
    index('messages_parts_gin_idx').using('gin', t.parts),
    pgPolicy('messages_owner_all', {
      for: 'all',
      to: authenticatedRole,
      using: sql`exists (select 1 from ${chats} where ${chats.id} = ${t.chatId} and ${chats.userId} = auth.uid())`,
      withCheck: sql`exists (select 1 from ${chats} where ${chats.id} = ${t.chatId} and ${chats.userId} = auth.uid())`,
    }),
    pgPolicy('messages_public_read', {
      for: 'select',
      to: [anonRole, authenticatedRole],
      using: sql`exists (select 1 from ${chats} where ${chats.id} = ${t.chatId} and ${chats.public} = true)`,
    }),
  ],
);

export const chatAttachments = pgTable(
  'chat_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    chatId: uuid('chat_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    fileType: varchar('file_type', { length: 100 }).notNull(),
    fileSize: integer('file_size').notNull(),
    filePath: text('file_path').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'string', precision: 6 })
      .notNull()
      .defaultNow(),
  },
  (t) => [
    foreignKey({
      columns: [t.chatId],
      foreignColumns: [chats.id],
      name: 'chat_attachments_chat_fk',
    }).onDelete('cascade'),
    index('chat_attachments_chat_id_idx').on(t.chatId),
    index('chat_attachments_file_type_idx').on(t.fileType),
    index('chat_attachments_uploaded_at_idx').on(t.uploadedAt),
    index('chat_attachments_file_name_lower_idx').on(sql`lower(${t.fileName})`),
    pgPolicy('chat_attachments_owner_all', {
      for: 'all',
      to: authenticatedRole,
      using: sql`${t.userId} = auth.uid()`,
      withCheck: sql`${t.userId} = auth.uid() and exists (select 1 from ${chats} where ${chats.id} = ${t.chatId} and ${chats.userId} = auth.uid())`,
    }),
  ],
);
