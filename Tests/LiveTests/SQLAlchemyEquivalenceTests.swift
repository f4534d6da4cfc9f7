import SQLAlchemyReader
import SchemaModel
import Testing
import TestSupport

/// `database.sql` of each SQLAlchemy fixture is `metadata.create_all()`'s DDL for its models
/// (scripts/sqlalchemy/dump_ddl.py), so both readers must agree on everything SQLAlchemy can state.
@Suite struct SQLAlchemyEquivalenceTests {
    /// Columns with Python-side `default=` / `onupdate=` only.
    static let clientDefaults: [String: [String]] = [
        "pixcrawler-backend": [
            "public.api_keys.updated_at", "public.crawl_jobs.updated_at", "public.credit_accounts.updated_at",
            "public.notification_preferences.updated_at", "public.profiles.updated_at", "public.projects.updated_at",
        ],
        "ledger-classic": ["ledger.suppliers.payment_terms_days"],
    ]

    @Test(arguments: ["pixcrawler-backend", "ledger-classic"])
    func sqlalchemyModelEqualsLoadedDatabase(fixture: String) throws {
        let read = SQLAlchemyReader.read(
            paths: [TestSupport.fixturePath(fixture + "/sqlalchemy")], files: TestSupport.files)
        #expect(!read.hasErrors, "\(fixture): \(Equivalence.describe(read.diagnostics))")
        let database = try Equivalence.databaseCatalog(fixture: fixture)
        #expect(!read.catalog.schemas.isEmpty)
        Equivalence.expectOnlyClientDefaults(
            reference: read.catalog, label: "sqlalchemy", database: database, Self.clientDefaults[fixture] ?? ["?"], fixture: fixture)
        // SQLAlchemy states no policies; everything else it declares must be in the database as is.
        let kinds: [ObjectKind] = [.table, .column, .check, .foreignKey, .index]
        let stated = Equivalence.inventory(read.catalog, kinds)
        #expect(stated == Equivalence.inventory(database, kinds))
        #expect(stated[.check]?.isEmpty == false && stated[.foreignKey]?.isEmpty == false)
    }
}
