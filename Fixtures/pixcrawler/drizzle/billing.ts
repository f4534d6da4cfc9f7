// frontend/lib/db/schema/billing.ts
// User billing: one credit account per user, and its transaction history.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { authenticatedRole, authUid } from 'drizzle-orm/supabase';
import { profiles } from './profiles';

export const creditAccounts = pgTable(
  'credit_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .unique()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    currentBalance: integer('current_balance').notNull().default(0),
    monthlyUsage: integer('monthly_usage').notNull().default(0),
    averageDailyUsage: numeric('average_daily_usage', { precision: 10, scale: 2 }).notNull().default('0.00'),
    autoRefillEnabled: boolean('auto_refill_enabled').notNull().default(false),
    refillThreshold: integer('refill_threshold').notNull().default(100),
    refillAmount: integer('refill_amount').notNull().default(500),
    monthlyLimit: integer('monthly_limit').notNull().default(2000),
    createdAt: timestamp('created_at').notNull().defaultNow(),
    updatedAt: timestamp('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('credit_accounts_balance_check', sql`${t.currentBalance} >= 0`),
    pgPolicy('Users can view own credit account', {
      for: 'select',
      to: authenticatedRole,
      using: sql`${authUid} = ${t.userId}`,
    }),
    pgPolicy('Users can update own credit account', {
      for: 'update',
      to: authenticatedRole,
      using: sql`${authUid} = ${t.userId}`,
      withCheck: sql`${authUid} = ${t.userId}`,
    }),
  ],
);

export const creditTransactions = pgTable(
  'credit_transactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => creditAccounts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    type: varchar('type', { length: 20 }).notNull(), // purchase/usage/refund/bonus
    description: text('description').notNull(),
    amount: integer('amount').notNull(),
    balanceAfter: integer('balance_after').notNull(),
    status: varchar('status', { length: 20 }).notNull().default('completed'),
    metadata: jsonb('metadata'),
    createdAt: timestamp('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('credit_transactions_account_id_idx').on(t.accountId),
    index('credit_transactions_user_id_idx').on(t.userId),
    index('credit_transactions_created_at_idx').on(t.createdAt),
    check('credit_transactions_type_check', sql`${t.type} in ('purchase', 'usage', 'refund', 'bonus')`),
    check(
      'credit_transactions_status_check',
      sql`${t.status} in ('completed', 'pending', 'failed', 'cancelled')`,
    ),
    pgPolicy('Users can view own transactions', {
      for: 'select',
      to: authenticatedRole,
      using: sql`${authUid} = ${t.userId}`,
    }),
  ],
);
