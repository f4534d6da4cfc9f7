import SchemaModel
import Testing
import TestSupport

@testable import SQLAlchemyReader

/// The fixtures' models read statically must state what `create_all()` put in their `database.sql`
/// (checked against PostgreSQL 15 when the fixture was generated; see scripts/sqlalchemy/dump_ddl.py).
@Suite struct FixtureTests {
    static func read(_ name: String) -> ReadResult {
        SQLAlchemyReader.read(paths: [TestSupport.fixturePath("\(name)/sqlalchemy")], files: TestSupport.files)
    }

    @Test func pixcrawlerBackendHasTheElevenTablesOfTheSeedReport() {
        let result = Self.read("pixcrawler-backend")
        #expect(result.diagnostics.isEmpty)
        #expect(result.catalog.schemas.map(\.name) == ["public"])
        #expect(result.catalog.schemas.first?.tables.map(\.name) == [
            "activity_logs", "api_keys", "crawl_jobs", "credit_accounts", "credit_transactions", "images",
            "notification_preferences", "notifications", "profiles", "projects", "usage_metrics",
        ])
    }

    @Test func pixcrawlerMixinsCheckConstraintsAndDefaults() throws {
        let result = Self.read("pixcrawler-backend")
        let jobs = try #require(result.table("crawl_jobs"))
        #expect(jobs.columns.map(\.name).suffix(7) == ["created_at", "updated_at", "total_chunks", "active_chunks", "completed_chunks", "failed_chunks", "task_ids"])
        #expect(jobs.col("task_ids")?.defaultExpression == "'[]'::jsonb")
        #expect(jobs.col("task_ids")?.provenance.location?.line == 36)
        #expect(jobs.col("updated_at")?.clientDefault == "onupdate=func.now()")
        #expect(jobs.col("id")?.defaultExpression == "nextval('crawl_jobs_id_seq'::regclass)")
        #expect(jobs.checks.map(\.name) == ["ck_crawl_jobs_progress", "ck_crawl_jobs_status", "crawl_jobs_max_images_check"])
        let profiles = try #require(result.table("profiles"))
        #expect(profiles.col("email")?.type == .varchar(255))
        #expect(profiles.indexes.map(\.name) == ["ix_profiles_email"])
        #expect(profiles.indexes.first?.isUnique == true)
        #expect(profiles.uniqueConstraints.isEmpty)
        #expect(profiles.col("id")?.comment == "References auth.users.id")
        #expect(profiles.rowLevelSecurity)
        #expect(profiles.policies.count == 3)
        #expect(result.table("projects")?.checks.map(\.name) == ["projects_status_check"])
        #expect(result.table("projects")?.triggers.map(\.name) == ["projects_updated_at"])
        #expect(result.table("projects")?.rowLevelSecurity == true)
        #expect(result.table("usage_metrics")?.uniqueConstraints.map(\.name) == ["usage_metrics_user_id_metric_date_key"])
        #expect(result.table("notification_preferences")?.col("digest_frequency")?.type == SQLType("public.digest_frequency"))
        #expect(result.table("images")?.col("metadata")?.type == .jsonb)
        #expect(result.table("activity_logs")?.indexes.first?.keyDescription == "(user_id, timestamp desc)")
    }

    @Test func ledgerClassicNamingConventionInheritanceAndAssociationTable() throws {
        let result = Self.read("ledger-classic")
        #expect(result.diagnostics.isEmpty)
        #expect(result.catalog.schema(named: "ledger")?.tables.map(\.name) == [
            "account_tags", "accounts", "customers", "entries", "journal_lines", "parties", "suppliers", "tags",
        ])
        let accounts = try #require(result.table("accounts", schema: "ledger"))
        #expect(accounts.primaryKey?.name == "pk_accounts")
        #expect(accounts.col("id")?.type == .bigint)
        #expect(accounts.col("id")?.defaultExpression == "nextval('ledger.accounts_id_seq'::regclass)")
        #expect(accounts.col("display_name")?.type == .varchar(120))
        #expect(accounts.col("kind")?.type == SQLType("public.account_kind"))
        #expect(accounts.col("parent_id")?.type == .bigint)
        #expect(accounts.col("status")?.type == .varchar(6))
        #expect(accounts.col("depreciation_rate") != nil)
        #expect(accounts.col("revision")?.defaultExpression == "'1'")
        #expect(accounts.col("created_by")?.defaultExpression == "CURRENT_USER")
        #expect(accounts.checks.map(\.name) == ["ck_accounts_account_status", "ck_accounts_code_length"])
        #expect(accounts.uniqueConstraints.map(\.name) == ["uq_accounts_code"])
        #expect(accounts.foreignKeys.map(\.name) == ["fk_accounts_parent_id_accounts"])
        #expect(accounts.comment == "Chart of accounts")
        #expect(result.catalog.schema(named: "public")?.enums.map(\.labels) == [["ASSET", "LIABILITY", "EQUITY", "INCOME", "EXPENSE"]])
        let parties = try #require(result.table("parties", schema: "ledger"))
        #expect(parties.col("id")?.identity == Identity(generation: .always, start: 1000))
        #expect(parties.indexes.map(\.name) == ["ix_ledger_parties_email", "ix_ledger_parties_legal_name"])
        #expect(result.table("customers", schema: "ledger")?.columns.map(\.name) == ["id", "credit_limit"])
        #expect(result.table("suppliers", schema: "ledger")?.foreignKeys.first?.name == "fk_suppliers_id_parties")
        let tags = try #require(result.table("account_tags", schema: "ledger"))
        #expect(tags.primaryKey?.name == "pk_account_tags")
        #expect(tags.col("account_id")?.type == .bigint)
        let entries = try #require(result.table("entries", schema: "ledger"))
        #expect(entries.col("memo_upper")?.generatedExpression == "upper(memo)")
        #expect(entries.col("tags")?.type == SQLType("character varying", modifiers: ["40"], arrayDimensions: 1))
        let lines = try #require(result.table("journal_lines", schema: "ledger"))
        #expect(lines.indexes.map(\.name) == ["ix_journal_lines_entry_line", "ix_journal_lines_meta", "ix_journal_lines_open"])
        #expect(lines.rowLevelSecurity && lines.forceRowLevelSecurity)
        #expect(lines.policies.first?.isPermissive == false)
        #expect(lines.col("line_no")?.defaultExpression == nil)
    }

    @Test func committedSqlIsWhatTheGeneratorLastProduced() throws {
        // database.sql is generated by scripts/sqlalchemy/dump_ddl.py; CI re-runs the script and diffs.
        for name in ["pixcrawler-backend", "ledger-classic"] {
            let sql = try TestSupport.fixtureText("\(name)/database.sql")
            #expect(sql.contains("CREATE TABLE"))
        }
    }
}
