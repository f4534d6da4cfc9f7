import Testing
@testable import PostgresCatalog

@Suite struct ConnectionStringTests {
    @Test(arguments: [
        ("postgresql://app:s3cret@db.example:5432/app", "postgresql://app:***@db.example:5432/app", "s3cret"),
        ("postgres://app:p%40ss@127.0.0.1/app?sslmode=disable", "postgres://app:***@127.0.0.1/app?sslmode=disable", "p%40ss"),
        ("postgresql://app@127.0.0.1/app", "postgresql://app@127.0.0.1/app", nil),
        ("postgresql://127.0.0.1/app?user=x&password=hunter2", "postgresql://127.0.0.1/app?user=x&password=***", nil),
        ("host=127.0.0.1 user=app password=s3cret dbname=app", "host=127.0.0.1 user=app password=*** dbname=app", "s3cret"),
        ("host=127.0.0.1 password='with space' dbname=app", "host=127.0.0.1 password=*** dbname=app", "with space"),
        ("", "", nil),
    ] as [(String, String, String?)])
    func redactsPasswords(raw: String, redacted: String, password: String?) {
        let connection = ConnectionString(raw)
        #expect(connection.redacted == redacted)
        #expect("\(connection)" == redacted)
        #expect(connection.password == password)
    }

    @Test func scrubRemovesEveryOccurrence() {
        let connection = ConnectionString("postgresql://u:topsecret@h/d")
        #expect(connection.scrub("a topsecret b topsecret") == "a *** b ***")
        #expect(ConnectionString("postgresql://u@h/d").scrub("nothing here") == "nothing here")
    }

    @Test func arrayLiteralQuotesAndEscapes() {
        #expect(PostgresCatalogReader.arrayLiteral(["public", "My \"Schema\"", "a\\b"]) == #"{"public","My \"Schema\"","a\\b"}"#)
        #expect(PostgresCatalogReader.arrayLiteral([]) == "{}")
    }
}

@Suite struct CatalogErrorTests {
    @Test(arguments: [
        ("FATAL:  password authentication failed for user \"app\"", CatalogError.Step.authenticate, CatalogError.Reason.authenticationFailed),
        ("FATAL:  database \"nope\" does not exist", .openDatabase, .databaseMissing),
        ("FATAL:  permission denied for database \"locked\"", .openDatabase, .insufficientPrivilege),
        ("could not translate host name \"no-such-host.invalid\" to address: Name or service not known", .connect, .unknownHost),
        ("connection to server at \"127.0.0.1\", port 1 failed: Connection refused", .connect, .connectionRefused),
        ("connection to server on socket \"/tmp/.s.PGSQL.5432\" failed: No such file or directory", .connect, .connectionRefused),
        ("timeout expired", .connect, .timeout),
        ("invalid connection option \"bogus\"", .parseConnectionString, .malformedConnectionString),
        ("something else entirely", .connect, .other),
    ] as [(String, CatalogError.Step, CatalogError.Reason)])
    func classifiesConnectionFailures(message: String, step: CatalogError.Step, reason: CatalogError.Reason) {
        let (gotStep, gotReason) = CatalogError.classifyConnectionFailure(message: message, sqlState: nil)
        #expect(gotStep == step)
        #expect(gotReason == reason)
    }

    @Test func classifiesQueryFailuresBySQLState() {
        #expect(CatalogError.classifyQueryFailure(sqlState: "57014") == .statementTimeout)
        #expect(CatalogError.classifyQueryFailure(sqlState: "42501") == .insufficientPrivilege)
        #expect(CatalogError.classifyQueryFailure(sqlState: "42P01") == .other)
    }

    @Test func describesTheFailedStepOnOneLine() {
        let error = CatalogError(step: .query, reason: .statementTimeout, detail: "canceling statement due to statement timeout",
                                 target: "app@127.0.0.1:5432/app", queryName: "columns")
        #expect(error.description == "database: query 'columns' (app@127.0.0.1:5432/app) failed: statement timeout: canceling statement due to statement timeout")
        #expect(!error.description.contains("\n"))
    }
}
