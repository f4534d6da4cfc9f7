import SchemaModel
import Testing
@testable import PostgresCatalog

@Suite struct CatalogMapperTests {
    func columnRow(_ name: String, _ type: String, notNull: Bool = false, default value: String? = nil,
                   identity: String = "", generated: String = "", userType: String? = nil, isArray: Bool = false) -> CatalogRows.ColumnRow {
        CatalogRows.ColumnRow(
            tableOID: "1", name: name, formattedType: type, notNull: notNull, defaultExpression: value,
            identity: identity, generated: generated, userType: userType, isArray: isArray, comment: nil,
            sequenceStart: identity.isEmpty ? nil : "10", sequenceIncrement: identity.isEmpty ? nil : "5",
            sequenceMin: identity.isEmpty ? nil : "1", sequenceMax: identity.isEmpty ? nil : "2147483647",
            sequenceCache: identity.isEmpty ? nil : "1", sequenceCycle: identity.isEmpty ? nil : false)
    }

    @Test func mapsColumnsWithCanonicalTypes() {
        let plain = CatalogMapper.column(from: columnRow("email", "character varying(255)", notNull: true))
        #expect(plain.type == .varchar(255))
        #expect(plain.rawType == "character varying(255)")
        #expect(!plain.isNullable)

        let enumArray = CatalogMapper.column(from: columnRow("moods", "mood[]", userType: "public.mood", isArray: true))
        #expect(enumArray.type == SQLType("public.mood", arrayDimensions: 1))

        let stamp = CatalogMapper.column(from: columnRow("at", "timestamp(3) with time zone", default: "now()"))
        #expect(stamp.type == SQLType("timestamp with time zone", modifiers: ["3"]))
        #expect(stamp.defaultExpression == "now()")
    }

    @Test func mapsIdentityAndGeneratedColumns() {
        let identity = CatalogMapper.column(from: columnRow("id", "integer", notNull: true, identity: "a"))
        #expect(identity.identity == Identity(generation: .always, start: 10, increment: 5, minValue: 1, maxValue: 2147483647, cache: 1, cycle: false))
        let byDefault = CatalogMapper.column(from: columnRow("id", "bigint", notNull: true, identity: "d"))
        #expect(byDefault.identity?.generation == .byDefault)
        let generated = CatalogMapper.column(from: columnRow("g", "integer", default: "(a * 2)", generated: "s"))
        #expect(generated.generatedExpression == "(a * 2)")
        #expect(generated.defaultExpression == nil)
    }

    @Test(arguments: [("a", ForeignKey.Action.noAction), ("r", .restrict), ("c", .cascade), ("n", .setNull), ("d", .setDefault)])
    func mapsReferentialActions(code: String, action: ForeignKey.Action) {
        #expect(CatalogMapper.action(code) == action)
    }

    @Test func decodesTriggerTypeBits() {
        // ROW (1) | BEFORE (2) | INSERT (4) | UPDATE (16)
        let row = CatalogRows.TriggerRow(
            tableOID: "1", name: "touch", type: 1 | 2 | 4 | 16, functionSchema: "public", functionName: "touch",
            argumentsHex: "6100620000", updateColumns: ["status", "name"],
            definition: "CREATE TRIGGER touch BEFORE INSERT OR UPDATE OF name, status ON public.t FOR EACH ROW WHEN ((new.name IS NOT NULL)) EXECUTE FUNCTION touch('a', 'b')")
        let trigger = CatalogMapper.trigger(from: row)
        #expect(trigger.timing == .before)
        #expect(trigger.level == .row)
        #expect(trigger.events == [Trigger.Event(.insert), Trigger.Event(.update, columns: ["name", "status"])])
        #expect(trigger.function == QualifiedName(schema: "public", name: "touch"))
        #expect(trigger.arguments == ["a", "b", ""])
        #expect(trigger.when == "(new.name IS NOT NULL)")

        let statement = CatalogMapper.trigger(from: CatalogRows.TriggerRow(
            tableOID: "1", name: "t", type: 64 | 8 | 32, functionSchema: "s", functionName: "f",
            argumentsHex: "", updateColumns: [], definition: "CREATE TRIGGER t INSTEAD OF DELETE ON v EXECUTE FUNCTION s.f()"))
        #expect(statement.timing == .insteadOf)
        #expect(statement.level == .statement)
        #expect(statement.events == [Trigger.Event(.delete), Trigger.Event(.truncate)])
        #expect(statement.arguments.isEmpty)
        #expect(statement.when == nil)
    }

    @Test func whenConditionSurvivesParenthesesInStrings() {
        let definition = "CREATE TRIGGER x AFTER UPDATE ON t FOR EACH ROW WHEN ((old.note IS DISTINCT FROM ')(')) EXECUTE FUNCTION f()"
        #expect(CatalogMapper.whenCondition(definition) == "(old.note IS DISTINCT FROM ')(')")
    }

