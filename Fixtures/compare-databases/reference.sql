-- The reference database of compare-databases (e.g. staging); database.sql is the compared one
-- (e.g. production) with drift injected in what only databases can state: triggers, identity,
-- RLS force, policy permissiveness, names. Each difference is marked in database.sql.
DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'authenticated') THEN
		CREATE ROLE authenticated NOLOGIN NOINHERIT;
	END IF;
END
$$;

CREATE TYPE level AS ENUM ('low', 'high');

CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
CREATE FUNCTION audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;

CREATE TABLE accounts (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	code text NOT NULL,
	owner uuid NOT NULL,
	level level NOT NULL DEFAULT 'low',
	balance numeric(12, 2) NOT NULL DEFAULT 0,
	updated_at timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT accounts_code_key UNIQUE (code),
	CONSTRAINT accounts_balance_check CHECK (balance >= 0)
);
CREATE INDEX accounts_owner_idx ON accounts (owner);

CREATE TABLE entries (
	account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	line integer NOT NULL,
	amount numeric(12, 2) NOT NULL,
	PRIMARY KEY (account_id, line)
);

CREATE TABLE notes (
	id serial PRIMARY KEY,
	account_id bigint NOT NULL,
	body text NOT NULL
);

ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE accounts FORCE ROW LEVEL SECURITY;
ALTER TABLE entries ENABLE ROW LEVEL SECURITY;
CREATE POLICY accounts_owner ON accounts AS PERMISSIVE FOR SELECT TO authenticated USING (owner = '00000000-0000-0000-0000-000000000000'::uuid);
CREATE POLICY accounts_update ON accounts FOR UPDATE TO authenticated USING (balance >= 0);
CREATE POLICY entries_read ON entries FOR SELECT TO authenticated USING (true);
CREATE POLICY accounts_delete ON accounts FOR DELETE TO authenticated USING (false);

CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
CREATE TRIGGER accounts_audit AFTER INSERT OR UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION audit();
CREATE TRIGGER accounts_level AFTER DELETE ON accounts FOR EACH ROW EXECUTE FUNCTION audit();
CREATE TRIGGER accounts_func AFTER INSERT ON accounts FOR EACH ROW EXECUTE FUNCTION audit();
CREATE TRIGGER entries_audit AFTER INSERT ON entries FOR EACH ROW EXECUTE FUNCTION audit();
