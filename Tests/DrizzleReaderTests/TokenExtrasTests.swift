@testable import DrizzleReader
import SchemaModel
import Testing

/// Extras read from their tokens (`TokenExtras.swift`): a template repeated within a table is read
/// once, and never reused for another table, whose columns differ.
@Suite struct TokenExtrasTests {
    static let source = """
        import { sql } from 'drizzle-orm';
        import { pgPolicy, pgTable, text, check } from 'drizzle-orm/pg-core';
        export const one = pgTable('one', { a: text('x') }, (t) => [
          pgPolicy('p', { using: sql`${t.a} = 1`, withCheck: sql`${t.a} = 1` }),
          check('c', sql`${t.a} = 1`),
        ]);
        export const two = pgTable('two', { a: text('y') }, (t) => [
          pgPolicy('p', { using: sql`${t.a} = 1` }),
          check('c', sql`${t.a} = 1`),
        ]);
        export const three = pgTable('three', { b: text('z') }, (t) => [
          pgPolicy('p', { using: sql`${t.a} = 1` }),
        ]);
        """

    @Test func repeatedTemplatesAreReadPerTable() throws {
        let result = readSchema(TokenExtrasTests.source)
        let one = try #require(result.table("one"))
        let two = try #require(result.table("two"))
        #expect(one.policies.map(\.using) == [#""one"."x" = 1"#])
        #expect(one.policies.map(\.withCheck) == [#""one"."x" = 1"#])
        #expect(one.checks.map(\.expression) == [#""one"."x" = 1"#])
        #expect(two.policies.map(\.using) == [#""two"."y" = 1"#])
        #expect(two.checks.map(\.expression) == [#""two"."y" = 1"#])
        // `t.a` is no column of `three`: its policy has no USING, with the general path's message.
        let three = try #require(result.table("three"))
        #expect(three.policies.map(\.using) == [nil])
        #expect(result.messages.count == 1)
        #expect(result.messages.first?.contains("USING") == true)
    }
}
