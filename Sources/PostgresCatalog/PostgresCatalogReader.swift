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

        public init(schemas: [String] = [], statementTimeoutMilliseconds: Int = 30_000, connectTimeoutSeconds: Int = 10) {
            self.schemas = schemas
            self.statementTimeoutMilliseconds = statementTimeoutMilliseconds
            self.connectTimeoutSeconds = connectTimeoutSeconds
        }
    }

    /// What was read, with the database name (no host, user or password) for reports.
    public struct Snapshot: Sendable {
        public var catalog: Catalog
        public var databaseName: String
        public var rows: CatalogRows
        /// Wall-clock seconds per catalog query, in the order they ran (for `--timings` and benchmarks).
        public var queryTimings: [(query: String, seconds: Double)]
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
        let rows = try readRows(connection, timings: &timings)
        let clock = ContinuousClock()
        let start = clock.now
        let catalog = CatalogMapper.catalog(from: rows)
        timings.append(("map rows to model", (clock.now - start) / .seconds(1)))
        return Snapshot(catalog: catalog, databaseName: connection.databaseName, rows: rows, queryTimings: timings)
    }

    /// Runs the catalog queries on an open connection inside a read-only transaction.
    public func readRows(_ connection: PostgresConnection) throws -> CatalogRows {
        var timings: [(String, Double)] = []
        return try readRows(connection, timings: &timings)
    }

    func readRows(_ connection: PostgresConnection, timings: inout [(String, Double)]) throws -> CatalogRows {
        let clock = ContinuousClock()
        do {
            // work_mem: at 10,000 tables the policy rows (26,000) were sorted on disk with the default 4 MB.
            try connection.execute(
                """
                BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
                SET LOCAL statement_timeout = \(max(1, options.statementTimeoutMilliseconds));
                SET LOCAL search_path = public;
                SET LOCAL TimeZone = 'UTC';
                SET LOCAL DateStyle = 'ISO, MDY';
                SET LOCAL IntervalStyle = 'postgres';
                SET LOCAL work_mem = '64MB';
                """, queryName: "begin")
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
        func run(_ sql: String, _ name: String, _ parameter: String) throws -> [[String?]] {
            let start = clock.now
            let rows = try connection.query(sql, parameters: [parameter], queryName: name).rows
            timings.append((name, (clock.now - start) / .seconds(1)))
            return rows
        }
        rows.decode(tables: try run(CatalogQueries.tables, "tables", schemaArray))
        let tableOIDs = "{" + rows.tables.map(\.oid).joined(separator: ",") + "}"
        rows.decode(columns: try run(CatalogQueries.columns, "columns", tableOIDs))
        let constraints = try run(CatalogQueries.constraints, "constraints", tableOIDs)
        let outside = rows.referencedTablesOutsideSelection(constraints)
        let outsideColumns = outside.isEmpty ? [] : try run(
            CatalogQueries.referencedColumnsOutsideSelection, "referenced columns", "{" + outside.joined(separator: ",") + "}")
        rows.decode(constraints: constraints, outside: outsideColumns)
        let start = clock.now
        let classes = try connection.query(CatalogQueries.nonDefaultOperatorClasses, queryName: "operator classes").rows
        timings.append(("operator classes", (clock.now - start) / .seconds(1)))
        let operatorClasses = Dictionary(classes.map { (TextValue.string($0, 0), TextValue.string($0, 1)) }, uniquingKeysWith: { a, _ in a })
        rows.decode(indexes: try run(CatalogQueries.indexes, "indexes", tableOIDs), operatorClasses: operatorClasses)
        rows.decode(enums: try run(CatalogQueries.enums, "enums", schemaArray))
        rows.decode(policies: try run(CatalogQueries.policies, "policies", tableOIDs))
        rows.decode(triggers: try run(CatalogQueries.triggers, "triggers", tableOIDs))
        rows.decode(relations: try run(CatalogQueries.relationsOtherThanTables, "views and sequences", schemaArray))
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
