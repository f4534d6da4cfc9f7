import SchemaModel
import Testing
@testable import PostgresCatalog

/// Large catalogs map their columns on a second thread; the catalog must be the same as when every
/// row is mapped on one.
@Suite struct ColumnThreadTests {
    /// `tables` tables in two schemas, each with a few columns (some interleaved out of table order,
    /// one row of a table that was not read), a key, an index, a policy and a trigger.
    static func rows(tables: Int) -> CatalogRows {
        var rows = CatalogRows()
        rows.schemas = ["app", "public"]
        let types = ["integer", "text", "character varying(80)", "numeric(10,2)", "timestamp(3) with time zone", "uuid"]
        for t in 0..<tables {
            let oid = String(1_000 + t)
            rows.tables.append(.init(oid: oid, schema: t % 3 == 0 ? "app" : "public", name: "t\(t)", kind: "r",
                                     rowSecurity: t % 2 == 0, forceRowSecurity: false, comment: nil))
            for c in 0..<(3 + t % 5) {
                rows.columns.append(CatalogRows.ColumnRow(
                    tableOID: oid, name: "c\(c)", formattedType: types[(t + c) % types.count], notNull: c == 0,
                    defaultExpression: c == 1 ? "now()" : nil, identity: c == 0 && t % 4 == 0 ? "a" : "", generated: "",
                    userType: nil, isArray: false, comment: nil, sequenceStart: nil, sequenceIncrement: nil, sequenceMin: nil,
                    sequenceMax: nil, sequenceCache: nil, sequenceCycle: nil, number: c + 1))
            }
            rows.constraints.append(.init(
                tableOID: oid, name: "t\(t)_pkey", type: "p", columns: ["c0"], referencedSchema: nil, referencedTable: nil,
                referencedColumns: [], onDelete: "a", onUpdate: "a", deferrable: false, deferred: false,
                checkExpression: nil, nullsNotDistinct: false))
            rows.indexes.append(.init(
                tableOID: oid, name: "t\(t)_c1_idx", isUnique: false, method: "btree", predicate: nil, keyCount: 1,
                keys: ["1\"c1\""], options: [0], operatorClasses: [""], nullsNotDistinct: false))
            rows.policies.append(.init(tableOID: oid, name: "own", permissive: true, command: "r", roles: ["authenticated"],
                                       using: "(auth.uid() = c0)", withCheck: nil))
            rows.triggers.append(.init(tableOID: oid, name: "touch", type: 17, functionSchema: "public", functionName: "touch",
                                       argumentsHex: "", updateColumns: [], definition: "CREATE TRIGGER touch ..."))
        }
        // A second run of the first table's rows, and a table that was not read.
        rows.columns.append(CatalogRows.ColumnRow(
            tableOID: "1000", name: "late", formattedType: "jsonb", notNull: false, defaultExpression: nil, identity: "",
            generated: "", userType: nil, isArray: false, comment: nil, sequenceStart: nil, sequenceIncrement: nil,
            sequenceMin: nil, sequenceMax: nil, sequenceCache: nil, sequenceCycle: nil, number: 99))
        rows.columns.append(CatalogRows.ColumnRow(
            tableOID: "1", name: "elsewhere", formattedType: "text", notNull: false, defaultExpression: nil, identity: "",
            generated: "", userType: nil, isArray: false, comment: nil, sequenceStart: nil, sequenceIncrement: nil,
            sequenceMin: nil, sequenceMax: nil, sequenceCache: nil, sequenceCycle: nil, number: 1))
        return rows
    }

    @Test(arguments: [1, 40, 1_200])
    func secondThreadMapsTheSameCatalog(tables: Int) {
        let rows = Self.rows(tables: tables)
        let oneThread = CatalogMapper.catalog(from: rows, columnsForSecondThread: Int.max)
        let twoThreads = CatalogMapper.catalog(from: rows, columnsForSecondThread: 0)
        #expect(twoThreads == oneThread)
        #expect(oneThread.tableCount == tables)
        let first = oneThread.table(QualifiedName(schema: "app", name: "t0"))
        #expect(first?.columns.map(\.name) == ["c0", "c1", "c2", "late"])
        #expect(first?.columns.first?.identity?.generation == .always)
    }
}
