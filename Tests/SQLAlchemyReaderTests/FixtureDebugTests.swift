import Foundation
import SchemaModel
import Testing
import TestSupport

@testable import SQLAlchemyReader

@Suite struct FixtureDebugTests {
    @Test func dump() {
        let name = ProcessInfo.processInfo.environment["SA_FIXTURE"] ?? "ledger-classic"
        let path = TestSupport.fixturePath("\(name)/sqlalchemy")
        let result = SQLAlchemyReader.read(paths: [path], files: TestSupport.files)
        let text = summary(result.catalog) + "\n" + result.messages.joined(separator: "\n")
        try? text.write(toFile: "/tmp/sa-dump.txt", atomically: true, encoding: .utf8)
        #expect(result.catalog.tableCount > 0)
    }
}
