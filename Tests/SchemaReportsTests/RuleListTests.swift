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

    @Test func documentedFindingListMatchesTheRegistry() throws {
        let doc = try String(contentsOfFile: TestSupport.repositoryRoot + "/Sources/SchemaReports/SchemaReports.docc/FindingIds.md", encoding: .utf8)
        #expect(doc.contains(RuleList.markdown()), "regenerate FindingIds.md from RuleList.markdown()")
    }
}
