// lib/db/schema/index.ts
// Import from '@/lib/db/schema'; drizzle.config.ts points at this file.
export * from './enums';
export * from './users';
export * from './projects';
export * from './chats';
export * from './feedback';
export * from './settings';
export * from './keys';
export * from './relations';
