import Testing
@testable import PostgresCatalog

/// The columns query is unordered; decoding puts its rows in the order `ORDER BY a.attrelid,
/// a.attnum` gave them.
@Suite struct ColumnOrderTests {
    /// Columns query rows (10 values each) with only the table OID, name and attribute number set.
    static func rows(_ columns: [(oid: String, name: String, number: Int)]) -> QueryRows {
        var values: [String?] = []
        for column in columns {
            values += [column.oid, column.name, "25", "-1", "f", nil, "", "", nil, String(column.number)]
        }
        return QueryRows(width: 10, values: values)
    }

    @Test func rowsInOrderKeepTheirPositions() {
        let raw = Self.rows([("16384", "id", 1), ("16384", "name", 2), ("16390", "id", 1)])
        #expect(ColumnOrder.indices(of: raw) == [0, 1, 2])
    }

    @Test func ordersByTableOIDAsANumberThenAttributeNumber() {
        // As text "9" sorts after "16384" and "10" before "9"; PostgreSQL orders OIDs as numbers.
        let raw = Self.rows([
            ("16384", "b", 10), ("9", "z", 2), ("16384", "a", 9), ("9", "y", 1), ("4294967295", "last", 1),
        ])
        #expect(ColumnOrder.indices(of: raw) == [3, 1, 2, 0, 4])
    }

    @Test func decodedColumnsFollowTheOrder() {
        var rows = CatalogRows()
        rows.decode(
            columns: Self.rows([("20", "c", 3), ("10", "a", 1), ("20", "b", 2), ("10", "z", 2)]),
            types: QueryRows(), identities: QueryRows())
        #expect(rows.columns.map(\.name) == ["a", "z", "b", "c"])
        #expect(rows.columns.map(\.number) == [1, 2, 2, 3])
    }

    @Test func orderMatchesSortingByNumbersOnGeneratedRows() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let columns = (0..<Int.random(in: 0...40, using: &generator)).map { k in
                (oid: String(UInt32.random(in: 0...20, using: &generator) * 200_000_000), name: "c\(k)",
                 number: Int.random(in: 1...1_600, using: &generator))
            }
            let expected = columns.indices.sorted {
                let a = (UInt32(columns[$0].oid)!, columns[$0].number, $0)
                let b = (UInt32(columns[$1].oid)!, columns[$1].number, $1)
                return a < b
            }
            #expect(ColumnOrder.indices(of: Self.rows(columns)) == expected)
        }
    }
}
