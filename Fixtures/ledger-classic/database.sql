CREATE SCHEMA IF NOT EXISTS ledger;

CREATE TYPE account_kind AS ENUM ('ASSET', 'LIABILITY', 'EQUITY', 'INCOME', 'EXPENSE');

CREATE TABLE ledger.accounts (
	id BIGSERIAL NOT NULL,
	code VARCHAR(12) NOT NULL,
	display_name VARCHAR(120) NOT NULL,
	kind account_kind NOT NULL,
	parent_id BIGINT,
	balance NUMERIC(18, 2) DEFAULT 0 NOT NULL,
	is_active BOOLEAN DEFAULT true NOT NULL,
	status VARCHAR(6) DEFAULT 'open' NOT NULL,
	notes TEXT,
	account_type VARCHAR(20) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
	created_by VARCHAR(64) DEFAULT CURRENT_USER NOT NULL,
	revision INTEGER DEFAULT '1' NOT NULL,
	depreciation_rate INTEGER,
	CONSTRAINT pk_accounts PRIMARY KEY (id),
	CONSTRAINT uq_accounts_code UNIQUE (code),
	CONSTRAINT ck_accounts_code_length CHECK (length(code) >= 3),
	CONSTRAINT fk_accounts_parent_id_accounts FOREIGN KEY(parent_id) REFERENCES ledger.accounts (id) ON DELETE SET NULL,
	CONSTRAINT ck_accounts_account_status CHECK (status IN ('open', 'frozen', 'closed'))
);

COMMENT ON TABLE ledger.accounts IS 'Chart of accounts';

COMMENT ON COLUMN ledger.accounts.notes IS 'Free text for accountants';

CREATE TABLE ledger.parties (
	id INTEGER GENERATED ALWAYS AS IDENTITY (START WITH 1000),
	legal_name VARCHAR(200) NOT NULL,
	email VARCHAR(255),
	kind VARCHAR(20) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
	created_by VARCHAR(64) DEFAULT CURRENT_USER NOT NULL,
	revision INTEGER DEFAULT '1' NOT NULL,
	CONSTRAINT pk_parties PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_ledger_parties_email ON ledger.parties (email);

CREATE INDEX ix_ledger_parties_legal_name ON ledger.parties (legal_name);

CREATE TABLE ledger.tags (
	id SERIAL NOT NULL,
	label VARCHAR(40) NOT NULL,
	CONSTRAINT pk_tags PRIMARY KEY (id),
	CONSTRAINT uq_tags_label UNIQUE (label)
);

CREATE TABLE ledger.entries (
	id UUID DEFAULT gen_random_uuid() NOT NULL,
	booked_on DATE NOT NULL,
	memo VARCHAR(500),
	memo_upper VARCHAR(500) GENERATED ALWAYS AS (upper(memo)) STORED,
	tags VARCHAR(40)[] DEFAULT '{}',
	extra JSONB DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT pk_entries PRIMARY KEY (id)
);

CREATE TABLE ledger.customers (
	id INTEGER NOT NULL,
	credit_limit NUMERIC(18, 2),
	CONSTRAINT pk_customers PRIMARY KEY (id),
	CONSTRAINT fk_customers_id_parties FOREIGN KEY(id) REFERENCES ledger.parties (id) ON DELETE CASCADE
);

CREATE TABLE ledger.suppliers (
	id INTEGER NOT NULL,
	payment_terms_days INTEGER NOT NULL,
	CONSTRAINT pk_suppliers PRIMARY KEY (id),
	CONSTRAINT fk_suppliers_id_parties FOREIGN KEY(id) REFERENCES ledger.parties (id)
);

CREATE TABLE ledger.account_tags (
	account_id BIGINT NOT NULL,
	tag_id INTEGER NOT NULL,
	tagged_at TIMESTAMP WITH TIME ZONE DEFAULT now(),
	CONSTRAINT pk_account_tags PRIMARY KEY (account_id, tag_id),
	CONSTRAINT fk_account_tags_account_id_accounts FOREIGN KEY(account_id) REFERENCES ledger.accounts (id) ON DELETE CASCADE,
	CONSTRAINT fk_account_tags_tag_id_tags FOREIGN KEY(tag_id) REFERENCES ledger.tags (id) ON DELETE CASCADE
);

CREATE TABLE ledger.journal_lines (
	id BIGSERIAL NOT NULL,
	entry_id UUID NOT NULL,
	account_id BIGINT NOT NULL,
	amount NUMERIC(18, 2) NOT NULL,
	meta JSONB,
	line_no INTEGER NOT NULL,
	CONSTRAINT pk_journal_lines PRIMARY KEY (id),
	CONSTRAINT fk_journal_lines_entry_id_entries FOREIGN KEY(entry_id) REFERENCES ledger.entries (id) ON DELETE CASCADE,
	CONSTRAINT fk_journal_lines_account_id_accounts FOREIGN KEY(account_id) REFERENCES ledger.accounts (id)
);

CREATE UNIQUE INDEX ix_journal_lines_entry_line ON ledger.journal_lines (entry_id, line_no);

CREATE INDEX ix_journal_lines_meta ON ledger.journal_lines USING gin (meta);

CREATE INDEX ix_journal_lines_open ON ledger.journal_lines (account_id) WHERE amount <> 0;

ALTER TABLE ledger.journal_lines ENABLE ROW LEVEL SECURITY; ALTER TABLE ledger.journal_lines FORCE ROW LEVEL SECURITY; CREATE POLICY journal_lines_owner ON ledger.journal_lines AS RESTRICTIVE FOR ALL TO PUBLIC USING (current_setting('app.tenant', true) IS NOT NULL);
