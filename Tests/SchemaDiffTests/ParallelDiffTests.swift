import SchemaModel
import Testing
@testable import SchemaDiff

/// Large comparisons run on several threads; the result must not depend on that.
@Suite struct ParallelDiffTests {
    static func catalog(_ source: SourceKind, tables: Int, drifted: Set<Int> = []) -> LabeledCatalog {
        var schema = Schema(name: "public")
        for i in 0..<tables {
            var table = Build.profiles(source)
            table.name = "t\(String(1000 + i).dropFirst())"
            if drifted.contains(i) { table.columns[1].type = .text }
            schema.tables.append(table)
        }
        return LabeledCatalog(label: source.rawValue, catalog: Catalog(source: source, schemas: [schema]))
    }

    @Test func manyTablesGiveOrderedCompleteResults() {
        let drifted: Set<Int> = [0, 63, 64, 199, 299]
        let result = SchemaDiffer.compare(
            reference: Self.catalog(.drizzle, tables: 300), others: [Self.catalog(.database, tables: 300, drifted: drifted)])
        #expect(result.tables.map(\.name.name) == (0..<300).map { "t\(String(1000 + $0).dropFirst())" })
        #expect(result.findings.map(\.objectKey) == drifted.sorted().map { "public.t\(String(1000 + $0).dropFirst()).email" })
        #expect(result.findings.allSatisfy { $0.id == "column_type_mismatch" })
        let again = SchemaDiffer.compare(
            reference: Self.catalog(.drizzle, tables: 300), others: [Self.catalog(.database, tables: 300, drifted: drifted)])
        #expect(again == result)
    }
}
