// frontend/lib/db/schema.ts
// Single source of truth for the PixCrawler database (drizzle.config.ts points here).
// 11 tables; every table has RLS policies for the `authenticated` role.
// The backend (SQLAlchemy, service role key) bypasses RLS.
export * from './profiles';
export * from './projects';
export * from './activity';
export * from './api-keys';
export * from './billing';
export * from './notifications';
export * from './usage';
export * from './relations';
