@testable import DrizzleReader
import SchemaModel
import Testing

/// Tables of the common `pgTable('t', { ... }, (t) => [ ... ])` shape are read from their syntax
/// (`FastTable.swift`); the same table written so that the general evaluator reads it (columns and
/// extras bound to constants first) gives the same table and the same messages.
@Suite struct FastTableTests {
    static let header = """
        import { sql } from 'drizzle-orm';
        import {
          bigint, boolean, check, index, integer, interval, jsonb, numeric, pgEnum, pgPolicy, pgTable, serial, text,
          timestamp, unique, uniqueIndex, uuid, varchar,
        } from 'drizzle-orm/pg-core';
        import { authenticatedRole, serviceRole } from 'drizzle-orm/supabase';
        export const mood = pgEnum('mood', ['sad', 'ok', 'happy']);
        const audit = {
          createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
        };
        export const users = pgTable('users', { id: uuid('id').primaryKey().defaultRandom(), email: text('email') });

        """

    /// Column objects and extras: the shapes read from syntax, and ones each part hands back to the
    /// general path (unsupported modifiers and builders, odd options, references to tables declared
    /// later, duplicate keys, spreads, unresolvable names, policies and checks it does not model).
    static let cases: [(columns: String, extras: String)] = [
        ("id: uuid('id').primaryKey().defaultRandom(), name: varchar('name', { length: 120 }).notNull(), at: timestamp('at').defaultNow()",
         "unique('t_name_key').on(t.name), index('t_name_idx').on(t.name)"),
        ("id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(), n: numeric('n', { precision: 12, scale: 2 })",
         "check('t_n_check', sql`${t.n} >= 0`)"),
        ("id: serial('id').primaryKey(), userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }).notNull()",
         "uniqueIndex('t_user_idx').on(t.userId), pgPolicy('p', { as: 'permissive', for: 'select', to: authenticatedRole, using: sql`${t.userId} = auth.uid()` })"),
        ("feeling: mood('feeling').default('ok'), flag: boolean('flag').default(true), count: integer('count').default(0), ...audit",
         "pgPolicy('q', { as: 'restrictive', for: 'all', to: [authenticatedRole, serviceRole], withCheck: sql`${t.count} > 1` })"),
        ("at: timestamp('at', { precision: 3, withTimezone: 'yes' }), dur: interval('dur', { fields: 'day' }), data: jsonb('data').default({})",
         "index().on(t.at.desc()), unique().on(t.dur).nullsNotDistinct()"),
        ("later: uuid('later').references(() => laterTable.id), self: uuid('self').references(() => t.id), id: uuid('id').primaryKey()",
         "index('x').on(t.later)"),
        ("plain: text(), camelCase: integer(), tagged: text('tagged').$type<string>().unique(), arr: text('arr').array()",
         "unique('u').on(t.plain, t.camelCase)"),
        ("a: text('a'), a: integer('a2'), b: varchar('b', { length: 'x' })", "index('i').on(t.a)"),
        ("a: text('a').$defaultFn(() => 'x'), b: text('b').notNull", "index('i').on(t.missing), check('c', sql`${t.a} ${1}`)"),
        ("...notDefined, a: text('a')", "pgPolicy('r', { to: 'public', using: sql`true` }), foo()"),
        ("a: text('a').default(sql`now()`), 'quoted key': text('q'), n: numeric('n', { precision: 5 })", "[index('i').on(t.a)][0]"),
        // Columns read from their tokens (`TokenColumns.swift`), and near misses they hand back.
        ("a: varchar('a', { length: 10, },), b: numeric({ precision: 3, scale: 1 }), c: text('c',), d: integer().default(5,)",
         "index('i').on(t.a)"),
        ("a: uuid('a').references(() => users.id, { onDelete: 'cascade', onUpdate: 'set null' }), b: uuid('b').references(() => users.id, {}), c: uuid('c').references(() => users.id,)",
         "index('i').on(t.a)"),
        ("a: text('a').default('x').notNull().unique(), b: integer('b').default(-1), c: text('c').default(`x`), d: varchar('d', { length: 1.5 })",
         "index('i').on(t.a)"),
        ("a: uuid('a').references(() => users.id, { onDelete: 1 }), b: timestamp('b', { mode: 'date', precision: 3, withTimezone: true }).defaultNow()",
         "index('i').on(t.b)"),
        ("a: mood('a').array(), b: mood().notNull(), c: serial().primaryKey(), d: bigint('d', { mode: 'bigint' }).generatedByDefaultAsIdentity()",
         "index('i').on(t.c)"),
        ("a: text('a').default(), b: text('b').notNull(true), c: text('c').references(() => nowhere.id), d: text({ length: 3 }, 'd')",
         "index('i').on(t.a)"),
        ("a: integer('a').default(0).default(1), b: time('b', { precision: 2, withTimezone: 'yes' }), c: char({ length: 2 }).primaryKey()",
         "index('i').on(t.a)"),
        // Extras read from their tokens (`TokenExtras.swift`), and near misses they hand back.
        ("a: text('a'), bB: text(), c: integer('c')",
         "index('i').on(t.a).on(t.bB), unique().on(t.a).on(t.bB,).nullsNotDistinct(), uniqueIndex().on(t.a, t.c), index()"),
        ("a: text('a'), b: text('b')",
         "unique('u').nullsNotDistinct(t.a), index('i').on(t.a, 'b'), index('j').on(t.a).where(sql`${t.b} > 0`), check('c', sql`${t.a} > 0`).foo()"),
        ("a: text('a'), b: text('b')",
         "check('c', sql`${t.a} + ${t.b} > ${t.nope}`), check('d', sql`plain`), check('e', other`${t.a}`), check('f', 'text'), unique(t.a)"),
        ("a: text('a'), b: text('b')",
         "pgPolicy('p', { 'to': 'authenticated', for: 'INSERT', as: 'RESTRICTIVE', withCheck: sql`${t.a} = 1`, using: sql`x`, to: serviceRole })"),
        ("a: text('a')",
         "pgPolicy('p', { to: t, using: sql`${t.a}` }), pgPolicy('q', { to: notDeclared }), pgPolicy('r', { for: 'select', n: 1 })"),
        ("a: text('a')",
         "pgPolicy('p', { using: sql`${t.a}`, to: [authenticatedRole], for: 'bogus' }), pgPolicy('q', { to: sql`x` }), pgPolicy('s', { using: 'x' })"),
        ("a: text('a')", "pgPolicy('p', { to: mood, withCheck: t }), pgPolicy('q').link(users), index('i').on(t.a).using('gin', t.a)"),
    ]

