import SchemaModel
import Testing
import TestSupport

@testable import SQLAlchemyReader

/// The whole model read from each fixture, one line per object (see `summary`). Every name, type,
/// nullability and default here was checked against the catalog of PostgreSQL 15 after loading the
/// fixture's `database.sql`, which `scripts/sqlalchemy/dump_ddl.py` generates with `create_all()`.
/// (PostgreSQL adds casts such as `'open'::character varying` when it stores a default; the diff
/// canonicalizes those.)
@Suite struct FixtureModelTests {
    static func summaryOf(_ name: String) -> String {
        summary(SQLAlchemyReader.read(paths: [TestSupport.fixturePath("\(name)/sqlalchemy")], files: TestSupport.files).catalog)
    }

    @Test func ledgerClassicWholeModel() {
        #expect(Self.summaryOf("ledger-classic") == """
            table ledger.account_tags rls=false force=false comment=- notStated=["rowLevelSecurity", "forceRowLevelSecurity", "policy", "trigger"]
              account_id bigint not null default=-
              tag_id integer not null default=-
              tagged_at timestamp with time zone null default=now()
              pk pk_account_tags ["account_id", "tag_id"]
              fk fk_account_tags_account_id_accounts ["account_id"] -> ledger.accounts["id"] delete=cascade
              fk fk_account_tags_tag_id_tags ["tag_id"] -> ledger.tags["id"] delete=cascade
            table ledger.accounts rls=false force=false comment=Chart of accounts notStated=["rowLevelSecurity", "forceRowLevelSecurity", "policy", "trigger"]
              id bigint not null default=nextval('ledger.accounts_id_seq'::regclass)
              code character varying(12) not null default=-
              display_name character varying(120) not null default=-
              kind public.account_kind not null default=-
              parent_id bigint null default=-
              balance numeric(18,2) not null default=0
              is_active boolean not null default=true
              status character varying(6) not null default='open'
              notes text null default=- comment=Free text for accountants
              account_type character varying(20) not null default=-
              created_at timestamp with time zone not null default=now()
              created_by character varying(64) not null default=CURRENT_USER
              revision integer not null default='1'
              depreciation_rate integer null default=-
              pk pk_accounts ["id"]
              unique uq_accounts_code ["code"]
              fk fk_accounts_parent_id_accounts ["parent_id"] -> ledger.accounts["id"] delete=set null
              check ck_accounts_account_status status IN ('open', 'frozen', 'closed')
              check ck_accounts_code_length length(code) >= 3
            table ledger.customers rls=false force=false comment=- notStated=["rowLevelSecurity", "forceRowLevelSecurity", "policy", "trigger"]
              id integer not null default=-
              credit_limit numeric(18,2) null default=-
              pk pk_customers ["id"]
              fk fk_customers_id_parties ["id"] -> ledger.parties["id"] delete=cascade
            table ledger.entries rls=false force=false comment=- notStated=["rowLevelSecurity", "forceRowLevelSecurity", "policy", "trigger"]
              id uuid not null default=gen_random_uuid()
              booked_on date not null default=-
              memo character varying(500) null default=-
              memo_upper character varying(500) null default=- generated=upper(memo)
              tags character varying(40)[] null default='{}'
              extra jsonb not null default='{}'::jsonb
              pk pk_entries ["id"]
            table ledger.journal_lines rls=true force=true comment=- notStated=["trigger"]
              id bigint not null default=nextval('ledger.journal_lines_id_seq'::regclass)
              entry_id uuid not null default=-
              account_id bigint not null default=-
              amount numeric(18,2) not null default=-
              meta jsonb null default=-
              line_no integer not null default=-
              pk pk_journal_lines ["id"]
              fk fk_journal_lines_account_id_accounts ["account_id"] -> ledger.accounts["id"] delete=no action
              fk fk_journal_lines_entry_id_entries ["entry_id"] -> ledger.entries["id"] delete=cascade
              index ix_journal_lines_entry_line unique btree (entry_id, line_no)
              index ix_journal_lines_meta gin (meta)
              index ix_journal_lines_open btree (account_id) where amount <> 0
              policy journal_lines_owner all ["public"] using=current_setting('app.tenant', true) IS NOT NULL check=-
            table ledger.parties rls=false force=false comment=- notStated=["rowLevelSecurity", "forceRowLevelSecurity", "policy", "trigger"]
              id integer not null default=- identity=always
              legal_name character varying(200) not null default=-
              email character varying(255) null default=-
              kind character varying(20) not null default=-
              created_at timestamp with time zone not null default=now()
              created_by character varying(64) not null default=CURRENT_USER
              revision integer not null default='1'
              pk pk_parties ["id"]
              index ix_ledger_parties_email unique btree (email)
              index ix_ledger_parties_legal_name btree (legal_name)
            table ledger.suppliers rls=false force=false comment=- notStated=["rowLevelSecurity", "forceRowLevelSecurity", "policy", "trigger"]
              id integer not null default=-
              payment_terms_days integer not null default=-
              pk pk_suppliers ["id"]
              fk fk_suppliers_id_parties ["id"] -> ledger.parties["id"] delete=no action
            table ledger.tags rls=false force=false comment=- notStated=["rowLevelSecurity", "forceRowLevelSecurity", "policy", "trigger"]
              id integer not null default=nextval('ledger.tags_id_seq'::regclass)
              label character varying(40) not null default=-
              pk pk_tags ["id"]
              unique uq_tags_label ["label"]
            enum public.account_kind ["ASSET", "LIABILITY", "EQUITY", "INCOME", "EXPENSE"]
            """)
    }

    @Test func pixcrawlerBackendWholeModel() {
        #expect(Self.summaryOf("pixcrawler-backend") == """
            enum public.digest_frequency ["realtime", "daily", "weekly", "never"]
            table public.activity_logs rls=false force=false comment=- notStated=["rowLevelSecurity", "forceRowLevelSecurity", "policy", "trigger"]
              id integer not null default=nextval('activity_logs_id_seq'::regclass)
              user_id uuid null default=-
              action text not null default=-
              resource_type character varying(50) null default=-
              resource_id character varying(100) null default=-
              metadata jsonb null default=-
              timestamp timestamp without time zone not null default=now()
              pk activity_logs_pkey ["id"]
              fk activity_logs_user_id_fkey ["user_id"] -> public.profiles["id"] delete=set null
              index ix_activity_logs_user_timestamp btree (user_id, timestamp desc)
            table public.api_keys rls=false force=false comment=- notStated=["rowLevelSecurity", "forceRowLevelSecurity", "policy", "trigger"]
              id uuid not null default=gen_random_uuid()
              user_id uuid not null default=-
              name character varying(200) not null default=-
              key_hash character varying(255) not null default=-
              key_prefix character varying(20) not null default=-
              status character varying(20) not null default='active'
              permissions jsonb not null default='[]'::jsonb
              rate_limit integer not null default=1000
              usage_count integer not null default=0
              last_used_at timestamp without time zone null default=-
              last_used_ip character varying(45) null default=-
              expires_at timestamp without time zone null default=-
              created_at timestamp without time zone not null default=now()
              updated_at timestamp without time zone not null default=now()
              pk api_keys_pkey ["id"]
              unique api_keys_key_hash_key ["key_hash"]
              fk api_keys_user_id_fkey ["user_id"] -> public.profiles["id"] delete=cascade
              check ck_api_keys_rate_limit_positive rate_limit > 0
              check ck_api_keys_status status IN ('active', 'revoked', 'expired')
              index ix_api_keys_user_id btree (user_id)
            table public.crawl_jobs rls=false force=false comment=- notStated=["rowLevelSecurity", "forceRowLevelSecurity", "policy", "trigger"]
              id integer not null default=nextval('crawl_jobs_id_seq'::regclass)
              project_id integer not null default=-
              name character varying(100) not null default=-
              keywords jsonb not null default=-
              max_images integer not null default=1000
              status character varying(20) not null default='pending'
              progress integer not null default=0
              total_images integer not null default=0
              downloaded_images integer not null default=0
              valid_images integer not null default=0
              started_at timestamp without time zone null default=-
              completed_at timestamp without time zone null default=-
              created_at timestamp without time zone not null default=now()
              updated_at timestamp without time zone not null default=now()
              total_chunks integer not null default=0
              active_chunks integer not null default=0
              completed_chunks integer not null default=0
              failed_chunks integer not null default=0
              task_ids jsonb not null default='[]'::jsonb
              pk crawl_jobs_pkey ["id"]
              fk crawl_jobs_project_id_fkey ["project_id"] -> public.projects["id"] delete=cascade
              check ck_crawl_jobs_progress progress >= 0 AND progress <= 100
              check ck_crawl_jobs_status status IN ('pending', 'running', 'completed', 'failed', 'cancelled')
              check crawl_jobs_max_images_check max_images > 0
              index ix_crawl_jobs_project_status btree (project_id, status)
            table public.credit_accounts rls=false force=false comment=- notStated=["rowLevelSecurity", "forceRowLevelSecurity", "policy", "trigger"]
              id uuid not null default=gen_random_uuid()
              user_id uuid not null default=-
              current_balance integer not null default=0
              monthly_usage integer not null default=0
              average_daily_usage numeric(10,2) not null default=0.00
              auto_refill_enabled boolean not null default=false
              refill_threshold integer not null default=100
              refill_amount integer not null default=500
              monthly_limit integer not null default=2000
              created_at timestamp without time zone not null default=now()
              updated_at timestamp without time zone not null default=now()
              pk credit_accounts_pkey ["id"]
              unique credit_accounts_user_id_key ["user_id"]
              fk credit_accounts_user_id_fkey ["user_id"] -> public.profiles["id"] delete=cascade
              check ck_credit_accounts_balance_non_negative current_balance >= 0
            table public.credit_transactions rls=false force=false comment=- notStated=["rowLevelSecurity", "forceRowLevelSecurity", "policy", "trigger"]
              id uuid not null default=gen_random_uuid()
              account_id uuid not null default=-
              user_id uuid not null default=-
              type character varying(20) not null default=-
              description text not null default=-
              amount integer not null default=-
              balance_after integer not null default=-
              status character varying(20) not null default='completed'
              metadata jsonb null default=-
              created_at timestamp without time zone not null default=now()
              pk credit_transactions_pkey ["id"]
              fk credit_transactions_account_id_fkey ["account_id"] -> public.credit_accounts["id"] delete=cascade
              fk credit_transactions_user_id_fkey ["user_id"] -> public.profiles["id"] delete=cascade
              check ck_credit_transactions_type type IN ('purchase', 'usage', 'refund', 'bonus')
              index ix_credit_transactions_account_id btree (account_id)
              index ix_credit_transactions_user_created btree (user_id, created_at)
              index ix_credit_transactions_user_id btree (user_id)
            table public.images rls=false force=false comment=- notStated=["rowLevelSecurity", "forceRowLevelSecurity", "policy", "trigger"]
              id integer not null default=nextval('images_id_seq'::regclass)
              crawl_job_id integer not null default=-
              original_url text not null default=-
              filename character varying(255) not null default=-
              storage_url text null default=-
              width integer null default=-
              height integer null default=-
              file_size integer null default=-
              format character varying(10) null default=-
              hash character varying(64) null default=-
              is_valid boolean not null default=true
              is_duplicate boolean not null default=false
              labels jsonb null default=-
              metadata jsonb null default=-
              created_at timestamp without time zone not null default=now()
              pk images_pkey ["id"]
              fk images_crawl_job_id_fkey ["crawl_job_id"] -> public.crawl_jobs["id"] delete=cascade
              index ix_images_crawl_job_id btree (crawl_job_id)
              index ix_images_hash btree (hash)
            table public.notification_preferences rls=false force=false comment=- notStated=["rowLevelSecurity", "forceRowLevelSecurity", "policy", "trigger"]
              id integer not null default=nextval('notification_preferences_id_seq'::regclass)
              user_id uuid not null default=-
              email_enabled boolean not null default=true
              push_enabled boolean not null default=true
              sms_enabled boolean not null default=false
              crawl_jobs_enabled boolean not null default=true
              datasets_enabled boolean not null default=true
              billing_enabled boolean not null default=true
              security_enabled boolean not null default=true
              marketing_enabled boolean not null default=false
              product_updates_enabled boolean not null default=true
              digest_frequency public.digest_frequency not null default='daily'
              quiet_hours_start time without time zone null default=-
              quiet_hours_end time without time zone null default=-
              created_at timestamp without time zone not null default=now()
              updated_at timestamp without time zone not null default=now()
              pk notification_preferences_pkey ["id"]
              unique notification_preferences_user_id_key ["user_id"]
              fk notification_preferences_user_id_fkey ["user_id"] -> public.profiles["id"] delete=cascade
            table public.notifications rls=false force=false comment=- notStated=["rowLevelSecurity", "forceRowLevelSecurity", "policy", "trigger"]
              id integer not null default=nextval('notifications_id_seq'::regclass)
              user_id uuid not null default=-
              type character varying(20) not null default=-
              category character varying(50) null default=-
              title character varying(255) not null default=-
              message text not null default=-
              icon character varying(50) null default=-
              color character varying(20) null default=-
              action_url text null default=-
              action_label character varying(100) null default=-
              is_read boolean not null default=false
              read_at timestamp without time zone null default=-
              metadata jsonb null default=-
              created_at timestamp without time zone not null default=now()
              pk notifications_pkey ["id"]
              fk notifications_user_id_fkey ["user_id"] -> public.profiles["id"] delete=cascade
              index ix_notifications_user_id btree (user_id)
            table public.profiles rls=true force=false comment=- notStated=["trigger"]
              id uuid not null default=- comment=References auth.users.id
              email character varying(255) not null default=-
              full_name character varying(100) null default=-
              avatar_url text null default=-
              role character varying(20) not null default='user'
              onboarding_completed boolean not null default=false
              onboarding_completed_at timestamp without time zone null default=-
              created_at timestamp without time zone not null default=now()
              updated_at timestamp without time zone not null default=now()
              pk profiles_pkey ["id"]
              check ck_profiles_role role IN ('user', 'admin')
              index ix_profiles_email unique btree (email)
              policy Users can insert own profile insert ["public"] using=- check=id = current_setting('app.user_id')::uuid
              policy Users can update own profile update ["public"] using=id = current_setting('app.user_id')::uuid check=-
              policy Users can view own profile select ["public"] using=id = current_setting('app.user_id')::uuid check=-
            table public.projects rls=true force=false comment=- notStated=[]
              id integer not null default=nextval('projects_id_seq'::regclass)
              name character varying(100) not null default=-
              description text null default=-
              user_id uuid not null default=-
              status character varying(20) not null default='active'
              created_at timestamp without time zone not null default=now()
              updated_at timestamp without time zone not null default=now()
              pk projects_pkey ["id"]
              fk projects_user_id_fkey ["user_id"] -> public.profiles["id"] delete=cascade
              check projects_status_check status IN ('active', 'archived', 'deleted')
              index ix_projects_user_id btree (user_id)
              trigger projects_updated_at before ["update"] row public.handle_updated_at
            table public.usage_metrics rls=false force=false comment=- notStated=["rowLevelSecurity", "forceRowLevelSecurity", "policy", "trigger"]
              id uuid not null default=gen_random_uuid()
              user_id uuid not null default=-
              metric_date date not null default=-
              images_processed integer not null default=0
              images_limit integer not null default=10000
              storage_used_gb numeric(10,2) not null default=0.00
              storage_limit_gb numeric(10,2) not null default=100.00
              api_calls integer not null default=0
              api_calls_limit integer not null default=50000
              bandwidth_used_gb numeric(10,2) not null default=0.00
              bandwidth_limit_gb numeric(10,2) not null default=500.00
              created_at timestamp without time zone not null default=now()
              pk usage_metrics_pkey ["id"]
              unique usage_metrics_user_id_metric_date_key ["user_id", "metric_date"]
              fk usage_metrics_user_id_fkey ["user_id"] -> public.profiles["id"] delete=cascade
            """)
    }
}
