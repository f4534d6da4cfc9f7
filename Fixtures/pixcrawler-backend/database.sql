CREATE TYPE digest_frequency AS ENUM ('realtime', 'daily', 'weekly', 'never');

CREATE TABLE profiles (
	id UUID NOT NULL,
	email VARCHAR(255) NOT NULL,
	full_name VARCHAR(100),
	avatar_url TEXT,
	role VARCHAR(20) DEFAULT 'user' NOT NULL,
	onboarding_completed BOOLEAN DEFAULT false NOT NULL,
	onboarding_completed_at TIMESTAMP WITHOUT TIME ZONE,
	created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL,
	updated_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT ck_profiles_role CHECK (role IN ('user', 'admin'))
);

CREATE UNIQUE INDEX ix_profiles_email ON profiles (email);

COMMENT ON COLUMN profiles.id IS 'References auth.users.id';

ALTER TABLE profiles ENABLE ROW LEVEL SECURITY;
        CREATE POLICY "Users can view own profile" ON profiles
          FOR SELECT USING (id = current_setting('app.user_id')::uuid);
        CREATE POLICY "Users can update own profile" ON profiles
          FOR UPDATE USING (id = current_setting('app.user_id')::uuid);
        CREATE POLICY "Users can insert own profile" ON profiles
          FOR INSERT WITH CHECK (id = current_setting('app.user_id')::uuid);

CREATE TABLE projects (
	id SERIAL NOT NULL,
	name VARCHAR(100) NOT NULL,
	description TEXT,
	user_id UUID NOT NULL,
	status VARCHAR(20) DEFAULT 'active' NOT NULL,
	created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL,
	updated_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL,
	PRIMARY KEY (id),
	CHECK (status IN ('active', 'archived', 'deleted')),
	FOREIGN KEY(user_id) REFERENCES profiles (id) ON DELETE CASCADE
);

CREATE INDEX ix_projects_user_id ON projects (user_id);

CREATE OR REPLACE FUNCTION handle_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at = now(); RETURN NEW; END; $$; CREATE TRIGGER projects_updated_at BEFORE UPDATE ON projects FOR EACH ROW EXECUTE FUNCTION handle_updated_at();

ALTER TABLE projects ENABLE ROW LEVEL SECURITY;

CREATE TABLE activity_logs (
	id SERIAL NOT NULL,
	user_id UUID,
	action TEXT NOT NULL,
	resource_type VARCHAR(50),
	resource_id VARCHAR(100),
	metadata JSONB,
	timestamp TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(user_id) REFERENCES profiles (id) ON DELETE SET NULL
);

CREATE INDEX ix_activity_logs_user_timestamp ON activity_logs (user_id, timestamp DESC);

CREATE TABLE api_keys (
	id UUID DEFAULT gen_random_uuid() NOT NULL,
	user_id UUID NOT NULL,
	name VARCHAR(200) NOT NULL,
	key_hash VARCHAR(255) NOT NULL,
	key_prefix VARCHAR(20) NOT NULL,
	status VARCHAR(20) DEFAULT 'active' NOT NULL,
	permissions JSONB DEFAULT '[]'::jsonb NOT NULL,
	rate_limit INTEGER DEFAULT 1000 NOT NULL,
	usage_count INTEGER DEFAULT 0 NOT NULL,
	last_used_at TIMESTAMP WITHOUT TIME ZONE,
	last_used_ip VARCHAR(45),
	expires_at TIMESTAMP WITHOUT TIME ZONE,
	created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL,
	updated_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT ck_api_keys_status CHECK (status IN ('active', 'revoked', 'expired')),
	CONSTRAINT ck_api_keys_rate_limit_positive CHECK (rate_limit > 0),
	FOREIGN KEY(user_id) REFERENCES profiles (id) ON DELETE CASCADE,
	UNIQUE (key_hash)
);

CREATE INDEX ix_api_keys_user_id ON api_keys (user_id);

CREATE TABLE credit_accounts (
	id UUID DEFAULT gen_random_uuid() NOT NULL,
	user_id UUID NOT NULL,
	current_balance INTEGER DEFAULT 0 NOT NULL,
	monthly_usage INTEGER DEFAULT 0 NOT NULL,
	average_daily_usage NUMERIC(10, 2) DEFAULT 0.00 NOT NULL,
	auto_refill_enabled BOOLEAN DEFAULT false NOT NULL,
	refill_threshold INTEGER DEFAULT 100 NOT NULL,
	refill_amount INTEGER DEFAULT 500 NOT NULL,
	monthly_limit INTEGER DEFAULT 2000 NOT NULL,
	created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL,
	updated_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT ck_credit_accounts_balance_non_negative CHECK (current_balance >= 0),
	UNIQUE (user_id),
	FOREIGN KEY(user_id) REFERENCES profiles (id) ON DELETE CASCADE
);

CREATE TABLE usage_metrics (
	id UUID DEFAULT gen_random_uuid() NOT NULL,
	user_id UUID NOT NULL,
	metric_date DATE NOT NULL,
	images_processed INTEGER DEFAULT 0 NOT NULL,
	images_limit INTEGER DEFAULT 10000 NOT NULL,
	storage_used_gb NUMERIC(10, 2) DEFAULT 0.00 NOT NULL,
	storage_limit_gb NUMERIC(10, 2) DEFAULT 100.00 NOT NULL,
	api_calls INTEGER DEFAULT 0 NOT NULL,
	api_calls_limit INTEGER DEFAULT 50000 NOT NULL,
	bandwidth_used_gb NUMERIC(10, 2) DEFAULT 0.00 NOT NULL,
	bandwidth_limit_gb NUMERIC(10, 2) DEFAULT 500.00 NOT NULL,
	created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (user_id, metric_date),
	FOREIGN KEY(user_id) REFERENCES profiles (id) ON DELETE CASCADE
);