    static func fast(_ columns: String, _ extras: String) -> String {
        header + "export const t = pgTable('t', {\n  \(columns),\n}, (t) => [\n  \(extras),\n]);\n"
            + "export const laterTable = pgTable('later_table', { id: uuid('id').primaryKey() });\n"
    }

    static func general(_ columns: String, _ extras: String) -> String {
        header + "const columns = {\n  \(columns),\n};\nconst extras = (t) => [\n  \(extras),\n];\n"
            + "export const t = pgTable('t', columns, extras);\n"
            + "export const laterTable = pgTable('later_table', { id: uuid('id').primaryKey() });\n"
    }

    /// A table with every provenance cleared (the two spellings put things on different lines).
    static func withoutLocations(_ table: Table?) -> Table? {
        guard var table else { return nil }
        let none = Provenance(source: .drizzle)
        table.provenance = none
        for k in table.columns.indices { table.columns[k].provenance = none }
        table.primaryKey?.provenance = none
        for k in table.uniqueConstraints.indices { table.uniqueConstraints[k].provenance = none }
        for k in table.foreignKeys.indices { table.foreignKeys[k].provenance = none }
        for k in table.checks.indices { table.checks[k].provenance = none }
        for k in table.indexes.indices { table.indexes[k].provenance = none }
        for k in table.policies.indices { table.policies[k].provenance = none }
        return table
    }

    /// Diagnostics without their locations.
    static func texts(_ result: ReadResult) -> [String] {
        result.diagnostics.map { "\($0.severity): \($0.message)" }
    }

    @Test(arguments: 0..<cases.count)
    func sameTableAsTheGeneralPath(_ index: Int) {
        let (columns, extras) = FastTableTests.cases[index]
        for casing in [nil, DrizzleReader.Casing.snakeCase] {
            let fast = readSchema(FastTableTests.fast(columns, extras), casing: casing)
            let general = readSchema(FastTableTests.general(columns, extras), casing: casing)
            #expect(FastTableTests.withoutLocations(fast.table("t")) == FastTableTests.withoutLocations(general.table("t")))
            #expect(FastTableTests.texts(fast) == FastTableTests.texts(general))
            #expect(fast.catalog.tableCount == general.catalog.tableCount)
        }
    }

