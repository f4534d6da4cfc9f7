-- Drift injected into Fixtures/delula/database.sql (run after it), one change per category
-- Drizzle can state. The golden reports compare Fixtures/delula/drizzle with the result.
-- column_missing, column_extra, column_type_mismatch, column_default_mismatch (removed)
ALTER TABLE "tags" DROP COLUMN "description";
ALTER TABLE "tags" ADD COLUMN "slug" text;
ALTER TABLE "users" ALTER COLUMN "handle" TYPE varchar(64);
ALTER TABLE "users" ALTER COLUMN "credits" DROP DEFAULT;
-- unique_extra, check_extra, constraint_name_mismatch
ALTER TABLE "generations" ADD CONSTRAINT "generations_fal_job_id_key" UNIQUE ("fal_job_id");
ALTER TABLE "generations" ADD CONSTRAINT "generations_credits_cost_check" CHECK ("credits_cost" >= 0);
ALTER TABLE "tags" RENAME CONSTRAINT "tags_name_unique" TO "tags_name_key";
-- index_mismatch (columns)
DROP INDEX "idx_generations_status";
CREATE INDEX "idx_generations_status" ON "generations" ("status", "created_at");
-- foreign_key_missing
ALTER TABLE "backlog_videos" DROP CONSTRAINT "backlog_videos_recipe_id_recipes_id_fk";
