-- Drift injected into Fixtures/roborail/database.sql (run after it), one change per category
-- Drizzle can state. The golden reports compare Fixtures/roborail/drizzle with the result.
-- enum_value_extra
ALTER TYPE "public"."feedback_type" ADD VALUE 'spam';
-- column_type_mismatch, column_default_mismatch, column_nullability_mismatch
ALTER TABLE "users" ALTER COLUMN "display_name" TYPE varchar(50);
ALTER TABLE "users" ALTER COLUMN "message_count" SET DEFAULT 1;
ALTER TABLE "chats" ALTER COLUMN "title" SET NOT NULL;
-- foreign_key_action_mismatch
ALTER TABLE "projects" DROP CONSTRAINT "projects_user_id_users_id_fk";
ALTER TABLE "projects" ADD CONSTRAINT "projects_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict;
-- check_missing
ALTER TABLE "message_feedback" DROP CONSTRAINT "message_feedback_rating_check";
-- index_missing, index_name_mismatch
DROP INDEX "chats_model_idx";
ALTER INDEX "projects_name_idx" RENAME TO "projects_name_index";
-- policy_using_mismatch, policy_extra
ALTER POLICY "chats_public_read" ON "chats" USING ("public" = true AND "title" IS NOT NULL);
CREATE POLICY "chats_admin_all" ON "chats" FOR ALL TO "authenticated" USING (true);