    /// Locations in a table read from syntax are those of the general path's table.
    @Test func locationsOfAFastTable() throws {
        let result = readSchema("""
            import { pgTable, text, uuid, index } from 'drizzle-orm/pg-core';
            export const t = pgTable('t', {
              id: uuid('id').primaryKey(),
              name: text('name').notNull().unique(),
            }, (t) => [
              index('t_name_idx').on(t.name),
            ]);
            """)
        let table = try #require(result.table("t"))
        #expect(result.messages == [])
        #expect(table.provenance == at(2, 18))
        #expect(table.columns.map(\.provenance) == [at(3, 3), at(4, 3)])
        #expect(table.columns.map(\.rawType) == ["uuid('id')", "text('name')"])
        #expect(table.indexes.first?.provenance == at(6, 3))
        #expect(table.uniqueConstraints.first?.name == "t_name_unique")
    }

    /// Which objects the parser leaves as tokens: column objects of plain calls only.
    @Test(arguments: [
        ("f('t', { a: text('a'), b: uuid('b').references(() => u.id, { onDelete: 'cascade' }) })", true),
        ("f('t', { a: text('a', { length: 3 }).default(1.5), ...rest, 'k': x() })", true),
        ("f('t', { a: 1 })", false),  // not a builder chain
        ("f('t', {})", false),
        ("f('t', { casing: text('c') })", false),  // the parser notes `casing`
        ("f('t', { a: text(b) })", false),  // a name as an argument
        ("f('t', { a: text('a').x })", false),  // not a call
        ("f('t', { a: new X() })", false),
        ("f('t', { a: text('a') } as T)", false),
        ("o.f('t', { a: text('a') })", false),  // not a plain call
        ("f({ a: text('a') })", false),  // not the second argument
        ("f('t', { a: text(`a`) })", false),
        ("f('t', { a: text('a').default(-1) })", false),
    ])
    func lazyColumnObjects(_ source: String, _ lazy: Bool) throws {
        try FastTableTests.expectLazy(source, lazy)
    }

    /// Which extras functions the parser leaves as tokens.
    @Test(arguments: [
        ("f('t', {}, (t) => [index('i').on(t.a), check('c', sql`${t.a} > 0 and ${t.b}`), unique().on(t.a).nullsNotDistinct()])", true),
        ("f('t', {}, (t) => [pgPolicy('p', { as: 'permissive', to: [authenticatedRole, 'x'], using: sql`true`, withCheck: sql`${t.a} = 1` })])", true),
        ("f('t', {}, () => [])", true),
        ("f('t', {}, (t) => [index('i').on(t.a)].concat(x))", false),
        ("f('t', {}, (t) => [index('i').on(t.a.desc())])", false),
        ("f('t', {}, (t) => [index('i').on(t.a).where(sql`${t.a} > ${1}`)])", false),  // a literal in a template
        ("f('t', {}, (t) => [check('c', sql`${t.a}` as any)])", false),
        ("f('t', {}, (t) => [index('i').on(t[a])])", false),
        ("f('t', {}, (t) => [...more])", false),
        ("f('t', {}, (t: Table) => [index('i').on(t.a)])", false),
        ("f('t', {}, (t) => ({ i: index('i').on(t.a) }))", false),
        ("f('t', {}, (t) => [pgPolicy('p', { casing: 'x' })])", false),
        ("f('t', {}, (t) => [pgPolicy('p', { to: [[a]] })])", false),
        ("f('t', {}, (t) => [pgPolicy('p', { to: a, }),])", true),
    ])
    func lazyExtras(_ source: String, _ lazy: Bool) throws {
        try FastTableTests.expectLazy(source, lazy)
    }

    static func expectLazy(_ source: String, _ lazy: Bool) throws {
        let module = TSParser.parse(Array("export const x = \(source);\n".utf8))
        guard case .value(.call(_, let args, _, _))? = module.bindings["x"] else {
            Issue.record("not a call: \(source)")
            return
        }
        var isLazy = false
        for arg in args {
            if case .lazyObject = arg { isLazy = true }
            if case .lazyArrow = arg { isLazy = true }
        }
        #expect(isLazy == lazy, "\(source)")
        #expect(module.problems.isEmpty)
    }
}
