#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibPQ

/// A libpq connection. The one file in the project that imports CLibPQ.
///
/// Used by ``PostgresCatalogReader`` inside a read-only transaction, and by tests to load fixtures.
public final class PostgresConnection {
    /// The rows of a query result, every value as PostgreSQL's text output (`nil` for NULL).
    public struct Result: Sendable {
        public var columns: [String]
        public var rows: [[String?]]
    }

    private let handle: OpaquePointer
    public let connectionString: ConnectionString

    /// Connects, failing with a ``CatalogError`` that names the step and never shows the password.
    ///
    /// An empty string connects with the standard `PG*` environment variables, as psql does.
    public init(_ connectionString: ConnectionString, connectTimeoutSeconds: Int = 10) throws {
        self.connectionString = connectionString
        try Self.validate(connectionString)
        // connect_timeout bounds a hanging connect; it is overridden if the string sets its own.
        let keywords = ["dbname", "connect_timeout", "fallback_application_name"]
        let values = [connectionString.raw, String(connectTimeoutSeconds), "schema-audit"]
        let conn = Self.withCStringArrays(keywords, values) { keys, vals in
            PQconnectdbParams(keys, vals, 1)
        }
        guard let conn else {
            throw CatalogError(step: .connect, reason: .other, detail: "out of memory")
        }
        if PQstatus(conn) != CONNECTION_OK {
            let message = connectionString.scrub(Self.trimmed(String(cString: PQerrorMessage(conn))))
            let target = Self.describeTarget(conn)
            PQfinish(conn)
            let (step, reason) = CatalogError.classifyConnectionFailure(message: message, sqlState: nil)
            throw CatalogError(step: step, reason: reason, detail: message, target: target)
        }
        handle = conn
    }

    deinit {
        PQfinish(handle)
    }

    /// `user@host:port/database`, without the password.
    public var target: String { Self.describeTarget(handle) ?? "database" }

    /// The connected database's name.
    public var databaseName: String { PQdb(handle).map { String(cString: $0) } ?? "" }

    /// Runs one statement or several separated by semicolons (simple query protocol); returns the
    /// last result's rows.
    @discardableResult
    public func execute(_ sql: String, queryName: String = "statement") throws -> Result {
        guard let result = PQexec(handle, sql) else {
            throw queryError(nil, queryName: queryName)
        }
        defer { PQclear(result) }
        try check(result, queryName: queryName)
        return collect(result)
    }

    /// Runs one statement with text parameters (`$1`, `$2`, ...).
    public func query(_ sql: String, parameters: [String?] = [], queryName: String) throws -> Result {
        try run(sql, parameters: parameters, queryName: queryName, collect)
    }

    /// ``query(_:parameters:queryName:)`` with the rows in one flat array, for the large catalog
    /// results: one allocation per result instead of one per row.
    func queryRows(_ sql: String, parameters: [String?] = [], queryName: String) throws -> QueryRows {
        try run(sql, parameters: parameters, queryName: queryName) { result in
            let width = PQnfields(result), count = PQntuples(result)
            var values: [String?] = []
            values.reserveCapacity(Int(width) * Int(count))
            for r in 0..<count {
                for c in 0..<width { values.append(Self.value(result, r, c)) }
            }
            return QueryRows(width: Int(width), values: values)
        }
    }

    /// Runs `sql` with text parameters and hands the successful result to `read`.
    private func run<R>(_ sql: String, parameters: [String?], queryName: String, _ read: (OpaquePointer) -> R) throws -> R {
        let result: OpaquePointer? = Self.withOptionalCStrings(parameters) { params in
            PQexecParams(handle, sql, Int32(parameters.count), nil, params, nil, nil, 0)
        }
        guard let result else { throw queryError(nil, queryName: queryName) }
        defer { PQclear(result) }
        try check(result, queryName: queryName)
        return read(result)
    }

