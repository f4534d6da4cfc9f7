import SchemaModel
import SourceScanning
import Testing

@testable import SQLAlchemyReader

private func parse(_ source: String) -> ([PyStmt], [String]) {
    var log = DiagnosticLog()
    let body = PythonParser.parse(SourceFile(path: "m.py", text: source), log: &log)
    return (body, log.diagnostics.map(\.description))
}

@Suite struct ParserTests {
    @Test func importsWithAliasesAndRelativeLevels() {
        let (body, diagnostics) = parse("import sqlalchemy as sa, os\nfrom ..base import (Base,\n  Mixin as M)\nfrom . import models\n")
        #expect(diagnostics.isEmpty)
        guard body.count == 3, case .importModule(let names, _) = body[0], case .importFrom(let module, let level, let imported, _) = body[1],
            case .importFrom(let module2, let level2, let imported2, _) = body[2]
        else {
            Issue.record("unexpected statements \(body)")
            return
        }
        #expect(names.map(\.name) == ["sqlalchemy", "os"])
        #expect(names.map(\.alias) == ["sa", nil])
        #expect(module == "base" && level == 2)
        #expect(imported.map(\.name) == ["Base", "Mixin"] && imported.map(\.alias) == [nil, "M"])
        #expect(module2 == "" && level2 == 1 && imported2.map(\.name) == ["models"])
    }

    @Test func classWithBasesKeywordsDecoratorsAndBody() {
        let (body, diagnostics) = parse("@dataclass\nclass Hero(SQLModel, table=True):\n    id: int = 1\n    @declared_attr\n    def x(cls) -> Mapped[int]:\n        return mapped_column()\n")
        #expect(diagnostics.isEmpty)
        guard case .classDef(let cls)? = body.first else { Issue.record("no class"); return }
        #expect(cls.name == "Hero")
        #expect(cls.at == 11)
        #expect(cls.decorators.compactMap(\.dottedName) == ["dataclass"])
        #expect(cls.bases.map(\.keyword) == [nil, "table"])
        #expect(cls.body.count == 2)
        guard case .function(let fn) = cls.body[1] else { Issue.record("no method"); return }
        #expect(fn.name == "x" && fn.decorators.compactMap(\.dottedName) == ["declared_attr"])
        guard case .returnValue(.call(.name("mapped_column", _), let args, _)?, _)? = fn.body.first else { Issue.record("no return"); return }
        #expect(args.isEmpty)
    }

    @Test func callArgumentsPositionalKeywordStarAndRanges() {
        let (body, _) = parse("x = Column('n', String(5), *extra, nullable=False, **kw)\n")
        guard case .assign(_, .call(_, let args, _), _)? = body.first else { Issue.record("no call"); return }
        #expect(args.map(\.keyword) == [nil, nil, nil, "nullable", nil])
        #expect(args.map(\.isStar) == [false, false, true, false, true])
        #expect(args[0].value.stringValue == "n")
        #expect(args[1].valueStart == 16 && args[1].valueEnd == 25)
    }

    @Test func expressionsUnionsSubscriptsDictsAndComprehensions() {
        let (body, diagnostics) = parse("a: Mapped[int | None] = {'k': [1, 2], **d}\nb = [x for x in y]\nc = lambda: 1\nd = x if y else z\ne = s[1:2]\n")
        #expect(diagnostics.isEmpty)
        #expect(body.count == 5)
        guard case .annotated(_, .index(_, let items, _), .dict(let entries, _)?, _)? = body.first else { Issue.record("no annotated"); return }
        guard case .binary("|", .name("int", _), .name("None", _), _)? = items.first else { Issue.record("no union"); return }
        #expect(entries.count == 2 && entries[1].key == nil)
    }

    @Test func adjacentStringsConcatenateAndEscapesDecode() {
        let (body, _) = parse("x = 'a\\n' \"b\" r'\\d'\n")
        guard case .assign(_, let value, _)? = body.first else { Issue.record("no assign"); return }
        #expect(value.stringValue == "a\nb\\d")
    }

    @Test func syntaxErrorsRecoverAtTheNextStatement() {
        let (body, diagnostics) = parse("x = = 1\nclass A:\n    y = 2\nimport\nz = 3\n")
        #expect(diagnostics == [
            "m.py:1:5: error: syntax error: unexpected '='",
            "m.py:4:7: error: syntax error: expected a module name",
        ])
        #expect(body.contains { if case .classDef(let c) = $0 { return c.name == "A" }; return false })
        #expect(body.contains { if case .assign(let t, _, _) = $0 { return t.first?.dottedName == "z" }; return false })
    }

    @Test func compoundStatementsAreFlattened() {
        let (body, diagnostics) = parse("if TYPE_CHECKING:\n    from .a import B\nelse:\n    B = None\ntry:\n    import x\nexcept ImportError:\n    pass\n")
        #expect(diagnostics.isEmpty)
        #expect(body.count == 3)
    }

    @Test func deepNestingIsBoundedNotACrash() {
        let (_, diagnostics) = parse("x = " + String(repeating: "(", count: 5_000) + "1" + String(repeating: ")", count: 5_000) + "\n")
        #expect(diagnostics.contains { $0.contains("nested too deeply") })
    }
}
