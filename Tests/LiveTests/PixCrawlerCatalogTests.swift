import Foundation
import PostgresCatalog
import SchemaModel
import Testing
import TestSupport

/// Reads `Fixtures/pixcrawler/database.sql` (drizzle-kit's DDL plus Supabase triggers) back from a
/// real PostgreSQL and checks the whole application schema the catalog reader reports.
@Suite struct PixCrawlerCatalogTests {
    static let tableNames = [
        "activity_logs", "api_keys", "crawl_jobs", "credit_accounts", "credit_transactions", "images",
        "notification_preferences", "notifications", "profiles", "projects", "usage_metrics",
    ]

    let url: String
    let catalog: Catalog

    init() throws {
        url = try LiveDatabase.load(fixture: "pixcrawler").url
        catalog = try PostgresCatalogReader(connectionString: ConnectionString(url)).read().catalog
    }

    func table(_ name: String, schema: String = "public") throws -> Table {
        try #require(catalog.table(QualifiedName(schema: schema, name: name)))
    }

    var publicTables: [Table] { catalog.schema(named: "public")?.tables ?? [] }

    @Test func reportsAllElevenTablesWithRowLevelSecurity() {
        #expect(publicTables.map(\.name).sorted() == Self.tableNames)
        #expect(publicTables.filter(\.rowLevelSecurity).count == 11)
        #expect(publicTables.allSatisfy { !$0.forceRowLevelSecurity })
    }

    /// (name, canonical type, nullable, default as PostgreSQL prints it)
    typealias ColumnRow = (String, SQLType, Bool, String?)

    static let expectedColumns: [String: [ColumnRow]] = [
        "profiles": [
            ("id", .uuid, false, nil),
            ("email", .varchar(255), false, nil),
            ("full_name", .varchar(100), true, nil),
            ("avatar_url", .text, true, nil),
            ("role", .varchar(20), false, "'user'::character varying"),
            ("onboarding_completed", .boolean, false, "false"),
            ("onboarding_completed_at", .timestamp, true, nil),
            ("created_at", .timestamp, false, "now()"),
            ("updated_at", .timestamp, false, "now()"),
        ],
        "projects": [
            ("id", .integer, false, "nextval('projects_id_seq'::regclass)"),
            ("name", .varchar(100), false, nil),
            ("description", .text, true, nil),
            ("user_id", .uuid, false, nil),
            ("status", .varchar(20), false, "'active'::character varying"),
            ("created_at", .timestamp, false, "now()"),
            ("updated_at", .timestamp, false, "now()"),
        ],
        "activity_logs": [
            ("id", .integer, false, "nextval('activity_logs_id_seq'::regclass)"),
            ("user_id", .uuid, false, nil),
            ("action", .varchar(100), false, nil),
            ("resource_type", .varchar(50), true, nil),
            ("resource_id", .varchar(100), true, nil),
            ("metadata", .jsonb, true, nil),
            ("timestamp", .timestamp, false, "now()"),
        ],
        "images": [
            ("id", .integer, false, "nextval('images_id_seq'::regclass)"),
            ("crawl_job_id", .integer, false, nil),
            ("original_url", .text, false, nil),
            ("filename", .varchar(255), false, nil),
            ("storage_url", .text, true, nil),
            ("width", .integer, true, nil),
            ("height", .integer, true, nil),
            ("file_size", .bigint, true, nil),
            ("format", .varchar(10), true, nil),
            ("hash", .varchar(64), true, nil),
            ("is_valid", .boolean, false, "true"),
            ("is_duplicate", .boolean, false, "false"),
            ("labels", .jsonb, true, nil),
            ("metadata", .jsonb, true, nil),
            ("created_at", .timestamp, false, "now()"),
        ],
    ]

    @Test(arguments: ["profiles", "projects", "activity_logs", "images"])
    func reportsExactColumns(tableName: String) throws {
        let columns = try table(tableName).columns
        let expected = try #require(Self.expectedColumns[tableName])
        #expect(columns.map(\.name) == expected.map(\.0))
        for (column, row) in zip(columns, expected) {
            #expect(column.type == row.1, "\(tableName).\(column.name)")
            #expect(column.isNullable == row.2, "\(tableName).\(column.name)")
            #expect(column.defaultExpression == row.3, "\(tableName).\(column.name)")
        }
    }