    private func check(_ result: OpaquePointer, queryName: String) throws {
        let status = PQresultStatus(result)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
            throw queryError(result, queryName: queryName)
        }
    }

    /// One value in text format, `nil` for NULL. Text values have no NUL inside: the length libpq
    /// reports is where `String(cString:)` would stop, without scanning for it.
    private static func value(_ result: OpaquePointer, _ r: Int32, _ c: Int32) -> String? {
        if PQgetisnull(result, r, c) == 1 { return nil }
        let start = UnsafeRawPointer(PQgetvalue(result, r, c)!).assumingMemoryBound(to: UInt8.self)
        return String(decoding: UnsafeBufferPointer(start: start, count: Int(PQgetlength(result, r, c))), as: UTF8.self)
    }

    private func collect(_ result: OpaquePointer) -> Result {
        let columnCount = PQnfields(result)
        let rowCount = PQntuples(result)
        var columns: [String] = []
        columns.reserveCapacity(Int(columnCount))
        for c in 0..<columnCount { columns.append(String(cString: PQfname(result, c))) }
        var rows: [[String?]] = []
        rows.reserveCapacity(Int(rowCount))
        for r in 0..<rowCount {
            var row: [String?] = []
            row.reserveCapacity(Int(columnCount))
            for c in 0..<columnCount { row.append(Self.value(result, r, c)) }
            rows.append(row)
        }
        return Result(columns: columns, rows: rows)
    }

    private func queryError(_ result: OpaquePointer?, queryName: String) -> CatalogError {
        var sqlState: String?
        var message = String(cString: PQerrorMessage(handle))
        if let result {
            if let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))) {
                sqlState = String(cString: state)
            }
            if let primary = PQresultErrorField(result, Int32(UInt8(ascii: "M"))) {
                message = String(cString: primary)
            }
        }
        return CatalogError(
            step: .query, reason: CatalogError.classifyQueryFailure(sqlState: sqlState),
            detail: connectionString.scrub(Self.trimmed(message)), target: target, queryName: queryName)
    }

    private static func validate(_ connectionString: ConnectionString) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let options = PQconninfoParse(connectionString.raw, &errorMessage)
        if let options {
            PQconninfoFree(options)
            return
        }
        var detail = "libpq could not parse it"
        if let errorMessage {
            detail = trimmed(String(cString: errorMessage))
            PQfreemem(errorMessage)
        }
        throw CatalogError(
            step: .parseConnectionString, reason: .malformedConnectionString,
            detail: connectionString.scrub(detail) + " in '\(connectionString.redacted)'")
    }

    private static func describeTarget(_ conn: OpaquePointer) -> String? {
        func field(_ value: UnsafeMutablePointer<CChar>?) -> String { value.map { String(cString: $0) } ?? "" }
        let user = field(PQuser(conn))
        let host = field(PQhost(conn))
        let port = field(PQport(conn))
        let db = field(PQdb(conn))
        if host.isEmpty && db.isEmpty { return nil }
        let hostPart = host.hasPrefix("/") ? "socket \(host)" : host
        return "\(user.isEmpty ? "" : user + "@")\(hostPart)\(port.isEmpty ? "" : ":" + port)/\(db)"
    }

    private static func trimmed(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            .joined(separator: "; ")
    }

    private static func withCStringArrays<R>(
        _ keys: [String], _ values: [String],
        _ body: (UnsafePointer<UnsafePointer<CChar>?>, UnsafePointer<UnsafePointer<CChar>?>) -> R
    ) -> R {
        let keyCopies = keys.map { strdup($0) }
        let valueCopies = values.map { strdup($0) }
        defer {
            keyCopies.forEach { free($0) }
            valueCopies.forEach { free($0) }
        }
        var keyPointers = keyCopies.map { UnsafePointer($0) } + [nil]
        var valuePointers = valueCopies.map { UnsafePointer($0) } + [nil]
        return keyPointers.withUnsafeMutableBufferPointer { k in
            valuePointers.withUnsafeMutableBufferPointer { v in body(k.baseAddress!, v.baseAddress!) }
        }
    }

    private static func withOptionalCStrings<R>(
        _ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R
    ) -> R {
        let copies = strings.map { $0.map { strdup($0) } ?? nil }
        defer { copies.forEach { free($0) } }
        var pointers = copies.map { $0.map { UnsafePointer($0) } }
        if pointers.isEmpty { return body(nil) }
        return pointers.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        var slice = self
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return String(slice)
    }
}
