import SchemaModel
import Testing
@testable import SchemaReports

@Suite("Text report")
struct TextReportTests {
    @Test func exactLines() {
        #expect(TextReport.render(Sample.result) == """
            lib/db/schema.ts:12:3: error: [column_type_mismatch] column 'public.profiles.email' is 'text' in 'database' but 'character varying(255)' in 'drizzle'
            lib/db/schema.ts:5:3: error: [enum_value_missing] enum 'public.mood' lacks value 'happy' in 'database'
            lib/db/schema.ts:18:3: warning: [policy_using_mismatch] policy 'own | row' on 'public.profiles' has using 'true' in 'database' but 'auth.uid() = `id`' in 'drizzle'
            lib/db/schema.ts:12:3: info: [constraint_name_mismatch] unique constraint (email) on 'public.profiles' is named 'profiles_email_key' in 'database' but 'profiles_email_unique' in 'drizzle'
            FAIL: 2 errors, 1 warning, 1 info (1 ignored) in 2 tables across 2 sources

            """)
    }

    @Test func comparedLocationWinsAndNoLocationMeansNoPrefix() {
        var f = Sample.typeFinding
        f.compared.location = SourceLocation(path: "backend/models.py", line: 40, column: 5)
        #expect(TextReport.line(f).hasPrefix("backend/models.py:40:5: error: [column_type_mismatch] "))
        f.compared.location = nil
        f.reference.location = nil
        #expect(TextReport.line(f).hasPrefix("error: [column_type_mismatch] column "))
    }

    @Test func colourOnlyWhenAsked() {
        let plain = TextReport.render(Sample.result)
        let coloured = TextReport.render(Sample.result, options: RenderOptions(color: true))
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.contains("\u{1B}[1;31merror\u{1B}[0m: [column_type_mismatch]"))
        #expect(coloured.contains("\u{1B}[36minfo\u{1B}[0m: [constraint_name_mismatch]"))
    }

    @Test(arguments: [
        (Severity?.some(.error), "FAIL"), (.some(.warning), "FAIL"), (.some(.info), "FAIL"), (nil, "PASS"),
    ])
    func verdictFollowsFailOn(failOn: Severity?, verdict: String) {
        let last = TextReport.render(Sample.result, options: RenderOptions(failOn: failOn)).split(separator: "\n").last!
        #expect(last.hasPrefix(verdict + ": "))
    }

    @Test func warningsAloneDoNotFailOnError() {
        let result = DiffResult(sourceLabels: ["a", "b"], findings: [Sample.policyFinding])
        #expect(TextReport.render(result).hasSuffix("PASS: 0 errors, 1 warning, 0 info in 0 tables across 2 sources\n"))
        #expect(TextReport.render(result, options: RenderOptions(failOn: .warning)).contains("FAIL: "))
    }

    @Test func cleanComparison() {
        #expect(TextReport.render(Sample.clean) == "PASS: 0 errors, 0 warnings, 0 info in 1 table across 2 sources\n")
    }
}

@Suite("GitHub annotations")
struct GitHubAnnotationTests {
    @Test func exactLines() {
        let lines = GitHubAnnotations.render(Sample.result).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 5)
        #expect(lines[0] == "::error file=lib/db/schema.ts,line=12,col=3,title=[column_type_mismatch] public.profiles.email::column 'public.profiles.email' is 'text' in 'database' but 'character varying(255)' in 'drizzle'%0Afix: in 'database' run `ALTER TABLE public.profiles ALTER COLUMN email TYPE character varying(255)` (or change 'drizzle' if it is the one that is wrong)")
        #expect(lines[3].hasPrefix("::notice file=lib/db/schema.ts,line=12,col=3,title=[constraint_name_mismatch] "))
        #expect(lines[4] == "")
    }

    @Test(arguments: [
        ("50% done\r\nnext", "50%25 done%0D%0Anext", "50%25 done%0D%0Anext"),
        ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
    ])
    func escaping(raw: String, data: String, property: String) {
        #expect(GitHubAnnotations.data(raw) == data)
        #expect(GitHubAnnotations.property(raw) == property)
    }

    @Test func findingWithoutLocationHasNoFile() {
        var f = Sample.enumFinding
        f.reference.location = nil
        #expect(GitHubAnnotations.line(f).hasPrefix("::error title=[enum_value_missing] public.mood.happy::enum "))
    }
}
