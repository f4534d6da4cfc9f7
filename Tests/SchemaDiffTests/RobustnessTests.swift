import SchemaModel
import Testing
@testable import SchemaDiff

/// Odd but possible reader output never crashes the diff and still gives a deterministic answer.
@Suite("Robustness")
struct RobustnessTests {
    @Test func emptyCatalogs() {
        let result = SchemaDiffer.compare(reference: LabeledCatalog(label: "a", catalog: Catalog(source: .drizzle)),
                                          others: [LabeledCatalog(label: "b", catalog: Catalog(source: .database))])
        #expect(result.findings == [] && result.tables == [] && result.enums == [])
    }

    @Test func noOtherSources() {
        let result = SchemaDiffer.compare(reference: Build.labeled(.drizzle), others: [])
        #expect(result.findings == [])
        #expect(result.tables.count == 2)
    }

    @Test func emptyReferenceMakesEverythingExtra() {
        let result = SchemaDiffer.compare(reference: LabeledCatalog(label: "drizzle", catalog: Catalog(source: .drizzle)),
                                          others: [Build.labeled(.database)])
        #expect(result.findings.map(\.objectKey) == ["public.mood", "public.profiles", "public.projects"])
        #expect(result.findings.map(\.id) == ["enum_extra", "table_extra", "table_extra"])
    }

    @Test func duplicatesFromAConfusedReader() {
        let result = Build.diff(
            reference: { c in
                c.edit("profiles") { t in
                    t.columns.append(t.columns[1])
                    t.policies.append(t.policies[0])
                    t.indexes.append(t.indexes[0])
                }
                c.schemas[0].tables.append(c.schemas[0].tables[0])
                c.schemas[0].enums.append(c.schemas[0].enums[0])
            },
            database: { _ in })
        // Each duplicate is the same object again: the copies are extra in the reference, i.e. missing in the database.
        #expect(result.findings.map(\.id).sorted() == ["index_missing", "policy_missing"])
        #expect(result == Build.diff(reference: { c in
            c.edit("profiles") { t in t.columns.append(t.columns[1]); t.policies.append(t.policies[0]); t.indexes.append(t.indexes[0]) }
            c.schemas[0].tables.append(c.schemas[0].tables[0])
            c.schemas[0].enums.append(c.schemas[0].enums[0])
        }, database: { _ in }))
    }

    @Test func emptyNamesAndExpressions() {
        let result = Build.diff(database: {
            $0.edit("profiles") {
                $0.checks.append(CheckConstraint(name: "", expression: "", provenance: .database))
                $0.indexes.append(TableIndex(name: "", keys: [], provenance: .database))
                $0.policies.append(Policy(name: "", provenance: .database))
                $0.columns.append(Column(name: "", type: SQLType(""), provenance: .database))
            }
        })
        #expect(result.findings.map(\.id).sorted() == ["check_extra", "column_extra", "index_extra", "policy_extra"])
    }
}
