import SchemaModel
import Testing

@testable import SQLAlchemyReader

/// DDL listener statements routed to their tables and applied while the tables are built on all
/// cores (``ModelBuilder/routeStatements(_:lookup:)``, ``ModelBuilder/applyStatements(_:of:from:to:)``).
@Suite struct FinalizeDDLTests {
    private static let place = SchemaModel.SourceLocation(path: "m.py", line: 1, column: 1)

    private static func parse(_ sql: String) -> [DDLStatement] {
        DDLParser.parse(sql, defaultSchema: "public", location: place)
    }

    @Test func applyingTakesOnlyTheRoutedStatementsInOrder() {
        let lists = [
            Self.parse("CREATE POLICY b ON t FOR SELECT USING (true); CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f()"),
            Self.parse("ALTER TABLE u ENABLE ROW LEVEL SECURITY; CREATE POLICY a ON t FOR INSERT WITH CHECK (true)"),
        ]
        // Table 0 gets list 0's two statements and list 1's policy; table 1 gets list 1's RLS.
        let routing = DDLRouting(offsets: [0, 3, 4], entries: [(0, 0), (0, 1), (1, 1), (1, 0)])
        var first = Table(name: "t", provenance: Provenance(source: .sqlalchemy, location: Self.place))
        ModelBuilder.applyStatements(routing, of: 0, from: lists, to: &first)
        #expect(first.policies.map(\.name) == ["b", "a"])
        #expect(first.triggers.map(\.name) == ["tr"])
        #expect(first.rowLevelSecurity == false)
        #expect(first.notStated == [])
        var second = Table(name: "u", provenance: Provenance(source: .sqlalchemy, location: Self.place))
        ModelBuilder.applyStatements(routing, of: 1, from: lists, to: &second)
        #expect(second.rowLevelSecurity == true)
        #expect(second.policies.isEmpty)
        #expect(second.notStated == [.trigger])
    }

    @Test func aTableWithoutStatementsStatesNothing() {
        let routing = DDLRouting(offsets: [0, 0], entries: [])
        var table = Table(name: "t", provenance: Provenance(source: .sqlalchemy, location: Self.place))
        ModelBuilder.applyStatements(routing, of: 0, from: [], to: &table)
        #expect(table.notStated == [.rowLevelSecurity, .forceRowLevelSecurity, .policy, .trigger])
    }

    @Test func statementTableIsTheNamedTable() {
        let statements = Self.parse("ALTER TABLE s.t FORCE ROW LEVEL SECURITY; CREATE POLICY p ON u USING (true)")
        #expect(statements.map(\.table) == [QualifiedName(schema: "s", name: "t"), QualifiedName(schema: "public", name: "u")])
    }

    /// Enough tables that they are built on all cores, listeners in reverse order, two per table for
    /// some, and listeners naming no table (warned in statement order).
    @Test func manyTablesGetTheirOwnListenersStatementsAndUnknownTablesWarnInOrder() {
        var source = """
            from sqlalchemy import DDL, event
            from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
            class Base(DeclarativeBase):
                pass

            """
        let count = 80
        for k in 0..<count {
            source += "class T\(k)(Base):\n    __tablename__ = \"t\(k)\"\n    id: Mapped[int] = mapped_column(primary_key=True)\n"
        }
        source += "event.listen(Base.metadata, \"after_create\", DDL(\"CREATE POLICY ghost_p ON ghost_a USING (true)\"))\n"
        for k in stride(from: count - 1, through: 1, by: -1) {
            source += "event.listen(T\(k).__table__, \"after_create\", DDL(\"ALTER TABLE t\(k) ENABLE ROW LEVEL SECURITY; CREATE POLICY p\(k)_first ON t\(k) USING (true)\"))\n"
            if k % 10 == 0 {
                source += "event.listen(T\(k).__table__, \"after_create\", DDL(\"CREATE POLICY p\(k)_second ON t\(k) USING (false); CREATE TRIGGER tr\(k) AFTER INSERT ON t\(k) FOR EACH ROW EXECUTE FUNCTION f()\"))\n"
            }
        }
        source += "event.listen(Base.metadata, \"after_create\", DDL(\"ALTER TABLE ghost_b ENABLE ROW LEVEL SECURITY\"))\n"
        let result = Read.source(source)
        let warnings = result.diagnostics.map(\.message).filter { $0.hasPrefix("DDL listener refers") }
        #expect(warnings == [
            "DDL listener refers to table 'public.ghost_a' that no model defines",
            "DDL listener refers to table 'public.ghost_b' that no model defines",
        ])
        #expect(result.table("t0")?.notStated == [.rowLevelSecurity, .forceRowLevelSecurity, .policy, .trigger])
        #expect(result.table("t0")?.rowLevelSecurity == false)
        for k in 1..<count {
            let table = result.table("t\(k)")
            #expect(table?.rowLevelSecurity == true)
            if k % 10 == 0 {
                #expect(Set(table?.policies.map(\.name) ?? []) == ["p\(k)_first", "p\(k)_second"])
                #expect(table?.triggers.map(\.name) == ["tr\(k)"])
                #expect(table?.notStated == [])
            } else {
                #expect(table?.policies.map(\.name) == ["p\(k)_first"])
                #expect(table?.triggers.isEmpty == true)
                #expect(table?.notStated == [.trigger])
            }
        }
    }
}
