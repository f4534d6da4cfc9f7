/// The raw results of the per-table catalog queries, before decoding, and how long each took.
///
/// The queries after `tables` are independent of one another, so at scale they run on two
/// connections that share one snapshot (``PostgresCatalogReader``), as parallel `pg_dump` does: the
/// first reads columns, then both deparse for their own share of the tables. Decoding waits for
/// both, on the calling thread.
struct CatalogQueryRun {
    var columns = QueryRows()
    /// ``CatalogQueries/columnTypes`` rows for the distinct types of `columns`.
    var columnTypes = QueryRows()
    /// ``CatalogQueries/identitySequences`` rows, read only when a column is an identity.
    var identitySequences = QueryRows()
    var constraints = QueryRows()
    var operatorClasses = QueryRows()
    var indexes = QueryRows()
    var enums = QueryRows()
    var policies = QueryRows()
    var triggers = QueryRows()
    var relations = QueryRows()
    var timings: [(String, Double)] = []

    /// The queries that deparse nothing tied to a relation (columns deparse defaults without one),
    /// run by the first connection after `tables`.
    mutating func runFirstHalf(_ connection: PostgresConnection, tableOIDs: String, schemaArray: String) throws {
        columns = try timed(connection, CatalogQueries.columns, "columns", tableOIDs)
        try readColumnDetails(connection)
        enums = try timed(connection, CatalogQueries.enums, "enums", schemaArray)
        relations = try timed(connection, CatalogQueries.relationsOtherThanTables, "views and sequences", schemaArray)
    }

    /// Formats each distinct (type, modifier) pair of `columns` once, and reads the sequence
    /// options of the tables with identity columns (usually few or none).
    private mutating func readColumnDetails(_ connection: PostgresConnection) throws {
        var seen: Set<TextValue.NumberPair> = []
        var typeIDs: [String] = [], modifiers: [String] = []
        var identityTables: [String] = []
        for row in columns {
            let type = TextValue.NumberPair(row, 2, 3)
            if seen.insert(type).inserted {
                typeIDs.append(type.first)
                modifiers.append(type.second)
            }
            if !TextValue.string(row, 6).isEmpty, identityTables.last != TextValue.string(row, 0) {
                identityTables.append(TextValue.string(row, 0))
            }
        }
        if !typeIDs.isEmpty {
            columnTypes = try timed(
                connection, CatalogQueries.columnTypes, "column types",
                "{" + typeIDs.joined(separator: ",") + "}", "{" + modifiers.joined(separator: ",") + "}")
        }
        if !identityTables.isEmpty {
            identitySequences = try timed(
                connection, CatalogQueries.identitySequences, "identity sequences", "{" + identityTables.joined(separator: ",") + "}")
        }
    }

    /// The queries that deparse check, predicate, policy and trigger expressions with their table
    /// (`tableOIDs`, a text `oid[]`). Deparsing opens every relation and builds its cache entry, the
    /// larger part of the server's work: about 110 ms of 1,000 tables, whichever query comes first.
    /// With two connections each backend takes these queries for its own half of the tables, so
    /// each cache entry is built once, by one of them, in parallel. `label` marks their timings.
    static func runRelationQueries(
        _ connection: PostgresConnection, tableOIDs: String, operatorClasses: Bool, label: String = ""
    ) throws -> CatalogQueryRun {
        var run = CatalogQueryRun()
        run.constraints = try run.timed(connection, CatalogQueries.constraints, "constraints" + label, tableOIDs)
        if operatorClasses {
            run.operatorClasses = try run.timed(connection, CatalogQueries.nonDefaultOperatorClasses, "operator classes")
        }
        run.indexes = try run.timed(connection, CatalogQueries.indexes, "indexes" + label, tableOIDs)
        run.policies = try run.timed(connection, CatalogQueries.policies, "policies" + label, tableOIDs)
        run.triggers = try run.timed(connection, CatalogQueries.triggers, "triggers" + label, tableOIDs)
        return run
    }

    /// Appends the relation query rows of `later`, which covers tables with higher OIDs: every
    /// query is ordered by table OID first, so the concatenation keeps that order.
    mutating func appendRelationRows(_ later: CatalogQueryRun) {
        constraints += later.constraints
        operatorClasses += later.operatorClasses
        indexes += later.indexes
        policies += later.policies
        triggers += later.triggers
        timings += later.timings
    }

    /// Runs `sql` with `parameters` and records how long it took as `name`.
    mutating func timed(_ connection: PostgresConnection, _ sql: String, _ name: String, _ parameters: String...) throws -> QueryRows {
        let clock = ContinuousClock()
        let start = clock.now
        let rows = try connection.queryRows(sql, parameters: parameters, queryName: name)
        timings.append((name, (clock.now - start) / .seconds(1)))
        return rows
    }
}
