import Foundation
import PostgresCatalog

/// A throwaway database in the test cluster started by `scripts/with-postgres.sh` (`make test`).
///
/// Live tests never skip: without `SCHEMA_AUDIT_TEST_DATABASE_URL` they fail and say how to run them.
public struct LiveDatabase: Sendable {
    private static let fixtureLock = NSLock()

    /// Why a live test cannot run.
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String
    }

    /// Connection URL of this database (contains the test cluster's password; never print it).
    public let url: String
    public let name: String

    /// The admin URL of the test cluster.
    public static func adminURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["SCHEMA_AUDIT_TEST_DATABASE_URL"], !url.isEmpty else {
            throw Unavailable(
                description: "SCHEMA_AUDIT_TEST_DATABASE_URL is not set: run the tests with `make test` "
                    + "(scripts/with-postgres.sh starts a throwaway PostgreSQL)")
        }
        return url
    }

    /// `adminURL` with its database replaced by `database`.
    public static func url(forDatabase database: String, base: String) -> String {
        let query = base.firstIndex(of: "?").map { String(base[$0...]) } ?? ""
        let withoutQuery = base.firstIndex(of: "?").map { String(base[..<$0]) } ?? base
        guard let slash = withoutQuery.lastIndex(of: "/"), withoutQuery[..<slash].hasSuffix("//") == false else {
            return withoutQuery + "/" + database + query
        }
        return String(withoutQuery[..<slash]) + "/" + database + query
    }

    /// Creates a new, uniquely named database and runs `sql` in it (several statements allowed).
    public static func create(_ prefix: String, sql: String = "") throws -> LiveDatabase {
        let admin = try adminURL()
        let name = "sa_\(prefix)_\(UInt32.random(in: 0..<UInt32.max))"
            .lowercased().map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" }
        let database = String(name)
        let adminConnection = try PostgresConnection(ConnectionString(admin))
        try adminConnection.execute("CREATE DATABASE \"\(database)\"")
        Created.shared.add(database)
        let url = url(forDatabase: database, base: admin)
        if !sql.isEmpty {
            // Fixtures create cluster-wide roles; concurrent `CREATE ROLE`s race even behind
            // `IF NOT EXISTS` checks, so fixture scripts run one at a time.
            fixtureLock.lock()
            defer { fixtureLock.unlock() }
            let connection = try PostgresConnection(ConnectionString(url))
            try connection.execute(sql, queryName: "fixture")
        }
        return LiveDatabase(url: url, name: database)
    }

    /// Creates a database loaded with `Fixtures/<fixture>/database.sql`.
    public static func load(fixture: String) throws -> LiveDatabase {
        let sql = try TestSupport.fixtureText(fixture + "/database.sql")
        return try create(fixture.replacingOccurrences(of: "/", with: "_"), sql: sql)
    }

    /// The databases this test process created, dropped when it exits: a cluster the caller gave
    /// (`SCHEMA_AUDIT_TEST_DATABASE_URL` set, no throwaway cluster) is left as it was found, not with a
    /// database per live test. A test never drops its own: the tool under test may still be connected.
    private final class Created: @unchecked Sendable {
        static let shared = Created()
        private let lock = NSLock()
        private var names: [String] = []

        func add(_ name: String) {
            lock.lock()
            defer { lock.unlock() }
            if names.isEmpty { atexit { Created.shared.dropAll() } }
            names.append(name)
        }

        /// Drops them all (closing any connection left open); errors are ignored, the process is ending.
        func dropAll() {
            lock.lock()
            let dropping = names
            names = []
            lock.unlock()
            guard !dropping.isEmpty, let admin = try? LiveDatabase.adminURL(),
                let connection = try? PostgresConnection(ConnectionString(admin))
            else { return }
            for name in dropping { _ = try? connection.execute("DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)") }
        }
    }

    /// Runs SQL as the cluster's superuser in this database.
    public func execute(_ sql: String) throws {
        try PostgresConnection(ConnectionString(url)).execute(sql)
    }
}
