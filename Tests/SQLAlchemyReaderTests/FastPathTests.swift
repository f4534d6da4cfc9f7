import SchemaModel
import SourceScanning
import Testing

@testable import SQLAlchemyReader

/// The shortcuts taken for speed give what the general code they stand in for gives.
@Suite struct FastPathTests {
    // MARK: ScratchStack

    @Test func scratchStackPopsNestedListsInOrderAndGrows() {
        let stack = ScratchStack<String>(capacity: 2)
        let outer = stack.count
        stack.push("a")
        stack.push("b")
        let inner = stack.count
        for k in 0..<100 { stack.push("x\(k)") }
        let innerItems = stack.pop(from: inner)
        #expect(innerItems == (0..<100).map { "x\($0)" })
        stack.push("c")
        let dropped = stack.count
        stack.push("gone")
        stack.drop(from: dropped)
        #expect(stack.pop(from: outer) == ["a", "b", "c"])
        #expect(stack.count == 0)
        #expect(stack.pop(from: 0).isEmpty)
    }

    @Test(arguments: [
        ("f(a, g(b, c), *d, **e, k=h(1, 2)[3])", "call"),
        ("x = [1, (2, 3), {4: [5, 6]}, [i for i in y], z[1:2]]", "sequence"),
        ("f(a for a in b)\nx = (1,)\ny = (1)\nz = ()", "comprehension and tuples"),
    ])
    func parsedListsKeepTheirItems(source: String, what: String) {
        var log = DiagnosticLog()
        let body = PythonParser.parse(SourceFile(path: "m.py", text: source), log: &log)
        #expect(!body.isEmpty, "\(what)")
        #expect(log.diagnostics.isEmpty, "\(what)")
        // Reading the same source twice gives the same tree (the stack leaves nothing behind).
        var again = DiagnosticLog()
        let second = PythonParser.parse(SourceFile(path: "m.py", text: source), log: &again)
        #expect(String(describing: body) == String(describing: second), "\(what)")
    }

    @Test func callArgumentsAndBracketItemsAreParsedInOrder() {
        var log = DiagnosticLog()
        let body = PythonParser.parse(SourceFile(path: "m.py", text: "f(1, g(2, [3, 4]), k=5)\n"), log: &log)
        guard case .expression(.call(_, let args, _), _)? = body.first else {
            Issue.record("not a call: \(body)")
            return
        }
        #expect(args.count == 3)
        #expect(args[2].keyword == "k")
        guard case .call(_, let inner, _) = args[1].value, case .list(let items, _) = inner[1].value else {
            Issue.record("not a nested call with a list: \(args[1].value)")
            return
        }
        #expect(inner.count == 2)
        #expect(items.count == 2)
    }

    // MARK: IntKeyedTable