    @Test func mapsIndexKeysOptionsAndIncludes() {
        let row = CatalogRows.IndexRow(
            tableOID: "1", name: "i", isUnique: true, method: "btree", predicate: "(deleted_at IS NULL)", keyCount: 2,
            keys: ["1\"UserId\"", "0lower(name)", "1status"], options: [0, 3], operatorClasses: ["", "text_pattern_ops", ""],
            nullsNotDistinct: false)
        let index = CatalogMapper.index(from: row)
        #expect(index.keys == [
            TableIndex.Key(column: "UserId"),
            TableIndex.Key(expression: "lower(name)", descending: true, nullsFirst: nil, operatorClass: "text_pattern_ops"),
        ])
        #expect(index.includedColumns == ["status"])
        #expect(index.isUnique)
        #expect(index.predicate == "(deleted_at IS NULL)")

        let nullsFirstAscending = CatalogMapper.index(from: CatalogRows.IndexRow(
            tableOID: "1", name: "j", isUnique: false, method: "btree", predicate: nil, keyCount: 1,
            keys: ["1a"], options: [2], operatorClasses: [""], nullsNotDistinct: false))
        #expect(nullsFirstAscending.keys[0].nullsFirst == true)
        #expect(nullsFirstAscending.keys[0].canonicalDescription == "a nulls first")
    }

    @Test func assemblesACatalogInDeterministicOrder() {
        var rows = CatalogRows()
        rows.schemas = ["public", "app"]
        rows.tables = [
            .init(oid: "2", schema: "public", name: "b", kind: "r", rowSecurity: true, forceRowSecurity: false, comment: nil),
            .init(oid: "1", schema: "public", name: "a", kind: "p", rowSecurity: false, forceRowSecurity: false, comment: "hi"),
        ]
        rows.columns = [columnRow("id", "integer", notNull: true)]
        rows.constraints = [
            .init(tableOID: "1", name: "a_pkey", type: "p", columns: ["id"], referencedSchema: nil, referencedTable: nil,
                  referencedColumns: [], onDelete: "a", onUpdate: "a", deferrable: false, deferred: false,
                  checkExpression: nil, nullsNotDistinct: false),
            .init(tableOID: "2", name: "b_a_fkey", type: "f", columns: ["a_id"], referencedSchema: "public", referencedTable: "a",
                  referencedColumns: ["id"], onDelete: "c", onUpdate: "r", deferrable: true, deferred: true,
                  checkExpression: nil, nullsNotDistinct: false),
            .init(tableOID: "2", name: "b_x_check", type: "c", columns: ["x"], referencedSchema: nil, referencedTable: nil,
                  referencedColumns: [], onDelete: " ", onUpdate: " ", deferrable: false, deferred: false,
                  checkExpression: "(x > 0)", nullsNotDistinct: false),
        ]
        rows.policies = [.init(tableOID: "2", name: "p", permissive: false, command: "r", roles: ["b_role", "a_role"], using: "true", withCheck: nil)]
        rows.enums = [.init(schema: "app", name: "mood", labels: ["sad", "happy"])]
        rows.relations = [.init(schema: "app", name: "v", kind: "v", definition: " SELECT 1;")]
        let catalog = CatalogMapper.catalog(from: rows)
        #expect(catalog.schemas.map(\.name) == ["app", "public"])
        let publicSchema = catalog.schema(named: "public")!
        #expect(publicSchema.tables.map(\.name) == ["a", "b"])
        #expect(publicSchema.tables[0].kind == .partitioned)
        #expect(publicSchema.tables[0].comment == "hi")
        #expect(publicSchema.tables[0].primaryKey?.columns == ["id"])
        let b = publicSchema.tables[1]
        #expect(b.rowLevelSecurity)
        #expect(b.foreignKeys.first?.onDelete == .cascade)
        #expect(b.foreignKeys.first?.onUpdate == .restrict)
        #expect(b.foreignKeys.first?.initiallyDeferred == true)
        #expect(b.checks.first?.expression == "(x > 0)")
        #expect(b.policies.first?.command == .select)
        #expect(b.policies.first?.isPermissive == false)
        #expect(b.policies.first?.roles == ["a_role", "b_role"])
        #expect(catalog.schema(named: "app")?.enums.first?.labels == ["sad", "happy"])
        #expect(catalog.schema(named: "app")?.views.first?.name == "v")
    }

    @Test func unquotesIdentifiersPrintedByPostgres() {
        #expect(CatalogMapper.unquote("\"Mixed\"") == "Mixed")
        #expect(CatalogMapper.unquote("\"a\"\"b\"") == "a\"b")
        #expect(CatalogMapper.unquote("plain") == "plain")
        #expect(CatalogMapper.unquote("\"a\"\"\"\"b\"") == "a\"\"b")
        #expect(CatalogMapper.unquote("\"\"\"\"") == "\"")
        #expect(CatalogMapper.unquote("\"\"") == "")
        #expect(CatalogMapper.unquote("\"é \"\"x\"") == "é \"x")
    }
}
