import SchemaModel

/// Reads a live PostgreSQL catalog into the normalized model with a fixed set of queries, inside one
/// read-only transaction with a statement timeout.
public struct PostgresCatalogReader: Sendable {
    /// What to read and how long any one statement may run.
    public struct Options: Sendable {
        /// Schemas to read; empty means every non-system schema not owned by an extension.
        public var schemas: [String]
        /// `statement_timeout` for every catalog query, in milliseconds.
        public var statementTimeoutMilliseconds: Int
        /// Seconds to wait for the connection to be established.
        public var connectTimeoutSeconds: Int
        /// At most this many connections: with 2 (the default) a large catalog is read on two
        /// connections sharing one snapshot; 1 reads everything on one.
        public var catalogConnections: Int
        /// The number of tables from which a second connection is used. Below it a second connection
        /// (authentication, a backend, its caches) costs more than it saves.
        public var tablesForSecondConnection: Int

        public init(
            schemas: [String] = [], statementTimeoutMilliseconds: Int = 30_000, connectTimeoutSeconds: Int = 10,
            catalogConnections: Int = 2, tablesForSecondConnection: Int = 200
        ) {
            self.schemas = schemas
            self.statementTimeoutMilliseconds = statementTimeoutMilliseconds
            self.connectTimeoutSeconds = connectTimeoutSeconds
            self.catalogConnections = catalogConnections
            self.tablesForSecondConnection = tablesForSecondConnection
        }
    }

    /// What was read, with the database name (no host, user or password) for reports.
    public struct Snapshot: Sendable {
        public var catalog: Catalog
        public var databaseName: String
        public var rows: CatalogRows
        /// Wall-clock seconds per catalog query, in the order they ran (for `--timings` and benchmarks).
        public var queryTimings: [(query: String, seconds: Double)]
        /// How many connections read the catalog (2 when a second one shared the snapshot).
        public var connectionsUsed: Int
    }

    public let connectionString: ConnectionString
    public let options: Options

    public init(connectionString: ConnectionString, options: Options = .init()) {
        self.connectionString = connectionString
        self.options = options
    }

    /// Connects, reads and maps the catalog. Throws ``CatalogError``.
    public func read() throws -> Snapshot {
        let connection = try PostgresConnection(connectionString, connectTimeoutSeconds: options.connectTimeoutSeconds)
        var timings: [(String, Double)] = []
        var connections = 1
        let rows = try readRows(connection, timings: &timings, connectionsUsed: &connections)
        let clock = ContinuousClock()
        let start = clock.now
        let catalog = CatalogMapper.catalog(from: rows)
        timings.append(("map rows to model", (clock.now - start) / .seconds(1)))
        return Snapshot(catalog: catalog, databaseName: connection.databaseName, rows: rows, queryTimings: timings, connectionsUsed: connections)
    }

    /// Runs the catalog queries on an open connection inside a read-only transaction.
    public func readRows(_ connection: PostgresConnection) throws -> CatalogRows {
        var timings: [(String, Double)] = []
        var connections = 1
        return try readRows(connection, timings: &timings, connectionsUsed: &connections)
    }

    func readRows(
        _ connection: PostgresConnection, timings: inout [(String, Double)], connectionsUsed: inout Int
    ) throws -> CatalogRows {
        let parallel = options.catalogConnections > 1
        do {
            return try readRows(connection, secondConnection: parallel, timings: &timings, connectionsUsed: &connectionsUsed)
        } catch SnapshotExportFailure.refused {
            // A server that cannot export snapshots (a standby, or a pooler in the way) aborted the
            // transaction: read everything again, on one connection.
            timings.removeAll()
            return try readRows(connection, secondConnection: false, timings: &timings, connectionsUsed: &connectionsUsed)
        }
    }

    private enum SnapshotExportFailure: Error { case refused }

    /// The second connection could not be opened in the snapshot; its share is read on the first.
    private struct SecondConnectionUnavailable: Error {}

    /// The statements that open the read-only transaction; `snapshot` imports another transaction's.
    private func beginStatements(snapshot: String? = nil) -> String {
        // work_mem: at 10,000 tables the policy rows (26,000) were sorted on disk with the default 4 MB.
        // jit: the catalog queries of a large schema cost enough to be compiled, and compiling took
        // longer than running them (the index query at 10,000 tables: 109 ms of JIT for 160 ms of work).
        // A server before 11 has no such setting.
        """
        BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
        \(snapshot.map { "SET TRANSACTION SNAPSHOT '\($0)';" } ?? "")
        SET LOCAL statement_timeout = \(max(1, options.statementTimeoutMilliseconds));
        SET LOCAL search_path = public;
        SET LOCAL TimeZone = 'UTC';
        SET LOCAL DateStyle = 'ISO, MDY';
        SET LOCAL IntervalStyle = 'postgres';
        SET LOCAL work_mem = '64MB';
        SET LOCAL max_parallel_workers_per_gather = 0;
        SELECT pg_catalog.set_config('jit', 'off', true) WHERE pg_catalog.current_setting('server_version_num')::int >= 110000;
        """
    }

