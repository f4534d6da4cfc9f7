// frontend/lib/db/schema/relations.ts
// Drizzle relations (query-builder only, nothing in the database) and type exports.
import { relations } from 'drizzle-orm';
import { activityLogs } from './activity';
import { apiKeys } from './api-keys';
import { creditAccounts, creditTransactions } from './billing';
import { notificationPreferences, notifications } from './notifications';
import { profiles } from './profiles';
import { crawlJobs, images, projects } from './projects';
import { usageMetrics } from './usage';

export const profilesRelations = relations(profiles, ({ many, one }) => ({
  projects: many(projects),
  activityLogs: many(activityLogs),
  notifications: many(notifications),
  apiKeys: many(apiKeys),
  creditAccount: one(creditAccounts),
  notificationPreferences: one(notificationPreferences),
  usageMetrics: many(usageMetrics),
}));

export const projectsRelations = relations(projects, ({ one, many }) => ({
  user: one(profiles, { fields: [projects.userId], references: [profiles.id] }),
  crawlJobs: many(crawlJobs),
}));

export const crawlJobsRelations = relations(crawlJobs, ({ one, many }) => ({
  project: one(projects, { fields: [crawlJobs.projectId], references: [projects.id] }),
  images: many(images),
}));

export const imagesRelations = relations(images, ({ one }) => ({
  crawlJob: one(crawlJobs, { fields: [images.crawlJobId], references: [crawlJobs.id] }),
}));

export const activityLogsRelations = relations(activityLogs, ({ one }) => ({
  user: one(profiles, { fields: [activityLogs.userId], references: [profiles.id] }),
}));

export const apiKeysRelations = relations(apiKeys, ({ one }) => ({
  user: one(profiles, { fields: [apiKeys.userId], references: [profiles.id] }),
}));

export const creditAccountsRelations = relations(creditAccounts, ({ one, many }) => ({
  user: one(profiles, { fields: [creditAccounts.userId], references: [profiles.id] }),
  transactions: many(creditTransactions),
}));

export const creditTransactionsRelations = relations(creditTransactions, ({ one }) => ({
  account: one(creditAccounts, {
    fields: [creditTransactions.accountId],
    references: [creditAccounts.id],
  }),
  user: one(profiles, { fields: [creditTransactions.userId], references: [profiles.id] }),
}));

export const notificationsRelations = relations(notifications, ({ one }) => ({
  user: one(profiles, { fields: [notifications.userId], references: [profiles.id] }),
}));

export const notificationPreferencesRelations = relations(notificationPreferences, ({ one }) => ({
  user: one(profiles, { fields: [notificationPreferences.userId], references: [profiles.id] }),
}));

export const usageMetricsRelations = relations(usageMetrics, ({ one }) => ({
  user: one(profiles, { fields: [usageMetrics.userId], references: [profiles.id] }),
}));

// Type exports
export type Profile = typeof profiles.$inferSelect;
export type NewProfile = typeof profiles.$inferInsert;
export type Project = typeof projects.$inferSelect;
export type NewProject = typeof projects.$inferInsert;
export type CrawlJob = typeof crawlJobs.$inferSelect;
export type NewCrawlJob = typeof crawlJobs.$inferInsert;
export type Image = typeof images.$inferSelect;
export type NewImage = typeof images.$inferInsert;
export type ActivityLog = typeof activityLogs.$inferSelect;
export type NewActivityLog = typeof activityLogs.$inferInsert;
export type APIKey = typeof apiKeys.$inferSelect;
export type NewAPIKey = typeof apiKeys.$inferInsert;
export type CreditAccount = typeof creditAccounts.$inferSelect;
export type NewCreditAccount = typeof creditAccounts.$inferInsert;
export type CreditTransaction = typeof creditTransactions.$inferSelect;
export type NewCreditTransaction = typeof creditTransactions.$inferInsert;
export type Notification = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;
export type NotificationPreference = typeof notificationPreferences.$inferSelect;
export type NewNotificationPreference = typeof notificationPreferences.$inferInsert;
export type UsageMetric = typeof usageMetrics.$inferSelect;
export type NewUsageMetric = typeof usageMetrics.$inferInsert;
