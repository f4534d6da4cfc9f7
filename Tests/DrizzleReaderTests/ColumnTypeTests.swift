import DrizzleReader
import SchemaModel
import Testing

/// Every pg-core column builder maps to the SQL type drizzle-kit emits for it.
@Suite struct ColumnTypeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var builder: String
        var type: String
        var isNullable = true
        var defaultExpression: String?
        var testDescription: String { builder }
    }

    static let cases: [Case] = [
        Case(builder: "integer('c')", type: "integer"),
        Case(builder: "smallint('c')", type: "smallint"),
        Case(builder: "bigint('c', { mode: 'number' })", type: "bigint"),
        Case(builder: "bigint('c', { mode: 'bigint' })", type: "bigint"),
        Case(builder: "serial('c')", type: "integer", isNullable: false, defaultExpression: "nextval('t_c_seq'::regclass)"),
        Case(builder: "smallserial('c')", type: "smallint", isNullable: false, defaultExpression: "nextval('t_c_seq'::regclass)"),
        Case(builder: "bigserial('c', { mode: 'number' })", type: "bigint", isNullable: false, defaultExpression: "nextval('t_c_seq'::regclass)"),
        Case(builder: "boolean('c')", type: "boolean"),
        Case(builder: "text('c')", type: "text"),
        Case(builder: "text('c', { enum: ['a', 'b'] })", type: "text"),
        Case(builder: "varchar('c', { length: 255 })", type: "character varying(255)"),
        Case(builder: "varchar('c')", type: "character varying"),
        Case(builder: "char('c', { length: 2 })", type: "character(2)"),
        Case(builder: "char('c')", type: "character(1)"),
        Case(builder: "numeric('c', { precision: 10, scale: 2 })", type: "numeric(10,2)"),
        Case(builder: "numeric('c', { precision: 10 })", type: "numeric(10,0)"),
        Case(builder: "decimal('c')", type: "numeric"),
        Case(builder: "real('c')", type: "real"),
        Case(builder: "doublePrecision('c')", type: "double precision"),
        Case(builder: "json('c')", type: "json"),
        Case(builder: "jsonb('c')", type: "jsonb"),
        Case(builder: "uuid('c')", type: "uuid"),
        Case(builder: "date('c', { mode: 'string' })", type: "date"),
        Case(builder: "time('c')", type: "time without time zone"),
        Case(builder: "time('c', { precision: 2, withTimezone: true })", type: "time(2) with time zone"),
        Case(builder: "timestamp('c')", type: "timestamp without time zone"),
        Case(builder: "timestamp('c', { withTimezone: true })", type: "timestamp with time zone"),
        Case(builder: "timestamp('c', { withTimezone: true, precision: 3, mode: 'string' })", type: "timestamp(3) with time zone"),
        Case(builder: "interval('c')", type: "interval"),
        Case(builder: "interval('c', { fields: 'day to second', precision: 3 })", type: "interval day to second(3)"),
        Case(builder: "interval('c', { precision: 0 })", type: "interval"),
        Case(builder: "inet('c')", type: "inet"),
        Case(builder: "cidr('c')", type: "cidr"),
        Case(builder: "macaddr('c')", type: "macaddr"),
        Case(builder: "macaddr8('c')", type: "macaddr8"),
        Case(builder: "point('c')", type: "point"),
        Case(builder: "line('c')", type: "line"),
        Case(builder: "vector('c', { dimensions: 1536 })", type: "vector(1536)"),
        Case(builder: "geometry('c', { type: 'point', srid: 4326 })", type: "geometry(point)"),
        Case(builder: "text('c').array()", type: "text[]"),
        Case(builder: "integer('c').array().array()", type: "integer[][]"),
    ]

    @Test(arguments: cases)
    func builderType(_ c: Case) throws {
        let result = readSchema("""
        import * as p from 'drizzle-orm/pg-core';
        import { pgTable, integer, smallint, bigint, serial, smallserial, bigserial, boolean, text, varchar, char, numeric, decimal, real, doublePrecision, json, jsonb, uuid, date, time, timestamp, interval, inet, cidr, macaddr, macaddr8, point, line, vector, geometry } from 'drizzle-orm/pg-core';
        export const t = pgTable('t', {
          c: \(c.builder),
        });
        """)
        #expect(result.diagnostics.isEmpty)
        let column = try #require(result.table("t")?.columns.first)
        #expect(column.name == "c")
        #expect(column.type.description == c.type)
        #expect(column.rawType == String(c.builder.prefix { $0 != ")" }) + ")")
        #expect(column.isNullable == c.isNullable)
        #expect(column.defaultExpression == c.defaultExpression)
        #expect(column.provenance == at(4, 3))
    }

    @Test func columnWithoutNameUsesKey() throws {
        let result = readSchema("""
        import { pgTable, varchar } from 'drizzle-orm/pg-core';
        export const users = pgTable('users', {
          displayName: varchar({ length: 80 }),
          kind: varchar('text'),
        });
        """)
        let table = try #require(result.table("users"))
        #expect(table.columns.map(\.name) == ["displayName", "text"])
        #expect(table.columns[0].type == .varchar(80))
        #expect(table.columns[0].rawType == "varchar({ length: 80 })")
        #expect(table.columns[1].provenance == at(4, 3))
    }

    @Test(arguments: [
        (DrizzleReader.Casing.snakeCase, ["display_name", "html_url_id", "text"]),
        (DrizzleReader.Casing.camelCase, ["displayName", "htmlUrlId", "text"]),
    ])
    func casingOption(_ casing: DrizzleReader.Casing, _ names: [String]) throws {
        let result = readSchema("""
        import { pgTable, varchar } from 'drizzle-orm/pg-core';
        export const users = pgTable('users', {
          displayName: varchar(),
          HTMLUrlId: varchar(),
          kind: varchar('text'),
        });
        """, casing: casing)
        #expect(result.table("users")?.columns.map(\.name) == names)
    }

    @Test func callbackColumnsForm() throws {
        let result = readSchema("""
        import { pgTable } from 'drizzle-orm/pg-core';
        export const items = pgTable('items', (t) => ({
          id: t.integer().primaryKey().generatedAlwaysAsIdentity(),
          label: t.varchar('label', { length: 40 }),
        }));
        """)
        let table = try #require(result.table("items"))
        #expect(table.columns.map(\.name) == ["id", "label"])
        #expect(table.columns[0].identity == Identity(generation: .always))
        #expect(table.columns[1].type == .varchar(40))
        #expect(table.columns[1].rawType == "varchar('label', { length: 40 })")
    }

    @Test func enumColumnIsQualifiedEnumName() throws {
        let result = readSchema("""
        import { pgTable, pgEnum, pgSchema } from 'drizzle-orm/pg-core';
        export const provider = pgEnum('provider', ['openai', 'anthropic']);
        const billing = pgSchema('billing');
        export const plan = billing.enum('plan', ['free', 'pro']);
        export const keys = pgTable('keys', {
          provider: provider('provider').notNull(),
          plans: plan().array(),
        });
        """)
        let table = try #require(result.table("keys"))
        #expect(table.columns[0].type == SQLType("public.provider"))
        #expect(table.columns[0].rawType == "provider('provider')")
        #expect(table.columns[0].isNullable == false)
        #expect(table.columns[1].name == "plans")
        #expect(table.columns[1].type == SQLType("billing.plan", arrayDimensions: 1))
    }

    @Test func customTypeWithLiteralDataType() throws {
        let result = readSchema("""
        import { pgTable, customType } from 'drizzle-orm/pg-core';
        const citext = customType<{ data: string }>({
          dataType() {
            return 'citext';
          },
        });
        const vec = customType<{ data: number[]; config: { size: number } }>({
          dataType(config) { return `vector(${config?.size ?? 3})`; },
        });
        export const t = pgTable('t', {
          email: citext('email').notNull(),
          embedding: vec('embedding', { size: 768 }),
        });
        """)
        #expect(result.diagnostics.isEmpty)
        let table = try #require(result.table("t"))
        #expect(table.columns[0].type == SQLType("citext"))
        #expect(table.columns[0].isNullable == false)
        #expect(table.columns[1].type == SQLType("vector", modifiers: ["768"]))
    }
}
