import SchemaModel
import Testing
@testable import SchemaReports

@Suite("Markdown report")
struct MarkdownReportTests {
    let report = MarkdownReport.render(Sample.result, sources: Sample.sources)
    var lines: [String] { report.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    @Test func headerVerdictAndSources() {
        #expect(Array(lines.prefix(12)) == [
            "# Schema compliance report",
            "",
            "❌ **FAIL**: 2 errors, 1 warning, 1 info; 1 ignored by configuration; fails on error",
            "",
            "Reference: **drizzle**. Every other source is compared with it; 2 tables and 1 enum seen.",
            "",
            "## Sources",
            "",
            "| source | kind | origin | files | schemas |",
            "|---|---|---|---|---|",
            "| drizzle (reference) | drizzle |  | lib/db/schema.ts | public |",
            "| database | database | postgres |  | all |",
        ])
    }

    @Test func summaryPerObjectKind() {
        #expect(lines.contains("| object kind | objects | matching | errors | warnings | info |"))
        #expect(lines.contains("| columns | 3 | 2 | 1 | 0 | 0 |"))
        #expect(lines.contains("| policies | 1 | 0 | 0 | 1 | 0 |"))
        #expect(lines.contains("| enums | 1 | 0 | 1 | 0 | 0 |"))
        #expect(lines.contains("| tables | 2 | 1 | 0 | 0 | 0 |"))
    }

    @Test func failingTableIsOpenWithFindingsAndMatrices() {
        let start = lines.firstIndex(of: "### ❌ public.profiles")!
        #expect(Array(lines[(start + 2)...(start + 6)]) == [
            "- ❌ **error** `column_type_mismatch`: column 'public.profiles.email' is 'text' in 'database' but 'character varying(255)' in 'drizzle'",
            "  - expected `character varying(255)` (drizzle), found `text` (database)",
            "  - at `lib/db/schema.ts:12:3` (drizzle)",
            "  - fix: in 'database' run `ALTER TABLE public.profiles ALTER COLUMN email TYPE character varying(255)` (or change 'drizzle' if it is the one that is wrong)",
            "- ⚠️ **warning** `policy_using_mismatch`: policy 'own | row' on 'public.profiles' has using 'true' in 'database' but 'auth.uid() = \\`id\\`' in 'drizzle'",
        ])
        #expect(lines.contains("  - expected `` auth.uid() = `id` `` (drizzle), found `true` (database)"))
        #expect(lines.contains("| column | drizzle | database | match |"))
        #expect(lines.contains("|---|---|---|:-:|"))
        #expect(lines.contains("| email | varchar(255) · not null | text · not null | ❌ |"))
        #expect(lines.contains("| policy own \\| row | permissive · for select · to public · using (auth.uid() = \\`id\\`) | permissive · for select · to public · using (true) | ❌ |"))
        #expect(lines.contains("| touch | _not stated_ | before update · for each row · execute public.touch() | ✅ |"))
        #expect(lines.contains("| row level security | enabled | enabled | ✅ |"))
    }

    @Test func matchingTablesAreCollapsedAfterFailingOnes() {
        let failing = lines.firstIndex(of: "### ❌ public.profiles")!
        let details = lines.firstIndex(of: "<summary>✅ public.projects (1 column)</summary>")!
        #expect(failing < details)
        #expect(lines[details - 1] == "<details>")
        #expect(lines[details + 1] == "")
        #expect(lines.contains("| id | serial · not null | integer · not null · default nextval('projects_id_seq'::regclass) | ✅ |"))
        #expect(lines.contains("</details>"))
    }

    @Test func enumsAndLimitations() {
        #expect(lines.contains("| public.mood | sad, ok, happy | sad, ok | ❌ |"))
        #expect(lines.contains("- ❌ **error** `enum_value_missing`: enum 'public.mood' lacks value 'happy' in 'database'"))
        let tail = Array(lines.suffix(5))
        #expect(tail == [
            "## What each source could not check",
            "",
            "- **drizzle**: triggers (anywhere)",
            "- **database**: everything it was compared on could be stated",
            "",
        ])
    }

    @Test func readerDiagnosticsAreListedWithTheLimitations() {
        let report = MarkdownReport.render(Sample.result, sources: Sample.sourcesWithDiagnostics)
        #expect(report.contains("""
            - **drizzle**: triggers (anywhere)
              - `lib/db/schema.ts:40:9: warning: unsupported column builder 'customType'`
            - **database**: everything it was compared on could be stated
            """))
        let json = JSONReport.render(Sample.result, sources: Sample.sourcesWithDiagnostics)
        #expect(json.contains("\"message\": \"unsupported column builder 'customType'\""))
    }

    @Test func deterministicAndFreeOfHostDetails() {
        #expect(report == MarkdownReport.render(Sample.result, sources: Sample.sources))
        #expect(!report.contains("/work/"))
        #expect(!report.contains("://"))
        #expect(report.hasSuffix("\n") && !report.hasSuffix("\n\n"))
    }

    @Test func cleanReportPasses() {
        let clean = MarkdownReport.render(Sample.clean, sources: [])
        #expect(clean.contains("✅ **PASS**: 0 errors, 0 warnings, 0 info; fails on error"))
        #expect(!clean.contains("### ❌"))
        #expect(clean.contains("| sqlalchemy | sqlalchemy |  |  | all |"))
    }

    @Test func thousandMatchingTablesStayCollapsed() {
        let tables = (0..<1000).map { i in
            TableComparison(name: QualifiedName(schema: "public", name: "t\(i)"), presentIn: [true, true], rows: [
                ComparisonRow(kind: .column, name: "id", objectKey: "public.t\(i).id", cells: [.present("integer"), .present("integer")], matches: true),
            ])
        }
        let report = MarkdownReport.render(DiffResult(sourceLabels: ["a", "b"], findings: [], tables: tables), sources: [])
        #expect(report.components(separatedBy: "<details>").count == 1001)
        #expect(!report.contains("### ❌"))
    }

    @Test func tableInOneSourceOnlySaysWhereItIsMissing() {
        let result = DiffResult(sourceLabels: ["drizzle", "database"], findings: [], tables: [
            TableComparison(name: QualifiedName(schema: "public", name: "audit"), presentIn: [false, true], rows: [
                ComparisonRow(kind: .column, name: "id", objectKey: "public.audit.id", cells: [.absent, .present("integer")], matches: true),
            ]),
        ])
        let report = MarkdownReport.render(result, sources: [])
        #expect(report.contains("### ❌ public.audit\n\nNot in: drizzle.\n"))
    }
}

@Suite("Markdown escaping")
struct MarkdownEscapingTests {
    @Test(arguments: [
        ("a|b", "a\\|b"), ("`x`", "\\`x\\`"), ("a\nb", "a b"), ("<script>", "&lt;script>"), ("2*3", "2\\*3"),
        ("plain_snake_case", "plain_snake_case"),
    ])
    func cell(raw: String, escaped: String) {
        #expect(MarkdownText.cell(raw) == escaped)
    }

    @Test(arguments: [
        ("now()", "`now()`"), ("a`b", "``a`b``"), ("`x`", "`` `x` ``"), ("", "` `"), ("a\nb", "`a b`"),
        ("a\r\nb", "`a  b`"), ("x ``` y", "````x ``` y````"), ("café`", "`` café` ``"),
    ])
    func codeSpan(raw: String, span: String) {
        #expect(MarkdownText.code(raw) == span)
    }

    @Test func hintCodeSpans() {
        #expect(MarkdownText.textWithCode("run `DROP TABLE t` now") == "run `DROP TABLE t` now")
        #expect(MarkdownText.textWithCode("odd ` tick") == "odd \\` tick")
    }
}
