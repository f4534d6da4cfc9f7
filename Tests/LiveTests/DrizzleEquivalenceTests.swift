import DrizzleReader
import PostgresCatalog
import SchemaDiff
import SchemaModel
import Testing
import TestSupport

/// Shared steps of the equivalence tests: read a fixture's database back and diff it against a reader.
enum Equivalence {
    /// The catalog PostgreSQL reports for `Fixtures/<fixture>/database.sql`, freshly loaded.
    static func databaseCatalog(fixture: String) throws -> Catalog {
        let database = try LiveDatabase.load(fixture: fixture)
        return try PostgresCatalogReader(connectionString: ConnectionString(database.url)).read().catalog
    }

    /// Findings of `reference` (a code reader's model) against the database, with the default
    /// exclusions (Supabase-owned schemas such as `auth` are not the application's).
    static func findings(reference: Catalog, label: String, database: Catalog, clientDefaults: Bool = false) -> [Finding] {
        SchemaDiffer.compare(
            reference: LabeledCatalog(label: label, catalog: reference),
            others: [LabeledCatalog(label: "database", catalog: database)],
            options: DiffOptions(reportClientDefaults: clientDefaults)
        ).findings
    }

    /// Checks a source compared with the database built from it gives zero findings, and that with
    /// client-side defaults reported (`--client-defaults`) the only findings are exactly `expected`.
    ///
    /// Client-side defaults (`$onUpdate`, `$defaultFn`, SQLAlchemy `default=` / `onupdate=`) never
    /// reach the database, so they are not drift; every other finding means the two readers disagree
    /// about something both can state.
    static func expectOnlyClientDefaults(
        reference: Catalog, label: String, database: Catalog, _ expected: [String], fixture: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let plain = findings(reference: reference, label: label, database: database)
        #expect(plain.isEmpty, "\(fixture): \(plain.count) findings\n\(describe(plain))", sourceLocation: sourceLocation)
        let findings = findings(reference: reference, label: label, database: database, clientDefaults: true)
        let drift = findings.filter { $0.id != "column_client_default" }
        #expect(drift.isEmpty, "\(fixture): \(drift.count) findings\n\(describe(drift))", sourceLocation: sourceLocation)
        let clientDefaults = findings.filter { $0.id == "column_client_default" }
        #expect(clientDefaults.allSatisfy { $0.severity == .info }, sourceLocation: sourceLocation)
        #expect(clientDefaults.map(\.objectKey).sorted() == expected, "\(fixture)", sourceLocation: sourceLocation)
    }

    /// Per object kind, `schema.table.object` names in `catalog`'s application schemas, so a test
    /// can show both readers found the same objects (not merely nothing to disagree about).
    static func inventory(_ catalog: Catalog, _ kinds: [ObjectKind]) -> [ObjectKind: [String]] {
        let tables = catalog.schemas.filter { DiffOptions().includes(schema: $0.name) }
            .flatMap { schema in schema.tables.map { (schema.name + "." + $0.name, $0) } }
        var result: [ObjectKind: [String]] = [:]
        for kind in kinds {
            result[kind] = tables.flatMap { key, table -> [String] in
                switch kind {
                case .table: return [key]
                case .column: return table.columns.map { key + "." + $0.name }
                case .check: return table.checks.map { key + "." + ($0.name ?? "?") }
                case .foreignKey: return table.foreignKeys.map { key + "." + ($0.name ?? "?") }
                case .index: return table.indexes.map { key + "." + ($0.name ?? "?") }
                case .policy: return table.policies.map { key + "." + $0.name }
                default: return []
                }
            }.sorted()
        }
        return result
    }

    /// One finding per line, with both values, for failure messages.
    static func describe(_ findings: [Finding]) -> String {
        findings.map { "\($0.id) \($0.objectKey): \($0.message) [expected \($0.expected ?? "-"), actual \($0.actual ?? "-")]" }
            .joined(separator: "\n")
    }

    /// Error diagnostics, one per line.
    static func describe(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.filter { $0.severity == .error }.map { "\($0)" }.joined(separator: "\n")
    }
}

/// `database.sql` of each Drizzle fixture is what drizzle-kit emits for its `drizzle/` folder, so the
/// Drizzle reader and the catalog reader must agree on everything Drizzle can state.
@Suite struct DrizzleEquivalenceTests {
    /// Columns whose `$onUpdate` / `$defaultFn` hooks exist only in the application.
    static let clientDefaults: [String: [String]] = [
        "pixcrawler": [],
        "roborail": [
            "public.chats.updated_at", "public.messages.message_group_id", "public.projects.updated_at",
            "public.user_keys.updated_at", "public.user_preferences.updated_at",
            "public.user_retrieval_settings.updated_at", "public.users.updated_at",
        ],
        "delula": [
            "public.component_dependencies.updated_at", "public.component_registry.updated_at",
            "public.generations.updated_at", "public.market_assets.updated_at", "public.providers.updated_at",
            "public.recipes.updated_at", "public.services.updated_at", "public.system_assets.updated_at",
            "public.user_assets.updated_at", "public.users.updated_at",
        ],
    ]

    @Test(arguments: ["pixcrawler", "roborail", "delula"])
    func drizzleModelEqualsLoadedDatabase(fixture: String) throws {
        let read = DrizzleReader.read(paths: [TestSupport.fixturePath(fixture + "/drizzle")], files: TestSupport.files)
        #expect(!read.hasErrors, "\(fixture): \(Equivalence.describe(read.diagnostics))")
        let database = try Equivalence.databaseCatalog(fixture: fixture)
        #expect(!read.catalog.schemas.isEmpty)
        Equivalence.expectOnlyClientDefaults(
            reference: read.catalog, label: "drizzle", database: database, Self.clientDefaults[fixture] ?? ["?"], fixture: fixture)
        let kinds: [ObjectKind] = [.table, .column, .check, .foreignKey, .index, .policy]
        let stated = Equivalence.inventory(read.catalog, kinds)
        #expect(stated == Equivalence.inventory(database, kinds))
        #expect(stated[.policy]?.isEmpty == false && stated[.check]?.isEmpty == false)
    }
}
