import SchemaAuditKit
import SchemaModel
import SourceScanning
import Testing

@Suite struct ComparePipelineTests {
    static let drizzle = """
        import { sql } from 'drizzle-orm';
        import { check, integer, pgPolicy, pgTable, serial } from 'drizzle-orm/pg-core';
        export const items = pgTable('items', {
          id: serial('id').primaryKey(),
          qty: integer('qty').notNull(),
        }, (t) => [
          check('items_qty_check', sql`${t.qty} > 0`),
          pgPolicy('items_read', { for: 'select', to: 'public', using: sql`${t.qty} >= 1` }),
        ]);
        """

    static let specs = [
        SourceSpec(kind: .drizzle, label: "a", values: ["a/schema.ts"]),
        SourceSpec(kind: .drizzle, label: "b", values: ["b/schema.ts"]),
    ]

    @Test(arguments: [
        (nil, 0), ("b", 1), ("drizzle", 0), ("a", 0),
    ] as [(String?, Int)])
    func picksTheReference(reference: String?, index: Int) throws {
        #expect(try ComparePipeline.referenceIndex(in: Self.specs, reference: reference) == index)
    }

    @Test func defaultReferenceIsDrizzleWhenPresent() throws {
        let specs = [SourceSpec(kind: .sqlalchemy, values: ["m.py"]), SourceSpec(kind: .drizzle, values: ["d"])]
        #expect(try ComparePipeline.referenceIndex(in: specs, reference: nil) == 1)
        #expect(throws: AuditError("--reference 'database' names no source (sources: sqlalchemy, drizzle)")) {
            try ComparePipeline.referenceIndex(in: specs, reference: "database")
        }
    }

    @Test func needsTwoDistinctSources() {
        #expect(throws: AuditError("compare needs two or more sources; got 1")) {
            try ComparePipeline.run(CompareRequest(specs: [Self.specs[0]]), files: InMemorySourceFiles([:]))
        }
        let same = [Self.specs[0], Self.specs[0]]
        #expect(throws: AuditError("two sources are labelled 'a'; give each a distinct label=")) {
            try ComparePipeline.run(CompareRequest(specs: same), files: InMemorySourceFiles([:]))
        }
    }

    /// Drizzle renders `${t.qty}` as `"items"."qty"`; PostgreSQL stores `qty`. Same meaning, no finding.
    @Test func tableQualifiedReferencesMatchUnqualifiedOnes() throws {
        let stored = Self.drizzle
            .replacingOccurrences(of: "${t.qty} > 0", with: "(qty > 0)")
            .replacingOccurrences(of: "${t.qty} >= 1", with: "(qty >= 1)")
        let files = InMemorySourceFiles(["a/schema.ts": Self.drizzle, "b/schema.ts": stored])
        let outcome = try ComparePipeline.run(CompareRequest(specs: Self.specs), files: files)
        #expect(outcome.result.findings.isEmpty, "\(outcome.result.findings.map(\.message))")

        let drifted = Self.drizzle.replacingOccurrences(of: "${t.qty} > 0", with: "(qty > 1)")
        let drift = try ComparePipeline.run(
            CompareRequest(specs: Self.specs), files: InMemorySourceFiles(["a/schema.ts": Self.drizzle, "b/schema.ts": drifted]))
        #expect(drift.result.findings.map(\.id) == ["check_mismatch"])
    }

    @Test func descriptorsUseOriginOverridesAndKeepTheReferenceFirst() throws {
        let files = InMemorySourceFiles(["a/schema.ts": Self.drizzle, "b/schema.ts": Self.drizzle])
        let outcome = try ComparePipeline.run(
            CompareRequest(specs: Self.specs, reference: "b", originOverrides: ["a": "fixed"]), files: files)
        #expect(outcome.sources.map(\.label) == ["b", "a"])
        #expect(outcome.sources.map(\.origin) == ["b/schema.ts", "fixed"])
        #expect(outcome.result.sourceLabels == ["b", "a"])
    }
}