    @Test func intKeyedTableFindsEveryKeyAfterGrowing() {
        var table = IntKeyedTable<String>()
        #expect(table[0] == nil)
        let keys = (0..<500).map { $0 * 7 + ($0 % 3) }
        for key in keys { table.insert("v\(key)", for: key) }
        for key in keys { #expect(table[key] == "v\(key)") }
        #expect(table[1] == nil)
        #expect(table[100_000] == nil)
    }

    // MARK: TableLookup, SeenNames

    @Test func tableLookupAnswersAsJoinedStringKeysWould() {
        let plain = [QualifiedName(schema: "public", name: "a"), QualifiedName(schema: "s", name: "b"), QualifiedName(schema: "public", name: "a")]
        let lookup = TableLookup(plain)
        #expect(lookup[schema: "public", name: "a"] == 2)  // the later equal name wins
        #expect(lookup[schema: "s", name: "b"] == 1)
        #expect(lookup[schema: "s.b", name: ""] == nil)
        // With a dot in a name, `a.b` + `c` and `a` + `b.c` are one key, as joined strings.
        let dotted = TableLookup([QualifiedName(schema: "a", name: "b.c"), QualifiedName(schema: "x", name: "y")])
        #expect(dotted[schema: "a.b", name: "c"] == 0)
        #expect(dotted[schema: "a", name: "b.c"] == 0)
        #expect(dotted[schema: "x", name: "y"] == 1)
    }

    @Test(arguments: ["", "a", "a.b", ".", "public", "é.x", "schéma", String(repeating: "x", count: 40), String(repeating: "x", count: 40) + ".y"])
    func dotSearchAgreesWithTheUTF8View(text: String) {
        #expect(TableLookup.hasDot(text) == text.utf8.contains(0x2E))
    }

    @Test func seenNamesTreatDottedPairsAsJoinedStrings() {
        var seen = SeenNames()
        let inserted = [
            seen.insert(schema: "public", name: "e"), seen.insert(schema: "public", name: "e"),
            seen.insert(schema: "a", name: "b.c"), seen.insert(schema: "a.b", name: "c"), seen.insert(schema: "public", name: "f"),
        ]
        #expect(inserted == [true, false, true, false, true])
    }

    // MARK: string literals

    @Test(arguments: [
        ("x = 'ab' 'cd' \"ef\"\n", "abcdef"),
        ("x = 'a\\n' r'\\n' 'b\\'c'\n", "a\n\\nb'c"),
        ("x = 'é' 'x'\n", "éx"),
        ("x = ''  ''\n", ""),
    ])
    func adjacentLiteralsJoin(source: String, expected: String) {
        var log = DiagnosticLog()
        let body = PythonParser.parse(SourceFile(path: "m.py", text: source), log: &log)
        guard case .assign(_, .string(let value, _, _), _)? = body.first else {
            Issue.record("not a string assignment: \(body)")
            return
        }
        #expect(value == expected)
    }

    @Test func adjacentLiteralsWithSplitInvalidUTF8AreRepairedEachOnTheirOwn() {
        // 0xC3 ends the first literal, 0xA9 starts the second: joined as bytes they would read as
        // `é`; each literal is repaired on its own instead, as before.
        let bytes = Array("x = '".utf8) + [0xC3] + Array("' '".utf8) + [0xA9] + Array("'\n".utf8)
        var log = DiagnosticLog()
        let body = PythonParser.parse(SourceFile(path: "m.py", bytes: bytes), log: &log)
        guard case .assign(_, .string(let value, _, _), _)? = body.first else {
            Issue.record("not a string assignment: \(body)")
            return
        }
        #expect(value == "\u{FFFD}\u{FFFD}")
    }

    @Test func asciiCheckLooksAtEveryByte() {
        #expect(StringEscapes.isASCII([]))
        #expect(StringEscapes.isASCII(Array("plain ascii text, longer than eight".utf8)))
        for position in 0..<20 {
            var bytes = [UInt8](repeating: 0x61, count: 20)
            bytes[position] = 0x80
            #expect(!StringEscapes.isASCII(bytes), "high byte at \(position)")
        }
    }

    // MARK: dunder names

    @Test(arguments: ["__tablename__", "__", "_", "", "_x", "x__", "__\u{301}x", "__é", "_\u{301}_", "\u{301}__"])
    func dunderPrefixMatchesTheCharacterTest(name: String) {
        #expect(ModelBuilder.hasDunderPrefix(name) == name.hasPrefix("__"), "\(name.unicodeScalars.map(\.value))")
    }

    // MARK: foreign key actions, server defaults

    @Test(arguments: ["CASCADE", "cascade", "SET NULL", "set null", "RESTRICT", "NO ACTION", "SET DEFAULT", "set_null", "Cascade", "no-action", "bogus"])
    func foreignKeyActionsMatchTheGeneralParse(spelling: String) {
        #expect(ModelBuilder.foreignKeyAction(spelling) == ForeignKey.Action(spelling: spelling))
    }

    @Test func serverDefaultLiteralsAreQuotedWithQuotesDoubled() {
        let result = Read.source("""
            from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

            class Base(DeclarativeBase):
                pass

            class T(Base):
                __tablename__ = "t"
                id: Mapped[int] = mapped_column(primary_key=True)
                a: Mapped[str] = mapped_column(server_default="draft")
                b: Mapped[str] = mapped_column(server_default="it's")
                c: Mapped[str] = mapped_column(server_default="")
            """)
        let table = result.table("t")
        #expect(table?.col("a")?.defaultExpression == "'draft'")
        #expect(table?.col("b")?.defaultExpression == "'it''s'")
        #expect(table?.col("c")?.defaultExpression == "''")
    }

    // MARK: DDL expressions

    @Test func policyExpressionsJoinTheirTokensAsBefore() {
        // Expected texts as the reader gave them before the join wrote straight into the string.
        let sql = """
            CREATE POLICY p ON t USING ((select auth.uid())::text = "Owner""Id" AND f( a , b ) > 0 AND x."y" IN ('a','b'));
            CREATE POLICY q ON t WITH CHECK ( ( 1 ) )
            """
        let statements = DDLParser.parse(sql, defaultSchema: "public", location: SourceLocation(path: "m.py", line: 1, column: 1))
        var policies: [Policy] = []
        for case .policy(_, let policy) in statements { policies.append(policy) }
        #expect(policies.count == 2)
        #expect(policies.first?.using == #"(select auth.uid())::text = "Owner"Id" AND f(a, b) > 0 AND x."y" IN('a', 'b')"#)
        #expect(policies.last?.withCheck == "(1)")
    }

    // MARK: DDL policy words

    @Test func policyModeAndCommandAreReadWithoutStringsAsWithThem() {
        let sql = """
            CREATE POLICY p1 ON t AS RESTRICTIVE FOR SELECT USING (true);
            CREATE POLICY p2 ON t AS permissive FOR "insert" WITH CHECK (true);
            CREATE POLICY p3 ON t AS "restrictive" FOR Update USING (true);
            CREATE POLICY p4 ON t FOR bogus USING (true);
            CREATE POLICY p5 ON t AS
            """
        let statements = DDLParser.parse(sql, defaultSchema: "public", location: SourceLocation(path: "m.py", line: 1, column: 1))
        var policies: [Policy] = []
        for case .policy(_, let policy) in statements { policies.append(policy) }
        #expect(policies.map(\.name) == ["p1", "p2", "p3", "p4", "p5"])
        #expect(policies.map(\.isPermissive) == [false, true, false, true, true])
        #expect(policies.map(\.command) == [.select, .insert, .update, .all, .all])
    }
}