CREATE TABLE notifications (
	id SERIAL NOT NULL,
	user_id UUID NOT NULL,
	type VARCHAR(20) NOT NULL,
	category VARCHAR(50),
	title VARCHAR(255) NOT NULL,
	message TEXT NOT NULL,
	icon VARCHAR(50),
	color VARCHAR(20),
	action_url TEXT,
	action_label VARCHAR(100),
	is_read BOOLEAN DEFAULT false NOT NULL,
	read_at TIMESTAMP WITHOUT TIME ZONE,
	metadata JSONB,
	created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(user_id) REFERENCES profiles (id) ON DELETE CASCADE
);

CREATE INDEX ix_notifications_user_id ON notifications (user_id);

CREATE TABLE notification_preferences (
	id SERIAL NOT NULL,
	user_id UUID NOT NULL,
	email_enabled BOOLEAN DEFAULT true NOT NULL,
	push_enabled BOOLEAN DEFAULT true NOT NULL,
	sms_enabled BOOLEAN DEFAULT false NOT NULL,
	crawl_jobs_enabled BOOLEAN DEFAULT true NOT NULL,
	datasets_enabled BOOLEAN DEFAULT true NOT NULL,
	billing_enabled BOOLEAN DEFAULT true NOT NULL,
	security_enabled BOOLEAN DEFAULT true NOT NULL,
	marketing_enabled BOOLEAN DEFAULT false NOT NULL,
	product_updates_enabled BOOLEAN DEFAULT true NOT NULL,
	digest_frequency digest_frequency DEFAULT 'daily' NOT NULL,
	quiet_hours_start TIME WITHOUT TIME ZONE,
	quiet_hours_end TIME WITHOUT TIME ZONE,
	created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL,
	updated_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (user_id),
	FOREIGN KEY(user_id) REFERENCES profiles (id) ON DELETE CASCADE
);

CREATE TABLE crawl_jobs (
	id SERIAL NOT NULL,
	project_id INTEGER NOT NULL,
	name VARCHAR(100) NOT NULL,
	keywords JSONB NOT NULL,
	max_images INTEGER DEFAULT 1000 NOT NULL,
	status VARCHAR(20) DEFAULT 'pending' NOT NULL,
	progress INTEGER DEFAULT 0 NOT NULL,
	total_images INTEGER DEFAULT 0 NOT NULL,
	downloaded_images INTEGER DEFAULT 0 NOT NULL,
	valid_images INTEGER DEFAULT 0 NOT NULL,
	started_at TIMESTAMP WITHOUT TIME ZONE,
	completed_at TIMESTAMP WITHOUT TIME ZONE,
	created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL,
	updated_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL,
	total_chunks INTEGER DEFAULT 0 NOT NULL,
	active_chunks INTEGER DEFAULT 0 NOT NULL,
	completed_chunks INTEGER DEFAULT 0 NOT NULL,
	failed_chunks INTEGER DEFAULT 0 NOT NULL,
	task_ids JSONB DEFAULT '[]'::jsonb NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT ck_crawl_jobs_progress CHECK (progress >= 0 AND progress <= 100),
	CONSTRAINT ck_crawl_jobs_status CHECK (status IN ('pending', 'running', 'completed', 'failed', 'cancelled')),
	CHECK (max_images > 0),
	FOREIGN KEY(project_id) REFERENCES projects (id) ON DELETE CASCADE
);

CREATE INDEX ix_crawl_jobs_project_status ON crawl_jobs (project_id, status);

CREATE TABLE credit_transactions (
	id UUID DEFAULT gen_random_uuid() NOT NULL,
	account_id UUID NOT NULL,
	user_id UUID NOT NULL,
	type VARCHAR(20) NOT NULL,
	description TEXT NOT NULL,
	amount INTEGER NOT NULL,
	balance_after INTEGER NOT NULL,
	status VARCHAR(20) DEFAULT 'completed' NOT NULL,
	metadata JSONB,
	created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT ck_credit_transactions_type CHECK (type IN ('purchase', 'usage', 'refund', 'bonus')),
	FOREIGN KEY(account_id) REFERENCES credit_accounts (id) ON DELETE CASCADE,
	FOREIGN KEY(user_id) REFERENCES profiles (id) ON DELETE CASCADE
);

CREATE INDEX ix_credit_transactions_account_id ON credit_transactions (account_id);

CREATE INDEX ix_credit_transactions_user_created ON credit_transactions (user_id, created_at);

CREATE INDEX ix_credit_transactions_user_id ON credit_transactions (user_id);

CREATE TABLE images (
	id SERIAL NOT NULL,
	crawl_job_id INTEGER NOT NULL,
	original_url TEXT NOT NULL,
	filename VARCHAR(255) NOT NULL,
	storage_url TEXT,
	width INTEGER,
	height INTEGER,
	file_size INTEGER,
	format VARCHAR(10),
	hash VARCHAR(64),
	is_valid BOOLEAN DEFAULT true NOT NULL,
	is_duplicate BOOLEAN DEFAULT false NOT NULL,
	labels JSONB,
	metadata JSONB,
	created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(crawl_job_id) REFERENCES crawl_jobs (id) ON DELETE CASCADE
);

CREATE INDEX ix_images_crawl_job_id ON images (crawl_job_id);

CREATE INDEX ix_images_hash ON images (hash);