    private func readRows(
        _ connection: PostgresConnection, secondConnection: Bool, timings: inout [(String, Double)],
        connectionsUsed: inout Int
    ) throws -> CatalogRows {
        connectionsUsed = 1
        let clock = ContinuousClock()
        do {
            try connection.execute(beginStatements(), queryName: "begin")
        } catch var error as CatalogError {
            error.step = error.reason == .other ? .beginTransaction : error.step
            error.queryName = nil
            throw error
        }
        defer { _ = try? connection.execute("ROLLBACK", queryName: "rollback") }

        var rows = CatalogRows()
        if options.schemas.isEmpty {
            rows.schemas = try connection.query(CatalogQueries.schemas, queryName: "schemas").rows.compactMap { $0[0] }
        } else {
            rows.schemas = Array(Set(options.schemas)).sorted()
        }
        let schemaArray = Self.arrayLiteral(rows.schemas)
        var first = CatalogQueryRun()
        rows.decode(tables: try first.timed(connection, CatalogQueries.tables, "tables", schemaArray))
        let tableOIDs = "{" + rows.tables.map(\.oid).joined(separator: ",") + "}"

        // At scale a second connection in the same snapshot (the transaction's, fixed by the tables
        // query, exported now) runs the relation queries for the tables with the lower OIDs while
        // this one reads columns, then the relation queries for the rest.
        var lowerOIDs = tableOIDs, upperOIDs: String?
        var second: BackgroundTask<CatalogQueryRun>?
        if secondConnection && rows.tables.count >= options.tablesForSecondConnection {
            let exported = try? connection.query("SELECT pg_catalog.pg_export_snapshot()", queryName: "export snapshot").rows
            guard let snapshot = exported?.first?.first ?? nil, !snapshot.isEmpty else { throw SnapshotExportFailure.refused }
            let sorted = rows.tables.compactMap { UInt32($0.oid) }.sorted()
            // The second connection also connects and authenticates, and this one reads columns
            // (about 0.9 s of 2.4 s at 10,000 tables, 0.14 s of 0.37 s at 1,000): the second takes
            // the relation queries of 63% of the tables, which evens out the two (measured with
            // --timings at both sizes; it was 55% while the columns query cost twice as much).
            let split = sorted.count * 63 / 100
            lowerOIDs = "{" + sorted[..<split].map(String.init).joined(separator: ",") + "}"
            upperOIDs = "{" + sorted[split...].map(String.init).joined(separator: ",") + "}"
            let target = connectionString, connectTimeout = options.connectTimeoutSeconds, begin = beginStatements(snapshot: snapshot)
            let oids = lowerOIDs
            second = BackgroundTask {
                // Not getting a second connection in the snapshot (refused, too many connections, a
                // pooler that cannot import it) only means reading on one; a failing query is an error.
                let other: PostgresConnection
                do {
                    other = try PostgresConnection(target, connectTimeoutSeconds: connectTimeout)
                    try other.execute(begin, queryName: "begin")
                } catch {
                    throw SecondConnectionUnavailable()
                }
                defer { _ = try? other.execute("ROLLBACK", queryName: "rollback") }
                return try CatalogQueryRun.runRelationQueries(other, tableOIDs: oids, operatorClasses: true, label: " (second connection)")
            }
        }
        // Whatever happens here, the second connection finishes before this transaction ends.
        defer { _ = try? second?.value() }
        try first.runFirstHalf(connection, tableOIDs: tableOIDs, schemaArray: schemaArray)
        let upper = try upperOIDs.map {
            try CatalogQueryRun.runRelationQueries(connection, tableOIDs: $0, operatorClasses: false)
        }
        var rest: CatalogQueryRun
        do {
            guard let second else { throw SecondConnectionUnavailable() }
            rest = try second.value()
            connectionsUsed = 2
        } catch is SecondConnectionUnavailable {
            // One connection, or the second could not connect: this one reads the lower tables too.
            rest = try CatalogQueryRun.runRelationQueries(connection, tableOIDs: lowerOIDs, operatorClasses: true)
        }
        if let upper { rest.appendRelationRows(upper) }
        timings += first.timings + rest.timings

        // Each raw result is dropped once decoded: at 1,000 tables they are some 10 MB of strings,
        // read while the file sources hold their syntax trees.
        rows.decode(columns: first.columns, types: first.columnTypes, identities: first.identitySequences)
        first.columns = QueryRows()
        let names = ColumnNames(rows.columns)
        let outside = rows.referencedTablesOutsideSelection(rest.constraints, names: names)
        let outsideColumns = outside.isEmpty ? QueryRows() : try first.timed(
            connection, CatalogQueries.referencedColumnsOutsideSelection, "referenced columns", "{" + outside.joined(separator: ",") + "}")
        if let last = first.timings.last, last.0 == "referenced columns" { timings.append(last) }
        let start = clock.now
        rows.decode(constraints: rest.constraints, outside: outsideColumns, names: names)
        rest.constraints = QueryRows()
        let operatorClasses = Dictionary(
            rest.operatorClasses.map { (TextValue.string($0, 0), TextValue.string($0, 1)) }, uniquingKeysWith: { a, _ in a })
        rows.decode(indexes: rest.indexes, operatorClasses: operatorClasses, names: names)
        rest.indexes = QueryRows()
        rows.decode(enums: first.enums)
        rows.decode(policies: rest.policies)
        rest.policies = QueryRows()
        rows.decode(triggers: rest.triggers, names: names)
        rest.triggers = QueryRows()
        rows.decode(relations: first.relations)
        timings.append(("decode rows", (clock.now - start) / .seconds(1)))
        return rows
    }

    /// A text[] literal (`{"a","b"}`) with every element quoted and escaped.
    static func arrayLiteral(_ values: [String]) -> String {
        let items = values.map { value -> String in
            var escaped = ""
            for ch in value {
                if ch == "\\" || ch == "\"" { escaped.append("\\") }
                escaped.append(ch)
            }
            return "\"" + escaped + "\""
        }
        return "{" + items.joined(separator: ",") + "}"
    }
}
