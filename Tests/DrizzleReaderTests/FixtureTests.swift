import DrizzleReader
import SchemaModel
import TestSupport
import Testing

/// The three fixture applications read without a diagnostic, with the objects their `database.sql`
/// (drizzle-kit's output) creates. The full comparison with a live database is in LiveTests.
@Suite struct FixtureTests {
    func read(_ name: String) -> ReadResult {
        DrizzleReader.read(paths: [TestSupport.fixturePath(name) + "/drizzle"], files: TestSupport.files)
    }

    @Test(arguments: [("pixcrawler", 11), ("roborail", 11), ("delula", 18)])
    func readsWithoutDiagnostics(_ name: String, _ tables: Int) {
        let result = read(name)
        #expect(result.messages == [])
        #expect(result.catalog.tableCount == tables)
        #expect(result.catalog.schemas.map(\.name) == ["public"])
    }

    @Test func pixcrawlerActivityLogs() throws {
        let table = try #require(read("pixcrawler").table("activity_logs"))
        let location = try #require(table.provenance.location)
        #expect(location.path.hasSuffix("Fixtures/pixcrawler/drizzle/activity.ts"))
        #expect((location.line, location.column) == (8, 29))
        #expect(table.columns[1].name == "user_id")
        #expect(table.columns[1].rawType == "uuid('user_id')")
        #expect(table.columns[1].provenance.location.map { ($0.line, $0.column) } ?? (0, 0) == (12, 5))
        #expect(table.indexes.first { $0.name == "activity_logs_timestamp_idx" }?.keys
            == [TableIndex.Key(column: "timestamp", descending: true, nullsFirst: false)])
    }

    @Test func roborailEnumsAndRestrictivePolicy() throws {
        let result = read("roborail")
        #expect(result.catalog.schema(named: "public")?.enums.map(\.name) == ["feedback_type", "provider", "reasoning_effort"])
        let feedback = try #require(result.table("message_feedback"))
        #expect(feedback.primaryKey?.name == "message_feedback_message_id_user_id_pk")
        let policy = try #require(feedback.policies.first { $0.name == "message_feedback_no_guests" })
        #expect(!policy.isPermissive)
        #expect(policy.command == .insert)
        #expect(policy.withCheck == "coalesce((auth.jwt() ->> 'is_anonymous')::boolean, false) = false")
    }

    @Test func delulaIdentityAndTruncatedNames() throws {
        let result = read("delula")
        let backlog = try #require(result.table("backlog_videos"))
        #expect(backlog.columns[0].identity == Identity(generation: .byDefault, start: 1000))
        let dependencies = try #require(result.table("component_dependencies"))
        #expect(dependencies.uniqueConstraints.map(\.name) == ["component_dependencies_component_id_depends_on_component_id_uni"])
        #expect(dependencies.foreignKeys.allSatisfy { ($0.name?.utf8.count ?? 0) == 63 })
    }
}
