import Foundation
import SchemaModel
import Testing
@testable import SchemaReports
import TestSupport

@Suite("Rule list")
struct RuleListTests {
    @Test func oneAlignedLinePerId() {
        let lines = RuleList.text().split(separator: "\n").map(String.init)
        #expect(lines.count == FindingKind.allCases.count)
        #expect(lines.first == "check_extra                  warning  the compared source has a CHECK constraint the reference does not have")
        #expect(lines.contains("index_name_mismatch          info     an index means the same on both sides but has a different name"))
        #expect(lines.map { $0.split(separator: " ").first.map(String.init) ?? "" } == FindingKind.allCases.map(\.id).sorted())
    }

    @Test func markdownAndJSONListEveryId() {
        let markdown = RuleList.markdown()
        let json = RuleList.json()
        for kind in FindingKind.allCases {
            #expect(markdown.contains("| `\(kind.id)` | \(kind.defaultSeverity.rawValue) |"))
            #expect(json.contains("\"id\": \"\(kind.id)\""))
        }
    }

    /// The table in FindingIds.md is `RuleList.markdown()`; `SCHEMA_AUDIT_RECORD=1` rewrites it (like goldens).
    @Test func documentedFindingListMatchesTheRegistry() throws {
        let path = TestSupport.repositoryRoot + "/Sources/SchemaReports/SchemaReports.docc/FindingIds.md"
        var doc = try String(contentsOfFile: path, encoding: .utf8)
        if ProcessInfo.processInfo.environment["SCHEMA_AUDIT_RECORD"] == "1", let table = doc.range(of: "| id | default severity | meaning |") {
            doc = String(doc[..<table.lowerBound]) + RuleList.markdown()
            try doc.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(doc.hasSuffix(RuleList.markdown()), "run with SCHEMA_AUDIT_RECORD=1 to regenerate FindingIds.md")
    }
}
