-- Fixtures/compare-drift/drizzle/schema.ts as a database, with drift injected:
-- every difference below is deliberate and listed in README.md.
DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'authenticated') THEN
		CREATE ROLE authenticated NOLOGIN NOINHERIT;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'anon') THEN
		CREATE ROLE anon NOLOGIN NOINHERIT;
	END IF;
END
$$;

-- enum_value_missing: 'archived' is missing.
CREATE TYPE "public"."post_status" AS ENUM('draft', 'published');
-- enum_missing: no "mood"; enum_extra: "priority".
CREATE TYPE "public"."priority" AS ENUM('low', 'high');
-- enum_value_order_mismatch: 'private' and 'internal' swapped.
CREATE TYPE "public"."visibility" AS ENUM('public', 'private', 'internal');

CREATE TABLE "authors" (
	"id" serial PRIMARY KEY NOT NULL,
	-- column_type_mismatch: varchar(100) instead of varchar(255).
	"email" varchar(100) NOT NULL,
	-- column_nullability_mismatch: nullable.
	"name" text,
	-- column_missing: no "bio"; column_extra: "nickname".
	"nickname" text,
	"age" integer,
	-- column_default_mismatch: false instead of true.
	"active" boolean DEFAULT false NOT NULL,
	-- check_mismatch: > instead of >=.
	CONSTRAINT "authors_age_check" CHECK ("authors"."age" > 0)
	-- unique_missing: no unique constraint on email.
);

CREATE TABLE "posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" integer NOT NULL,
	"title" text NOT NULL,
	"status" "post_status" DEFAULT 'draft' NOT NULL,
	"visibility" "visibility" DEFAULT 'public' NOT NULL,
	-- column_default_mismatch (removed): no default.
	"views" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	-- check_extra: not in Drizzle.
	CONSTRAINT "posts_views_check" CHECK ("views" >= 0)
);

-- tags: table_missing. audit_log: table_extra.
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"message" text NOT NULL
);

-- foreign_key_action_mismatch: ON DELETE restrict instead of cascade.
ALTER TABLE "posts" ADD CONSTRAINT "posts_author_id_authors_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."authors"("id") ON DELETE restrict ON UPDATE no action;
-- index_missing: no authors_name_idx.
CREATE INDEX "posts_author_idx" ON "posts" USING btree ("author_id");
-- index_mismatch (method): hash instead of btree.
CREATE INDEX "posts_title_idx" ON "posts" USING hash ("title");
-- index_extra.
CREATE INDEX "posts_created_at_idx" ON "posts" USING btree ("created_at");

-- Drizzle enables RLS on posts (it has policies); rls_enabled_unexpectedly on audit_log is not
-- reported because audit_log is extra. authors: rls_enabled_unexpectedly.
ALTER TABLE "posts" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "authors" ENABLE ROW LEVEL SECURITY;
-- policy_roles_mismatch: anon instead of public.
CREATE POLICY "posts_read" ON "posts" AS PERMISSIVE FOR SELECT TO anon USING (true);
-- policy_command_mismatch + policy_with_check_mismatch: FOR ALL, different condition.
CREATE POLICY "posts_write" ON "posts" AS PERMISSIVE FOR ALL TO "authenticated" WITH CHECK ("posts"."author_id" > 1);
-- policy_extra.
CREATE POLICY "posts_admin" ON "posts" AS RESTRICTIVE FOR DELETE TO "authenticated" USING (false);
