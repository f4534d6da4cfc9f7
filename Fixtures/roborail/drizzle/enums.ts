// lib/db/schema/enums.ts
import { pgEnum } from 'drizzle-orm/pg-core';

export const PROVIDERS = [
  'openai',
  'anthropic',
  'google',
  'xai',
  'groq',
  'deepseek',
  'mistral',
  'perplexity',
  'ollama',
] as const;

export type Provider = (typeof PROVIDERS)[number];

export const providerEnum = pgEnum('provider', PROVIDERS);

export const reasoningEffortEnum = pgEnum('reasoning_effort', ['low', 'medium', 'high']);

export const feedbackTypeEnum = pgEnum('feedback_type', ['positive', 'negative']);

export type ReasoningEffort = (typeof reasoningEffortEnum.enumValues)[number];
export type FeedbackType = (typeof feedbackTypeEnum.enumValues)[number];
