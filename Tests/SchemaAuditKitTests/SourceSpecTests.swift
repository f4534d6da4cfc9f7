import SchemaAuditKit
import SchemaModel
import Testing

@Suite struct SourceSpecTests {
    @Test(arguments: [
        ("prod=postgres://u:p@h/db", "prod", "postgres://u:p@h/db"),
        ("postgres://u@h/db?sslmode=disable", nil, "postgres://u@h/db?sslmode=disable"),
        ("host=127.0.0.1 dbname=app", nil, "host=127.0.0.1 dbname=app"),
        ("staging-eu=host=127.0.0.1 dbname=app", "staging-eu", "host=127.0.0.1 dbname=app"),
        ("frontend=web/lib/db", "frontend", "web/lib/db"),
        ("web/lib/db", nil, "web/lib/db"),
        ("a b=c", nil, "a b=c"),
    ] as [(String, String?, String)])
    func splitsOptionalLabels(argument: String, label: String?, value: String) {
        let split = SourceSpec.splitLabel(argument)
        #expect(split.label == label)
        #expect(split.value == value)
    }

    @Test func defaultLabelIsTheKind() {
        #expect(SourceSpec(kind: .drizzle, values: ["x"]).label == "drizzle")
    }
}