    @Test func reportsEveryIndex() {
        let indexes = publicTables.flatMap { table in table.indexes.map { "\(table.name).\($0.name ?? "-")" } }
        #expect(indexes.sorted() == [
            "activity_logs.activity_logs_timestamp_idx", "activity_logs.activity_logs_user_id_idx",
            "api_keys.api_keys_status_idx", "api_keys.api_keys_user_id_idx",
            "crawl_jobs.crawl_jobs_project_id_idx", "crawl_jobs.crawl_jobs_project_status_idx",
            "crawl_jobs.crawl_jobs_status_idx",
            "credit_transactions.credit_transactions_account_id_idx",
            "credit_transactions.credit_transactions_created_at_idx",
            "credit_transactions.credit_transactions_user_id_idx",
            "images.images_crawl_job_id_idx", "images.images_hash_idx",
            "notifications.notifications_created_at_idx", "notifications.notifications_user_id_idx",
            "notifications.notifications_user_unread_idx",
            "projects.projects_user_id_idx", "usage_metrics.usage_metrics_metric_date_idx",
        ])
        let timestamp = publicTables.first { $0.name == "activity_logs" }?.indexes
            .first { $0.name == "activity_logs_timestamp_idx" }
        #expect(timestamp?.keys == [TableIndex.Key(column: "timestamp", descending: true, nullsFirst: false)])
    }

    @Test func reportsEveryConstraint() {
        #expect(publicTables.compactMap { $0.primaryKey?.name }.sorted() == Self.tableNames.map { $0 + "_pkey" })
        #expect(publicTables.flatMap { $0.uniqueConstraints.compactMap(\.name) }.sorted() == [
            "api_keys_key_hash_unique", "credit_accounts_user_id_unique",
            "notification_preferences_user_id_unique", "profiles_email_unique",
            "usage_metrics_user_id_metric_date_unique",
        ])
        #expect(publicTables.flatMap { $0.checks.compactMap(\.name) }.sorted() == [
            "api_keys_rate_limit_check", "api_keys_status_check", "crawl_jobs_chunks_check",
            "crawl_jobs_max_images_check", "crawl_jobs_progress_check", "credit_accounts_balance_check",
            "credit_transactions_status_check", "credit_transactions_type_check",
            "notification_preferences_digest_check", "notifications_type_check", "profiles_role_check",
            "projects_status_check",
        ])
        #expect(publicTables.flatMap { $0.foreignKeys.compactMap(\.name) }.sorted() == [
            "activity_logs_user_id_profiles_id_fk", "api_keys_user_id_profiles_id_fk",
            "crawl_jobs_project_id_projects_id_fk", "credit_accounts_user_id_profiles_id_fk",
            "credit_transactions_account_id_credit_accounts_id_fk", "credit_transactions_user_id_profiles_id_fk",
            "images_crawl_job_id_crawl_jobs_id_fk", "notification_preferences_user_id_profiles_id_fk",
            "notifications_user_id_profiles_id_fk", "profiles_id_users_id_fk", "projects_user_id_profiles_id_fk",
            "usage_metrics_user_id_profiles_id_fk",
        ])
        let profileKey = publicTables.first { $0.name == "profiles" }?.foreignKeys.first
        #expect(profileKey?.referencedTable == QualifiedName(schema: "auth", name: "users"))
        #expect(profileKey?.onDelete == .cascade)
    }

    @Test func reportsAllSeventeenPolicies() throws {
        let policies = publicTables.flatMap { table in table.policies.map { (table.name, $0) } }
        #expect(policies.count == 17)
        #expect(policies.allSatisfy { $0.1.roles == ["authenticated"] && $0.1.isPermissive })
        let profiles = try table("profiles").policies
        #expect(profiles.map(\.name).sorted() == [
            "Users can insert own profile", "Users can update own profile", "Users can view own profile",
        ])
        let view = try #require(profiles.first { $0.name == "Users can view own profile" })
        #expect(view.command == .select)
        #expect(view.using == "(( SELECT auth.uid() AS uid) = id)")
        #expect(view.withCheck == nil)
        #expect(Set(try table("api_keys").policies.map(\.command)) == [.select, .insert, .update, .delete])
    }

    @Test func reportsUpdatedAtTriggersAndTheSignUpTrigger() throws {
        let withUpdatedAt = publicTables.filter { $0.triggers.contains { $0.name == "handle_updated_at" } }
        #expect(withUpdatedAt.map(\.name).sorted() == [
            "api_keys", "crawl_jobs", "credit_accounts", "notification_preferences", "profiles", "projects",
        ])
        for table in withUpdatedAt {
            let trigger = try #require(table.triggers.first)
            #expect(table.triggers.count == 1)
            #expect(trigger.timing == .before)
            #expect(trigger.level == .row)
            #expect(trigger.function == QualifiedName(schema: "public", name: "handle_updated_at"))
        }
        let users = try table("users", schema: "auth")
        #expect(users.triggers.map(\.name) == ["on_auth_user_created"])
        #expect(users.triggers.first?.timing == .after)
        #expect(users.triggers.first?.function == QualifiedName(schema: "public", name: "handle_new_user"))
    }

    @Test func twoReadsGiveIdenticalJSON() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let again = try PostgresCatalogReader(connectionString: ConnectionString(url)).read().catalog
        let first = try encoder.encode(catalog)
        let second = try encoder.encode(again)
        #expect(first == second)
        #expect(first.count > 10_000)
    }
}
