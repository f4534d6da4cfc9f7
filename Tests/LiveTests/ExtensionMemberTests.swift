import PostgresCatalog
import SchemaModel
import Testing
import TestSupport

/// Objects that belong to an extension are the extension's business, not the application's schema:
/// the catalog reader leaves out member tables, enums and schemas (as pg_dump does).
@Suite struct ExtensionMemberTests {
    @Test(arguments: [1, 2])
    func extensionMembersAreLeftOut(connections: Int) throws {
        // plpgsql is installed in every database; any object can be made a member of it.
        let database = try LiveDatabase.create("ext", sql: """
            CREATE TABLE public.app_table (id integer PRIMARY KEY);
            CREATE TABLE public.extension_table (id integer PRIMARY KEY);
            CREATE TYPE public.app_mood AS ENUM ('ok');
            CREATE TYPE public.extension_mood AS ENUM ('meh');
            CREATE SCHEMA extension_schema;
            CREATE TABLE extension_schema.inside (id integer);
            ALTER EXTENSION plpgsql ADD TABLE public.extension_table;
            ALTER EXTENSION plpgsql ADD TYPE public.extension_mood;
            ALTER EXTENSION plpgsql ADD SCHEMA extension_schema;
            """)
        let catalog = try PostgresCatalogReader(
            connectionString: ConnectionString(database.url),
            options: .init(catalogConnections: connections, tablesForSecondConnection: 0)
        ).read().catalog
        #expect(catalog.schemas.map(\.name) == ["public"])
        #expect(catalog.schema(named: "public")?.tables.map(\.name) == ["app_table"])
        #expect(catalog.schema(named: "public")?.enums.map(\.name) == ["app_mood"])
    }
}
