import SchemaModel
import Testing
@testable import SchemaDiff

/// `describesCells: false` (reports without matrices) leaves cell texts empty and nothing else.
@Suite struct UndescribedCellsTests {
    @Test func sameRowsAndFindingsWithEmptyCellTexts() {
        let reference = Build.labeled(.drizzle)
        let others = [
            Build.labeled(.sqlalchemy, edit: { $0.edit("profiles") { $0.columns.append(Column(name: "legacy", type: .text, provenance: .database)) } }),
            Build.labeled(.database, edit: { $0.edit("profiles") { $0.columns.removeAll { $0.name == "mood" } } }),
        ]
        let described = SchemaDiffer.compare(reference: reference, others: others)
        var options = DiffOptions()
        options.describesCells = false
        let bare = SchemaDiffer.compare(reference: reference, others: others, options: options)
        #expect(bare.findings == described.findings)
        #expect(bare.tables.map(\.name) == described.tables.map(\.name))
        for (b, d) in zip(bare.tables, described.tables) {
            #expect(b.presentIn == d.presentIn)
            #expect(b.rows.map(\.objectKey) == d.rows.map(\.objectKey))
            #expect(b.rows.map(\.matches) == d.rows.map(\.matches))
            #expect(b.rows.map(\.kind) == d.rows.map(\.kind))
            // The same cells are present, absent or not stated; present ones carry no text.
            let shape = { (cell: ComparisonCell) -> ComparisonCell in
                if case .present = cell { return .present("") }
                return cell
            }
            #expect(b.rows.map { $0.cells } == d.rows.map { $0.cells.map(shape) })
        }
        #expect(described.tables.flatMap(\.rows).contains { $0.cells.contains { $0 != .present("") && $0 != .absent && $0 != .notStated } })
        #expect(!described.findings.isEmpty)
    }
}
