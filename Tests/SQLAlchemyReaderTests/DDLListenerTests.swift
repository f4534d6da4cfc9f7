import SchemaModel
import Testing

@testable import SQLAlchemyReader

private let header = """
    from sqlalchemy import DDL, event, text
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
    class Base(DeclarativeBase):
        pass
    class Doc(Base):
        __tablename__ = "docs"
        id: Mapped[int] = mapped_column(primary_key=True)
        owner: Mapped[str]
    class Other(Base):
        __tablename__ = "others"
        id: Mapped[int] = mapped_column(primary_key=True)

    """

@Suite struct DDLListenerTests {
    @Test func withoutListenersRlsPoliciesAndTriggersAreNotStated() {
        let result = Read.source(header)
        #expect(result.catalog.notStated == [.trigger, .policy, .rowLevelSecurity, .forceRowLevelSecurity])
        #expect(result.table("docs")?.notStated == [])
    }

    @Test func eventListenWithDDLStatesRlsPoliciesPerTable() {
        let result = Read.source(header + """
            event.listen(
                Doc.__table__,
                "after_create",
                DDL(\"\"\"
                    ALTER TABLE %(table)s ENABLE ROW LEVEL SECURITY;
                    ALTER TABLE docs FORCE ROW LEVEL SECURITY;
                    CREATE POLICY "Owners read" ON docs AS RESTRICTIVE FOR SELECT TO authenticated, anon
                        USING (owner = current_user);
                    CREATE POLICY docs_insert ON public.docs FOR INSERT WITH CHECK ((owner = current_user));
                \"\"\").execute_if(dialect="postgresql"),
            )

            """)
        #expect(result.diagnostics.isEmpty)
        #expect(result.catalog.notStated == [])
        let docs = result.table("docs")
        #expect(docs?.rowLevelSecurity == true)
        #expect(docs?.forceRowLevelSecurity == true)
        #expect(docs?.notStated == [.trigger])
        #expect(result.table("others")?.notStated == [.trigger, .policy, .rowLevelSecurity, .forceRowLevelSecurity])
        let policies = docs?.policies ?? []
        #expect(policies.map(\.name) == ["Owners read", "docs_insert"])
        #expect(policies[0] == Policy(
            name: "Owners read", isPermissive: false, command: .select, roles: ["anon", "authenticated"],
            using: "owner = current_user", provenance: Provenance(source: .sqlalchemy, location: loc(15, 5))))
        #expect(policies[1].command == .insert)
        #expect(policies[1].withCheck == "(owner = current_user)")
        #expect(policies[1].roles == ["public"])
    }

    @Test func listensForFunctionsWithLiteralSqlStateTriggers() {
        let result = Read.source(header + """
            @event.listens_for(Other.__table__, "after_create")
            def add_trigger(target, connection, **kw):
                connection.execute(text(
                    "CREATE TRIGGER others_touch BEFORE INSERT OR UPDATE OF owner, id ON others "
                    "FOR EACH ROW WHEN (NEW.id > 0) EXECUTE FUNCTION util.touch('x')"
                ))

            """)
        let trigger = result.table("others")?.triggers.first
        #expect(trigger?.name == "others_touch")
        #expect(trigger?.timing == .before)
        #expect(trigger?.events == [Trigger.Event(.insert), Trigger.Event(.update, columns: ["id", "owner"])])
        #expect(trigger?.level == .row)
        #expect(trigger?.function == QualifiedName(schema: "util", name: "touch"))
        #expect(trigger?.arguments == ["'x'"])
        #expect(trigger?.when == "NEW.id > 0")
        #expect(result.table("others")?.notStated == [.policy, .rowLevelSecurity, .forceRowLevelSecurity])
    }

    @Test func ddlBuiltAtRunTimeIsDiagnosed() {
        let result = Read.source(header + """
            def rls_for(name):
                return DDL(f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY")
            event.listen(Doc.__table__, "after_create", rls_for("docs"))
            @event.listens_for(Other.__table__, "after_create")
            def dynamic(target, connection, **kw):
                connection.execute(text(build_sql(target)))

            """)
        #expect(result.messages == [
            "models.py:14:1: warning: DDL listener builds its SQL at run time; its effect is not audited",
            "models.py:15:2: warning: DDL listener 'dynamic' builds its SQL at run time; its effect is not audited",
        ])
        #expect(result.table("docs")?.rowLevelSecurity == false)
    }

    @Test func ddlParserSkipsFunctionsWithDollarQuotedBodies() {
        let statements = DDLParser.parse(
            "CREATE FUNCTION f() RETURNS trigger AS $body$ BEGIN CREATE POLICY x ON y; END; $body$ LANGUAGE plpgsql; ALTER TABLE ONLY s.t ENABLE ROW LEVEL SECURITY",
            defaultSchema: "public", location: loc(1, 1))
        #expect(statements.count == 1)
        if case .enableRowLevelSecurity(let table, _)? = statements.first {
            #expect(table == QualifiedName(schema: "s", name: "t"))
        } else {
            Issue.record("expected ENABLE ROW LEVEL SECURITY")
        }
    }
}
