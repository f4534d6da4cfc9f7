import DrizzleReader
import SchemaModel
import Testing

/// A directory's files are parsed in parallel; the result must be what reading them one by one gives.
@Suite struct ParallelParseTests {
    /// Sixty files that import each other, with broken, binary and unreadable-import files among them.
    static let project: [String: String] = {
        var files: [String: String] = [:]
        for k in 0..<60 {
            let previous = k == 0 ? "" : "import { t\(k - 1) } from './t\(k - 1)';\n"
            var source = """
            import { pgTable, integer, text, index } from 'drizzle-orm/pg-core';
            \(previous)export const t\(k) = pgTable('t\(k)', {
              id: integer('id').primaryKey(),
              name: text('name').notNull(),\(k == 0 ? "" : "\n  parent: integer('parent').references(() => t\(k - 1).id),")
            }, (t) => [index().on(t.name)]);

            """
            if k % 7 == 3 { source += "const broken = 'unterminated;\n" }
            if k % 11 == 5 { source += "import { gone } from './missing';\nexport const odd = frob(gone;\n" }
            files["db/t\(k).ts"] = source
        }
        files["db/blob.ts"] = "\u{0}\u{1}\u{2}"
        return files
    }()

    @Test func sameResultAsReadingFilesOneByOne() {
        let files = ParallelParseTests.project
        let fromDirectory = readDrizzle(files, paths: ["db"])
        // Explicit file inputs are loaded one at a time, in the same (sorted) order.
        let oneByOne = readDrizzle(files, paths: files.keys.sorted())
        #expect(fromDirectory.catalog == oneByOne.catalog)
        #expect(fromDirectory.messages == oneByOne.messages)
        #expect(fromDirectory.catalog.tableCount == 60)
        #expect(fromDirectory.messages.contains("error: 'db/blob.ts' is not a text file"))
        #expect(fromDirectory.messages.contains("db/t3.ts:8:16: error: unterminated string literal"))
    }
}
