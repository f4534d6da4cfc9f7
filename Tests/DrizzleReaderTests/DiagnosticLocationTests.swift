import DrizzleReader
import SchemaModel
import Testing

/// One bad or unresolvable input and the exact diagnostics (`path:line:col: severity: message`) it
/// must produce.
struct DiagnosticCase: CustomTestStringConvertible, Sendable {
    var name: String
    var source: String
    var messages: [String]

    init(_ name: String, _ source: String, _ messages: [String]) {
        self.name = name
        self.source = source
        self.messages = messages
    }

    var testDescription: String { name }
}

/// Every diagnostic the reader and its parser can give, each at its exact location.
@Suite struct DiagnosticLocationTests {
    static let header = "import { pgTable, pgEnum, pgView, pgPolicy, integer, text, check, unique, foreignKey, index, somethingElse } from 'drizzle-orm/pg-core';\n"
    /// 250 nested parentheses: deeper than the parser follows.
    static let nested = "export const a = " + String(repeating: "(", count: 250) + "1" + String(repeating: ")", count: 250) + ";\n"

    static let cases: [DiagnosticCase] = {
        let header = DiagnosticLocationTests.header
        let nested = DiagnosticLocationTests.nested
        return [
            DiagnosticCase("check", header + "export const t = pgTable('t', { a: integer('a') }, (t) => [\n  check('c', t.a),\n]);\n",
                           ["schema.ts:3:3: warning: cannot resolve a check constraint of table 't'"]),
            DiagnosticCase("columnModifier", header + "export const t = pgTable('t', {\n  a: integer('a').frobnicate(),\n});\n",
                           ["schema.ts:3:3: warning: unsupported column modifier '.frobnicate()' on column 'a'"]),
            DiagnosticCase("columns", header + "export const t = pgTable('t', columns);\n",
                           ["schema.ts:2:18: warning: cannot resolve the columns of table 't'"]),
            DiagnosticCase("constraintColumn", header + "export const t = pgTable('t', { a: integer('a') }, (t) => [\n  unique().on(t.a, 'b'),\n]);\n",
                           ["schema.ts:3:3: warning: cannot resolve a column of a constraint in table 't'"]),
            DiagnosticCase("defaultOption", header + "export const t = pgTable('t', {\n  a: text('a').default(someValue),\n});\n",
                           ["schema.ts:3:3: warning: cannot resolve the default of column 'a' in table 't'"]),
            DiagnosticCase("enumName", header + "export const e = pgEnum(enumName, ['a']);\n",
                           ["schema.ts:2:18: warning: cannot resolve the name of an enum"]),
            DiagnosticCase("enumOfColumn", header + "const e = pgEnum(enumName, ['x']);\nexport const t = pgTable('t', {\n  a: e('a'),\n});\n",
                           ["schema.ts:4:3: warning: cannot resolve the enum of column 'a'"]),
            DiagnosticCase("enumValues", header + "export const e = pgEnum('e', ['a', label]);\n",
                           ["schema.ts:2:18: warning: cannot resolve the values of enum 'e'"]),
            DiagnosticCase("extraConfig", header + "export const t = pgTable('t', { a: integer('a') }, 42);\n",
                           ["schema.ts:2:18: warning: cannot resolve the extra configuration of table 't'"]),
            DiagnosticCase("extraReason", header + "export const t = pgTable('t', { a: integer('a') }, (t) => [\n  missing(t.a),\n]);\n",
                           ["schema.ts:3:3: warning: cannot resolve an extra of table 't': 'missing' is not defined in this file"]),
            DiagnosticCase("foreignKey", header + "export const t = pgTable('t', { a: integer('a') }, (t) => [\n  foreignKey({ columns: [t.a] }),\n]);\n",
                           ["schema.ts:3:3: warning: cannot resolve a foreign key of table 't'"]),
            DiagnosticCase("generated", header + "export const t = pgTable('t', {\n  a: integer('a').generatedAlwaysAs(someValue),\n});\n",
                           ["schema.ts:3:3: warning: cannot resolve the generated expression of column 'a'"]),
            DiagnosticCase("indexKey", header + "export const t = pgTable('t', { a: integer('a') }, (t) => [\n  index('i').on('a'),\n]);\n",
                           ["schema.ts:3:3: warning: cannot resolve a key of an index on table 't'"]),
            DiagnosticCase("indexOption", header + "export const t = pgTable('t', { a: integer('a') }, (t) => [\n  index('i').on(t.a).sideways(),\n]);\n",
                           ["schema.ts:3:3: warning: unsupported index option '.sideways()' on table 't'"]),
            DiagnosticCase("indexPredicate", header + "export const t = pgTable('t', { a: integer('a') }, (t) => [\n  index('i').on(t.a).where(42),\n]);\n",
                           ["schema.ts:3:3: warning: cannot resolve the predicate of an index on table 't'"]),
            DiagnosticCase("malformedImport", "import { a } 'x';\nexport const b = 1;\n",
                           ["schema.ts:1:1: warning: malformed import statement"]),
            DiagnosticCase("nestedTooDeeply", nested,
                           ["schema.ts:1:118: warning: expression nested too deeply"]),
            DiagnosticCase("notTypeScript", "#!/usr/bin/env python\ndef main():\n    print(\"hello\")  # ]]] )))\n",
                           ["schema.ts:3:23: error: unbalanced ']'", "schema.ts:3:24: error: unbalanced ']'",
                            "schema.ts:3:25: error: unbalanced ']'", "schema.ts:3:27: error: unbalanced ')'",
                            "schema.ts:3:28: error: unbalanced ')'", "schema.ts:3:29: error: unbalanced ')'"]),
            DiagnosticCase("policyName", header + "export const t = pgTable('t', { a: integer('a') }, (t) => [\n  pgPolicy(policyName, {}),\n]);\n",
                           ["schema.ts:3:3: warning: cannot resolve the name of a policy"]),
            DiagnosticCase("policyRole", header + "export const t = pgTable('t', { a: integer('a') }, (t) => [\n  pgPolicy('p', { to: 42 }),\n]);\n",
                           ["schema.ts:3:3: warning: cannot resolve a role of policy 'p'"]),
            DiagnosticCase("policyUsing", header + "export const t = pgTable('t', { a: integer('a') }, (t) => [\n  pgPolicy('p', { using: 42, withCheck: 'x' }),\n]);\n",
                           ["schema.ts:3:3: warning: cannot resolve the USING expression of policy 'p'", "schema.ts:3:3: warning: cannot resolve the WITH CHECK expression of policy 'p'"]),
            DiagnosticCase("reference", header + "export const t = pgTable('t', {\n  a: integer('a').references(() => 42),\n});\n",
                           ["schema.ts:3:3: warning: cannot resolve the reference of column 'a' in table 't'"]),
            DiagnosticCase("tableExtra", header + "export const t = pgTable('t', { a: integer('a') }, (t) => [\n  somethingElse('x'),\n]);\n",
                           ["schema.ts:3:3: warning: unsupported table extra 'somethingElse' in table 't'"]),
            DiagnosticCase("tableName", header + "export const t = pgTable(tableName, { a: integer('a') });\n",
                           ["schema.ts:2:18: warning: cannot resolve the name of a table"]),
            DiagnosticCase("unbalancedClose", "export const a = [1, 2));\nexport const b = 2;\n",
                           ["schema.ts:1:23: error: unbalanced ')'", "schema.ts:1:24: error: unbalanced ')'",
                            "schema.ts:1:18: error: unbalanced '['"]),
            DiagnosticCase("unexpectedToken", "export const a = f(b c);\nexport const d = *;\n",
                           ["schema.ts:1:22: warning: unexpected 'c'", "schema.ts:2:18: warning: unexpected '*'"]),
            DiagnosticCase("viewName", header + "export const v = pgView(viewName);\n",
                           ["schema.ts:2:18: warning: cannot resolve the name of a view"])
        ]
    }()

    @Test(arguments: DiagnosticLocationTests.cases)
    func diagnosticIsReportedAtItsLocation(_ testCase: DiagnosticCase) {
        #expect(readSchema(testCase.source).messages == testCase.messages)
    }

    /// The statements after a bad one are still read.
    @Test func readingRecoversAfterEachCase() throws {
        for testCase in DiagnosticLocationTests.cases where testCase.source.hasPrefix(DiagnosticLocationTests.header) {
            let source = testCase.source + "export const after = pgTable('after', { id: integer('id') });\n"
            let result = readSchema(source)
            #expect(result.table("after")?.columns.map(\.name) == ["id"], "\(testCase.name)")
        }
    }
}
