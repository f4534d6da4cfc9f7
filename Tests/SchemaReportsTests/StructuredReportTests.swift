import Foundation
import SchemaModel
import Testing
@testable import SchemaReports

@Suite("JSON report")
struct JSONReportTests {
    let text = JSONReport.render(Sample.result, sources: Sample.sources)

    private func object() throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func versionSummaryAndSources() throws {
        let json = try object()
        #expect(json["formatVersion"] as? Int == 1)
        #expect(json["reference"] as? String == "drizzle")
        #expect(json["verdict"] as? String == "fail")
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 2)
        #expect(summary["warnings"] as? Int == 1)
        #expect(summary["info"] as? Int == 1)
        #expect(summary["ignored"] as? Int == 1)
        #expect(summary["matchingTables"] as? Int == 1)
        let sources = try #require(json["sources"] as? [[String: Any]])
        #expect(sources.map { $0["label"] as? String } == ["drizzle", "database"])
        #expect(sources[0]["isReference"] as? Bool == true)
        let limits = try #require(sources[0]["couldNotCheck"] as? [[String: Any]])
        #expect(limits.first?["kinds"] as? [String] == ["trigger"])
        #expect(limits.first?["scope"] is NSNull)
    }

    @Test func findingFields() throws {
        let findings = try #require(try object()["findings"] as? [[String: Any]])
        #expect(findings.map { $0["id"] as? String } == ["column_type_mismatch", "enum_value_missing", "policy_using_mismatch", "constraint_name_mismatch"])
        let first = findings[0]
        #expect(first["fingerprint"] as? String == "column_type_mismatch|public.profiles.email|database")
        #expect(Set(first.keys) == ["id", "fingerprint", "severity", "objectKey", "objectKind", "table", "message", "expected", "actual", "hint", "reference", "compared"])
        #expect(first["expected"] as? String == "character varying(255)")
        let reference = try #require(first["reference"] as? [String: Any])
        let location = try #require(reference["location"] as? [String: Any])
        #expect(location["path"] as? String == "lib/db/schema.ts")
        #expect(location["line"] as? Int == 12)
        #expect((first["compared"] as? [String: Any])?["location"] is NSNull)
        #expect(findings[1]["table"] is NSNull)
    }

    @Test func sortedKeysAndStableBytes() {
        #expect(text == JSONReport.render(Sample.result, sources: Sample.sources))
        let lines = text.split(separator: "\n")
        #expect(lines.first == "{")
        #expect(lines[1] == "  \"failOn\": \"error\",")
        let topKeys = lines.filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(topKeys == ["failOn", "findings", "formatVersion", "reference", "sources", "summary", "tool", "verdict"])
    }

    @Test(arguments: [("a\"b", "\"a\\\"b\""), ("tab\there", "\"tab\\there\""), ("\u{1}", "\"\\u0001\""), ("é/x", "\"é/x\"")])
    func stringEscaping(raw: String, json: String) {
        var out = ""
        JSONValue.quote(raw, into: &out)
        #expect(out == json)
    }
}

@Suite("SARIF and JUnit")
struct SARIFAndJUnitTests {
    @Test func sarifShape() throws {
        let text = SARIFReport.render(Sample.result)
        let json = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["version"] as? String == "2.1.0")
        let run = try #require((json["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["column_type_mismatch", "constraint_name_mismatch", "enum_value_missing", "policy_using_mismatch"])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["level"] as? String } == ["error", "error", "warning", "note"])
        #expect(results.map { $0["ruleIndex"] as? Int } == [0, 2, 3, 1])
        let region = ((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any]
        #expect(region?["startLine"] as? Int == 12)
        #expect((results[0]["partialFingerprints"] as? [String: String])?["schemaAuditFinding/v1"] == "column_type_mismatch|public.profiles.email|database")
    }

    @Test func junitOneCasePerTableAndEnum() {
        let xml = JUnitReport.render(Sample.result)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"schema-audit\" tests=\"3\" failures=\"2\">\n"))
        #expect(xml.contains("    <testcase classname=\"public\" name=\"public.projects\"/>\n"))
        #expect(xml.contains("<testcase classname=\"public\" name=\"enum public.mood\">"))
        #expect(xml.contains("<failure type=\"drift\" message=\"1 finding\">lib/db/schema.ts:12:3: error: [column_type_mismatch] column 'public.profiles.email'"))
        #expect(xml.contains("<system-out>lib/db/schema.ts:18:3: warning: [policy_using_mismatch]"))
    }

    @Test func junitFailOnWarningMovesWarningsIntoFailures() {
        let xml = JUnitReport.render(Sample.result, options: RenderOptions(failOn: .warning))
        #expect(xml.contains("<failure type=\"drift\" message=\"2 findings\">"))
    }

    @Test(arguments: [("a<b & \"c\"", true, "a&lt;b &amp; &quot;c&quot;"), ("it's", false, "it's"), ("\u{7}", false, " ")])
    func xmlEscaping(raw: String, attribute: Bool, escaped: String) {
        #expect(JUnitReport.xml(raw, attribute: attribute) == escaped)
    }

    @Test func everyFormatRendersAndEndsWithNewline() {
        for format in ReportFormat.allCases {
            let out = ReportRenderer.render(format, result: Sample.result, sources: Sample.sources)
            #expect(out.hasSuffix("\n"), "\(format)")
            #expect(out == ReportRenderer.render(format, result: Sample.result, sources: Sample.sources), "\(format)")
        }
    }
}
