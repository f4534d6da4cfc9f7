// lib/db/schema/relations.ts
// Query relations and exported types; none of this is in the database.
import { relations } from 'drizzle-orm';
import { chatAttachments, chats, messages } from './chats';
import { feedback, messageFeedback } from './feedback';
import { apiKeyAuditLog, userKeys } from './keys';
import { projects } from './projects';
import { userPreferences, userRetrievalSettings } from './settings';
import { users } from './users';

export const usersRelations = relations(users, ({ many, one }) => ({
  projects: many(projects),
  chats: many(chats),
  messages: many(messages),
  preferences: one(userPreferences),
  retrievalSettings: one(userRetrievalSettings),
  keys: many(userKeys),
  feedback: many(feedback),
  auditLog: many(apiKeyAuditLog),
}));

export const projectsRelations = relations(projects, ({ one, many }) => ({
  user: one(users, { fields: [projects.userId], references: [users.id] }),
  chats: many(chats),
}));

export const chatsRelations = relations(chats, ({ one, many }) => ({
  user: one(users, { fields: [chats.userId], references: [users.id] }),
  project: one(projects, { fields: [chats.projectId], references: [projects.id] }),
  messages: many(messages),
  attachments: many(chatAttachments),
}));

export const messagesRelations = relations(messages, ({ one, many }) => ({
  chat: one(chats, { fields: [messages.chatId], references: [chats.id] }),
  user: one(users, { fields: [messages.userId], references: [users.id] }),
  feedback: many(messageFeedback),
}));

export const messageFeedbackRelations = relations(messageFeedback, ({ one }) => ({
  message: one(messages, { fields: [messageFeedback.messageId], references: [messages.id] }),
  user: one(users, { fields: [messageFeedback.userId], references: [users.id] }),
}));

export const chatAttachmentsRelations = relations(chatAttachments, ({ one }) => ({
  chat: one(chats, { fields: [chatAttachments.chatId], references: [chats.id] }),
}));

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Project = typeof projects.$inferSelect;
export type NewProject = typeof projects.$inferInsert;
export type Chat = typeof chats.$inferSelect;
export type NewChat = typeof chats.$inferInsert;
export type Message = typeof messages.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;
export type MessageFeedback = typeof messageFeedback.$inferSelect;
export type NewMessageFeedback = typeof messageFeedback.$inferInsert;
export type Feedback = typeof feedback.$inferSelect;
export type UserPreferences = typeof userPreferences.$inferSelect;
export type UserRetrievalSettings = typeof userRetrievalSettings.$inferSelect;
export type UserKey = typeof userKeys.$inferSelect;
export type NewUserKey = typeof userKeys.$inferInsert;
export type ApiKeyAuditLogEntry = typeof apiKeyAuditLog.$inferSelect;
export type ChatAttachment = typeof chatAttachments.$inferSelect;

export type DatabaseTable =
  | typeof users
  | typeof projects
  | typeof chats
  | typeof messages
  | typeof messageFeedback
  | typeof feedback
  | typeof userPreferences
  | typeof userRetrievalSettings
  | typeof userKeys
  | typeof apiKeyAuditLog
  | typeof chatAttachments;
