import PostgresCatalog
import Testing
import TestSupport

/// Every way a connection can fail ends in a ``CatalogError`` naming the step, without the password.
@Suite struct ConnectionFailureTests {
    func readError(_ url: String, options: PostgresCatalogReader.Options = .init()) -> CatalogError? {
        do {
            _ = try PostgresCatalogReader(connectionString: ConnectionString(url), options: options).read()
            return nil
        } catch let error as CatalogError {
            return error
        } catch {
            return nil
        }
    }

    /// Host and port of the test cluster, from its URL.
    func hostPort() throws -> String {
        let admin = try LiveDatabase.adminURL()
        let afterAt = admin.split(separator: "@").last ?? ""
        return String(afterAt.split(separator: "/").first ?? "")
    }

    @Test func malformedURL() throws {
        let error = try #require(readError("postgresql://u:pw@127.0.0.1:notaport/db"))
        #expect(error.step == .parseConnectionString || error.step == .connect)
        #expect(!error.description.contains("pw@"))
        let keyValue = try #require(readError("host=127.0.0.1 bogus_option=1 password=hunter2"))
        #expect(keyValue.step == .parseConnectionString)
        #expect(keyValue.reason == .malformedConnectionString)
        #expect(!keyValue.description.contains("hunter2"))
    }

    @Test func refusedConnection() throws {
        // Port 1 on loopback: nothing listens there.
        let error = try #require(readError("postgresql://u:secretpw@127.0.0.1:1/db"))
        #expect(error.step == .connect)
        #expect(error.reason == .connectionRefused)
        #expect(!error.description.contains("secretpw"))
    }

    @Test func wrongPassword() throws {
        let error = try #require(readError("postgresql://postgres:not-the-password@\(try hostPort())/postgres"))
        #expect(error.step == .authenticate)
        #expect(error.reason == .authenticationFailed)
        #expect(!error.description.contains("not-the-password"))
    }

    @Test func missingDatabase() throws {
        let url = LiveDatabase.url(forDatabase: "no_such_database_here", base: try LiveDatabase.adminURL())
        let error = try #require(readError(url))
        #expect(error.reason == .databaseMissing)
        #expect(error.description.contains("no_such_database_here"))
    }

    @Test func insufficientPrivilege() throws {
        let locked = try LiveDatabase.create("locked")
        let role = "nopriv_\(UInt32.random(in: 0..<UInt32.max))"
        try locked.execute("""
            CREATE ROLE \(role) LOGIN PASSWORD 'role-secret-123';
            REVOKE CONNECT ON DATABASE \(locked.name) FROM PUBLIC;
            """)
        let error = try #require(readError("postgresql://\(role):role-secret-123@\(try hostPort())/\(locked.name)"))
        #expect(error.reason == .insufficientPrivilege)
        #expect(!error.description.contains("role-secret-123"))
    }

    @Test func statementTimeoutIsReportedAsSuch() throws {
        let database = try LiveDatabase.create("timeout")
        let connection = try PostgresConnection(ConnectionString(database.url))
        try connection.execute("BEGIN READ ONLY; SET LOCAL statement_timeout = 50;")
        do {
            try connection.execute("SELECT pg_sleep(2)", queryName: "sleep")
            Issue.record("the statement should have timed out")
        } catch let error as CatalogError {
            #expect(error.step == .query)
            #expect(error.reason == .statementTimeout)
            #expect(error.queryName == "sleep")
        }
    }

    @Test func catalogTransactionIsReadOnly() throws {
        let database = try LiveDatabase.create("readonly")
        let connection = try PostgresConnection(ConnectionString(database.url))
        _ = try PostgresCatalogReader(connectionString: ConnectionString(database.url)).readRows(connection)
        // readRows rolled back its transaction; a new read-only one refuses writes, proving the mode.
        try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        #expect(throws: CatalogError.self) { try connection.execute("CREATE TABLE should_fail (id int)") }
        try connection.execute("ROLLBACK")
    }
}
