import SchemaAuditKit
import SchemaDiff
import SchemaModel
import Testing

@Suite struct AuditConfigurationTests {
    @Test func parsesEverySetting() throws {
        let text = """
            sources:
              - kind: drizzle
                label: web
                paths: [web/db, web/extra.ts]
              - kind: database
                label: prod
                url: ""
            reference: prod
            schemas: [public, billing]
            fail-on: warning
            ignores:
              - pattern: public.legacy_*
                reason: dropped next release
            severity:
              column_default_mismatch: info
              policy_*: warning
            drizzle-casing: snake_case
            sqlalchemy-schema: app
            client-defaults: true
            statement-timeout: 5000
            catalog-connections: 1
            """
        let configuration = try AuditConfiguration.parse(text, path: ".schema-audit.yml")
        #expect(configuration.sources == [
            SourceSpec(kind: .drizzle, label: "web", values: ["web/db", "web/extra.ts"]),
            SourceSpec(kind: .database, label: "prod", values: [""]),
        ])
        #expect(configuration.reference == "prod")
        #expect(configuration.schemas == ["public", "billing"])
        #expect(configuration.failOn == "warning")
        #expect(configuration.ignores == [IgnoreRule("public.legacy_*", reason: "dropped next release")])
        #expect(configuration.severityOverrides == ["column_default_mismatch": .info, "policy_*": .warning])
        #expect(configuration.drizzleCasing == "snake_case")
        #expect(configuration.sqlalchemySchema == "app")
        #expect(configuration.clientDefaults == true)
        #expect(configuration.statementTimeoutMilliseconds == 5000)
        #expect(configuration.catalogConnections == 1)
    }

    @Test func emptyFileIsTheDefaults() throws {
        #expect(try AuditConfiguration.parse("", path: "c.yml") == AuditConfiguration())
        #expect(try AuditConfiguration.parse("# nothing\n", path: "c.yml") == AuditConfiguration())
    }

    @Test(arguments: [
        ("fail-on: error\nfial-on: warning\n", "c.yml:2:1: unknown key 'fial-on'"),
        ("sources:\n  - kind: drizzle\n    pahts: [x]\n", "c.yml:3:5: unknown key 'pahts'"),
        ("ignores:\n  - pattern: x\n    reasn: y\n", "c.yml:3:5: unknown key 'reasn'"),
        ("ignores:\n  - pattern: public.x\n", "c.yml:2:5: ignore 'public.x' needs a reason"),
        ("fail-on: fatal\n", "c.yml:1:10: fail-on must be error, warning, info or never; got 'fatal'"),
        ("severity:\n  table_extra: loud\n", "c.yml:2:16: severity must be error, warning or info; got 'loud'"),
        ("sources:\n  - kind: mysql\n    url: x\n", "c.yml:2:11: kind must be drizzle, sqlalchemy or database; got 'mysql'"),
        ("sources:\n  - kind: database\n", "c.yml:2:5: a database source needs one url"),
        ("schemas: {a: b}\n", "c.yml:1:10: expected a list"), ("reference: [a]\n", "c.yml:1:12: expected a string"),
        ("- a\n- b\n", "c.yml:1:1: expected a mapping"),
        ("drizzle-casing: kebab\n", "c.yml:1:17: drizzle-casing must be snake_case or camelCase; got 'kebab'"),
        ("client-defaults: maybe\n", "c.yml:1:18: expected true or false; got 'maybe'"),
        ("statement-timeout: -1\n", "c.yml:1:20: statement-timeout must be a positive number of milliseconds; got '-1'"),
        ("catalog-connections: 3\n", "c.yml:1:22: catalog-connections must be 1 or 2; got '3'"),
    ])
    func rejectsInvalidSettingsWithTheirPosition(text: String, message: String) {
        #expect(throws: AuditError(message)) { try AuditConfiguration.parse(text, path: "c.yml") }
    }

    @Test func invalidYAMLIsAnError() {
        #expect(throws: AuditError.self) { try AuditConfiguration.parse("a: [unclosed\n", path: "c.yml") }
    }

    @Test func missingFileIsAnError() {
        #expect(throws: AuditError("cannot read configuration '/no/such/.schema-audit.yml': no such file")) {
            try AuditConfiguration.load(path: "/no/such/.schema-audit.yml")
        }
    }
}
