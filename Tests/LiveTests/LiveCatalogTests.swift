import PostgresCatalog
import SchemaModel
import Testing
import TestSupport

/// Reads `Fixtures/catalog-features/database.sql` back from a real PostgreSQL and checks every mapping.
@Suite struct LiveCatalogTests {
    let catalog: Catalog

    init() throws {
        let database = try LiveDatabase.load(fixture: "catalog-features")
        catalog = try PostgresCatalogReader(connectionString: ConnectionString(database.url)).read().catalog
    }

    func table(_ schema: String, _ name: String) throws -> Table {
        try #require(catalog.table(QualifiedName(schema: schema, name: name)))
    }

    @Test func readsSchemasTablesAndPartitionedParentsOnly() throws {
        #expect(catalog.schemas.map(\.name) == ["auth", "public"])
        #expect(catalog.schema(named: "public")?.tables.map(\.name) == ["Profiles", "parted", "projects"])
        #expect(try table("public", "parted").kind == .partitioned)
        #expect(catalog.schema(named: "public")?.views.map(\.name) == ["v"])
        #expect(catalog.schema(named: "public")?.sequences.map(\.name) == ["standalone_seq"])
    }

    @Test func readsColumnsWithCanonicalTypesDefaultsIdentityAndGenerated() throws {
        let profiles = try table("public", "Profiles")
        #expect(profiles.columns.map(\.name) == ["id", "email", "m", "tags", "n", "created_at", "Weird Col", "g"])
        let columns = Dictionary(uniqueKeysWithValues: profiles.columns.map { ($0.name, $0) })
        #expect(columns["id"]?.type == .uuid)
        #expect(columns["id"]?.defaultExpression == "gen_random_uuid()")
        #expect(columns["email"]?.type == .varchar(255))
        #expect(columns["email"]?.isNullable == false)
        #expect(columns["m"]?.type == SQLType("public.mood"))
        #expect(columns["m"]?.defaultExpression == "'ok'::mood")
        #expect(columns["tags"]?.type == SQLType.text.arrayOf)
        #expect(columns["n"]?.type == .numeric(precision: 10, scale: 2))
        #expect(columns["created_at"]?.type == SQLType("timestamp with time zone", modifiers: ["3"]))
        #expect(columns["Weird Col"]?.identity?.generation == .always)
        #expect(columns["Weird Col"]?.identity?.start == 10)
        #expect(columns["Weird Col"]?.identity?.increment == 5)
        #expect(columns["g"]?.generatedExpression == "(\"Weird Col\" * 2)")
        #expect(columns["g"]?.defaultExpression == nil)

        let projects = try table("public", "projects")
        #expect(projects.column(named: "id")?.type == .integer)
        #expect(projects.column(named: "id")?.defaultExpression == "nextval('projects_id_seq'::regclass)")
        #expect(projects.column(named: "status")?.defaultExpression == "'active'::character varying")
    }

    @Test func readsConstraintsWithoutTheirBackingIndexes() throws {
        let profiles = try table("public", "Profiles")
        #expect(profiles.primaryKey?.name == "Profiles_pkey")
        #expect(profiles.uniqueConstraints.map(\.name) == ["Profiles_email_key"])
        #expect(profiles.checks.map(\.expression) == ["(n > (0)::numeric)"])
        let projects = try table("public", "projects")
        #expect(projects.uniqueConstraints.first?.columns == ["owner", "name"])
        let key = try #require(projects.foreignKeys.first)
        #expect(key.referencedTable == QualifiedName(schema: "public", name: "Profiles"))
        #expect(key.referencedColumns == ["id"])
        #expect(key.onDelete == .cascade)
        #expect(key.onUpdate == .noAction)
        #expect(projects.indexes.map(\.name) == ["projects_name_idx"])
    }

    @Test func readsExpressionPartialIndexesWithInclude() throws {
        let index = try #require(try table("public", "projects").indexes.first)
        #expect(index.keys == [TableIndex.Key(expression: "lower(name)", descending: true, nullsFirst: false)])
        #expect(index.includedColumns == ["status"])
        #expect(index.method == "btree")
        #expect(index.predicate == "((status)::text <> 'deleted'::text)")
    }

    @Test func readsRowLevelSecurityPoliciesAndTriggers() throws {
        let projects = try table("public", "projects")
        #expect(projects.rowLevelSecurity)
        #expect(projects.forceRowLevelSecurity)
        #expect(try !table("public", "Profiles").rowLevelSecurity)
        let policy = try #require(projects.policies.first)
        #expect(policy.name == "own projects")
        #expect(!policy.isPermissive)
        #expect(policy.command == .update)
        #expect(policy.roles == ["authenticated"])
        #expect(policy.using == "(( SELECT auth.uid() AS uid) = owner)")
        #expect(policy.withCheck?.contains("ANY") == true)
        let trigger = try #require(projects.triggers.first)
        #expect(trigger.name == "touch_it")
        #expect(trigger.timing == .before)
        #expect(trigger.level == .row)
        #expect(trigger.events == [Trigger.Event(.insert), Trigger.Event(.update, columns: ["name", "status"])])
        #expect(trigger.function == QualifiedName(schema: "public", name: "touch"))
        #expect(trigger.arguments == ["a", "b"])
        #expect(trigger.when == "new.name IS NOT NULL")
    }

    @Test func readsEnumsInOrderAndHonoursSchemaFilter() throws {
        #expect(catalog.schema(named: "public")?.enums.first?.labels == ["sad", "ok", "happy"])
        let database = try LiveDatabase.load(fixture: "catalog-features")
        let onlyAuth = try PostgresCatalogReader(
            connectionString: ConnectionString(database.url), options: .init(schemas: ["auth"])
        ).read().catalog
        #expect(onlyAuth.schemas.map(\.name) == ["auth"])
        #expect(onlyAuth.schema(named: "auth")?.tables.map(\.name) == ["users"])
    }
}
