import DrizzleReader
import SchemaModel
import SourceScanning
import Testing

/// Bad input ends in diagnostics with locations and recovery at the next statement, never a crash.
@Suite struct BadInputTests {
    @Test func unknownBuilderIsReportedAndNotStated() throws {
        let result = readSchema("""
        import { pgTable, integer } from 'drizzle-orm/pg-core';
        import { money } from 'drizzle-orm/pg-core';
        export const t = pgTable('t', {
          a: money('a'),
          b: integer('b'),
        });
        """)
        #expect(result.messages == ["schema.ts:4:6: warning: unsupported column builder 'money'"])
        let table = try #require(result.table("t"))
        #expect(table.columns.map(\.name) == ["a", "b"])
        #expect(table.columns[0].notStated == [.columnType])
        #expect(table.columns[0].rawType == "money('a')")
    }

    @Test func customTypeWithoutLiteralDataType() throws {
        let result = readSchema("""
        import { pgTable, customType } from 'drizzle-orm/pg-core';
        import { typeName } from './types';
        const odd = customType({ dataType: () => typeName() });
        export const t = pgTable('t', { a: odd('a') });
        """)
        #expect(result.messages == [
            "schema.ts:2:26: warning: cannot find imported file './types'",
            "schema.ts:4:33: warning: cannot resolve the dataType() of custom column 'a' in table 't'",
        ])
        #expect(result.table("t")?.columns.first?.notStated == [.columnType])
    }

    @Test func unterminatedStringRecoversAtNextStatement() throws {
        let result = readSchema("""
        import { pgTable, integer } from 'drizzle-orm/pg-core';
        const broken = 'oops;
        export const t = pgTable('t', { a: integer('a') });
        """)
        #expect(result.messages == ["schema.ts:2:16: error: unterminated string literal"])
        #expect(result.hasErrors)
        #expect(result.table("t")?.columns.map(\.name) == ["a"])
    }

    @Test func unbalancedBracketRecovers() throws {
        let result = readSchema("""
        import { pgTable, integer } from 'drizzle-orm/pg-core';
        function f() { if (x { return 1; }
        export const t = pgTable('t', { a: integer('a') });
        """)
        #expect(result.messages.contains("schema.ts:2:19: error: unbalanced '('"))
        #expect(result.table("t")?.columns.map(\.name) == ["a"])
    }

    @Test func unterminatedTemplateAndComment() {
        let template = readSchema("const q = sql`select ${x}\n")
        #expect(template.messages == ["schema.ts:1:25: error: unterminated template literal"])
        let comment = readSchema("export const a = 1; /* never closed\n")
        #expect(comment.messages == ["schema.ts:1:21: error: unterminated comment"])
    }

    @Test func missingInputsAndEmptyDirectories() {
        let files = InMemorySourceFiles(["docs/readme.md": "# hi", "schema.py": "x = 1", "bin.ts": "\u{0}\u{1}"])
        let result = DrizzleReader.read(paths: ["nope.ts", "docs", "schema.py", "bin.ts"], files: files)
        #expect(result.messages == [
            "error: cannot read 'nope.ts': no such file or directory",
            "error: no TypeScript files under 'docs'",
            "error: 'schema.py' is not a TypeScript file (expected .ts, .tsx or .mts)",
            "error: 'bin.ts' is not a text file",
        ])
        #expect(result.catalog.schemas.isEmpty)
    }

    @Test func unresolvedColumnValueIsReported() {
        let result = readSchema("""
        import { pgTable } from 'drizzle-orm/pg-core';
        import { idColumn } from '@acme/db-helpers';
        export const t = pgTable('t', { id: idColumn() });
        """)
        #expect(result.messages == ["schema.ts:3:33: warning: cannot resolve column 'id' of table 't': 'idColumn' is imported from '@acme/db-helpers', which is not read"])
        #expect(result.table("t")?.notStated == [.column])
    }

    @Test func notTypeScriptContentDoesNotCrash() {
        let result = readSchema("""
        #!/usr/bin/env python
        def main():
            print("hello")  # ]]] )))
        """)
        #expect(result.catalog.schemas.isEmpty)
        #expect(!result.diagnostics.isEmpty)
    }
}

/// Spreads that cannot be resolved: reported inside a table, quiet elsewhere.
@Suite struct UnresolvedSpreadTests {
    @Test func spreadColumnsFromAnUnreadPackage() throws {
        let result = readSchema("""
        import { pgTable, integer } from 'drizzle-orm/pg-core';
        import { auditColumns } from '@acme/db';
        export const config = { ...auditColumns, debug: true };
        export const t = pgTable('t', {
          id: integer('id'),
          ...auditColumns,
        });
        """)
        #expect(result.messages == ["schema.ts:6:6: warning: cannot resolve spread columns of table 't': 'auditColumns' is imported from '@acme/db', which is not read"])
        let table = try #require(result.table("t"))
        #expect(table.columns.map(\.name) == ["id"])
        #expect(table.notStated == [.column])
    }
}

/// Numbers at and beyond the limits of Int64 and Double neither trap nor lose bigint bounds.
@Suite struct NumberLimitTests {
    @Test func hugeNumbers() throws {
        let result = readSchema("""
        import { pgTable, bigint, integer } from 'drizzle-orm/pg-core';
        enum Big { A = 1e300, B, C = -1e400 }
        const HUGE = 1e20 * 1e20;
        export const t = pgTable('t', {
          a: bigint('a', { mode: 'bigint' }).generatedAlwaysAsIdentity({ maxValue: 9223372036854775807, minValue: -1e30 }),
          b: integer('b').default(Big.B),
          c: integer('c').default(HUGE),
          d: integer('d').default(0x7fffffffffffffffff),
        });
        """)
        let table = try #require(result.table("t"))
        #expect(table.columns[0].identity == Identity(generation: .always, maxValue: 9_223_372_036_854_775_807))
        #expect(table.columns[1].defaultExpression == "1e+300")
        #expect(table.columns[2].defaultExpression == "1e+40")
        #expect(table.columns[3].defaultExpression == "0x7fffffffffffffffff")
        #expect(result.messages == [])
    }
}
