-- Drift injected into Fixtures/pixcrawler/database.sql (run after it), one change per category
-- Drizzle can state. The golden reports compare Fixtures/pixcrawler/drizzle with the result.
-- table_missing
DROP TABLE "usage_metrics";
-- table_extra
CREATE TABLE "legacy_exports" ("id" serial PRIMARY KEY, "payload" jsonb);
-- column_missing, column_extra, column_type_mismatch, column_nullability_mismatch, column_default_mismatch
ALTER TABLE "profiles" DROP COLUMN "avatar_url";
ALTER TABLE "profiles" ADD COLUMN "nickname" text;
ALTER TABLE "profiles" ALTER COLUMN "full_name" TYPE varchar(200);
ALTER TABLE "projects" ALTER COLUMN "description" SET NOT NULL;
ALTER TABLE "projects" ALTER COLUMN "status" SET DEFAULT 'archived';
-- unique_missing, check_mismatch
ALTER TABLE "profiles" DROP CONSTRAINT "profiles_email_unique";
ALTER TABLE "projects" DROP CONSTRAINT "projects_status_check";
ALTER TABLE "projects" ADD CONSTRAINT "projects_status_check" CHECK ("status" in ('active', 'archived'));
-- index_missing, index_extra
DROP INDEX "notifications_created_at_idx";
CREATE INDEX "notifications_title_idx" ON "notifications" ("title");
-- rls_disabled, policy_missing
ALTER TABLE "notifications" DISABLE ROW LEVEL SECURITY;
DROP POLICY "Users can view own profile" ON "profiles";
