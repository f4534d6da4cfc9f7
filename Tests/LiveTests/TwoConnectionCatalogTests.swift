import Foundation
import PostgresCatalog
import SchemaModel
import Testing
import TestSupport

/// A large catalog is read on two connections that share one exported snapshot. Small fixtures are
/// forced onto that path (`tablesForSecondConnection: 0`) and must read exactly as on one connection,
/// including when the second connection cannot be opened.
@Suite struct TwoConnectionCatalogTests {
    static let fixtures = ["catalog-features", "pixcrawler", "delula", "roborail", "ledger-classic"]

    /// Creates a login role in `database` after running `setup` (with `ROLE` standing for its name)
    /// and returns a URL that connects as it.
    func roleURL(_ database: LiveDatabase, password: String, setup: String) throws -> String {
        let role = "role_\(UInt32.random(in: 0..<UInt32.max))"
        try database.execute(setup.replacingOccurrences(of: "ROLE_NAME", with: role))
        let admin = try LiveDatabase.adminURL()
        let hostPort = String((admin.split(separator: "@").last ?? "").split(separator: "/").first ?? "")
        return "postgresql://\(role):\(password)@\(hostPort)/\(database.name)"
    }

    func read(_ url: String, connections: Int, from tables: Int = 0) throws -> PostgresCatalogReader.Snapshot {
        try PostgresCatalogReader(
            connectionString: ConnectionString(url),
            options: .init(catalogConnections: connections, tablesForSecondConnection: tables)
        ).read()
    }

    @Test(arguments: fixtures)
    func twoConnectionsReadWhatOneReads(_ fixture: String) throws {
        let database = try LiveDatabase.load(fixture: fixture)
        let one = try read(database.url, connections: 1)
        let two = try read(database.url, connections: 2)
        #expect(!one.catalog.schemas.flatMap(\.tables).isEmpty)
        #expect(one.connectionsUsed == 1)
        #expect(two.connectionsUsed == 2)
        #expect(two.catalog == one.catalog)
        // The second connection runs the relation queries for its share of the tables, timed apart.
        let relationQueries = ["constraints", "indexes", "policies", "triggers"]
        #expect(two.queryTimings.map(\.query).sorted()
            == (one.queryTimings.map(\.query) + relationQueries.map { $0 + " (second connection)" }).sorted())
    }

    /// A role allowed one connection: the second is refused, and the first reads everything itself.
    @Test func fallsBackToOneConnectionWhenTheSecondIsRefused() throws {
        let database = try LiveDatabase.load(fixture: "catalog-features")
        let limited = try roleURL(database, password: "one-conn-secret", setup: """
            CREATE ROLE ROLE_NAME LOGIN PASSWORD 'one-conn-secret' CONNECTION LIMIT 1;
            GRANT CONNECT ON DATABASE \(database.name) TO ROLE_NAME;
            """)
        let expected = try read(database.url, connections: 1).catalog
        let fallback = try read(limited, connections: 2)
        #expect(fallback.connectionsUsed == 1)
        #expect(fallback.catalog == expected)
    }

    /// With default options a catalog below the threshold is read on one connection, and one at the
    /// threshold on two.
    @Test func secondConnectionFromTheThresholdOn() throws {
        let database = try LiveDatabase.load(fixture: "pixcrawler")
        let snapshot = try PostgresCatalogReader(connectionString: ConnectionString(database.url)).read()
        let tables = snapshot.rows.tables.count
        #expect(tables < PostgresCatalogReader.Options().tablesForSecondConnection)
        #expect(snapshot.connectionsUsed == 1)
        #expect(try read(database.url, connections: 2, from: tables).connectionsUsed == 2)
        #expect(try read(database.url, connections: 2, from: tables + 1).connectionsUsed == 1)
    }

    /// A query that fails on the second connection is an error (it is not run again on the first,
    /// which would double the wait): here the table in its share is locked until the statement times out.
    @Test func aQueryFailingOnTheSecondConnectionIsReported() throws {
        let database = try LiveDatabase.create("locked_share", sql: """
            CREATE TABLE first_table (n integer CHECK (n > 0));
            CREATE TABLE second_table (n integer CHECK (n > 0));
            """)
        let locker = try PostgresConnection(ConnectionString(database.url))
        try locker.execute("BEGIN; LOCK TABLE first_table IN ACCESS EXCLUSIVE MODE;")
        defer { _ = try? locker.execute("ROLLBACK") }
        do {
            _ = try PostgresCatalogReader(
                connectionString: ConnectionString(database.url),
                options: .init(statementTimeoutMilliseconds: 300, catalogConnections: 2, tablesForSecondConnection: 0)
            ).read()
            Issue.record("reading a locked table's check should have timed out")
        } catch let error as CatalogError {
            #expect(error.reason == .statementTimeout)
            #expect(error.queryName == "constraints (second connection)")
        }
    }

    /// A server that will not export a snapshot (a standby, a role without the right) aborts the
    /// transaction; the whole catalog is then read again on one connection.
    @Test func readsOnOneConnectionWhenTheSnapshotCannotBeExported() throws {
        let database = try LiveDatabase.load(fixture: "catalog-features")
        let limited = try roleURL(database, password: "no-snapshot-secret", setup: """
            CREATE ROLE ROLE_NAME LOGIN PASSWORD 'no-snapshot-secret';
            GRANT CONNECT ON DATABASE \(database.name) TO ROLE_NAME;
            REVOKE EXECUTE ON FUNCTION pg_catalog.pg_export_snapshot() FROM PUBLIC;
            """)
        let expected = try read(database.url, connections: 1).catalog
        let fallback = try read(limited, connections: 2)
        #expect(fallback.connectionsUsed == 1)
        #expect(fallback.catalog == expected)
        #expect(!fallback.queryTimings.map(\.query).contains { $0.hasSuffix("(second connection)") })
    }
}
