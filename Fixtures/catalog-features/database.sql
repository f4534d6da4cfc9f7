-- Every object kind the catalog reader maps, in one small database: quoted mixed-case names,
-- enums, arrays, identity and generated columns, serial, partitioned tables, partial and expression
-- indexes with INCLUDE, restrictive policies, UPDATE OF triggers with WHEN and arguments, views,
-- standalone sequences, and a Supabase-like auth schema.
CREATE SCHEMA IF NOT EXISTS auth;
CREATE TABLE auth.users (id uuid PRIMARY KEY, email text);
CREATE OR REPLACE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$ select nullif(current_setting('request.jwt.claim.sub', true), '')::uuid $$;
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'authenticated') THEN CREATE ROLE authenticated NOLOGIN; END IF; END $$;
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE "Profiles" (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), email varchar(255) NOT NULL UNIQUE, m mood DEFAULT 'ok', tags text[] DEFAULT '{}', n numeric(10,2) CHECK (n > 0), created_at timestamptz(3) DEFAULT now(), "Weird Col" int GENERATED ALWAYS AS IDENTITY (START WITH 10 INCREMENT BY 5), g int GENERATED ALWAYS AS ("Weird Col" * 2) STORED);
CREATE TABLE projects (id serial PRIMARY KEY, owner uuid REFERENCES "Profiles"(id) ON DELETE CASCADE, name text, status varchar(20) DEFAULT 'active', UNIQUE (owner, name));
CREATE INDEX projects_name_idx ON projects USING btree (lower(name) DESC NULLS LAST) INCLUDE (status) WHERE status <> 'deleted';
ALTER TABLE projects ENABLE ROW LEVEL SECURITY; ALTER TABLE projects FORCE ROW LEVEL SECURITY;
CREATE POLICY "own projects" ON projects AS RESTRICTIVE FOR UPDATE TO authenticated USING ((select auth.uid()) = owner) WITH CHECK (status IN ('active','archived'));
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER touch_it BEFORE UPDATE OF name, status OR INSERT ON projects FOR EACH ROW WHEN (NEW.name IS NOT NULL) EXECUTE FUNCTION touch('a', 'b');
CREATE TABLE parted (id int, at date) PARTITION BY RANGE (at);
CREATE TABLE parted_2024 PARTITION OF parted FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE VIEW v AS SELECT id FROM projects;
CREATE SEQUENCE standalone_seq;
