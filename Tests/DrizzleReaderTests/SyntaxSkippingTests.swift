import DrizzleReader
import SchemaModel
import Testing

/// Non-schema TypeScript in a schema file is skipped without noise and without losing the tables
/// around it: comments, strings and templates that look like code, regex literals, types, generics,
/// `as const`, `satisfies`, decorators, classes, functions and statements without semicolons.
@Suite struct SyntaxSkippingTests {
    static let source = """
    /* pgTable('commented_out', {}) */
    import { pgTable, integer, text, varchar } from 'drizzle-orm/pg-core'
    import type { InferSelectModel } from 'drizzle-orm'
    // export const fake = pgTable('fake', {})
    const NOT_CODE = "export const nope = pgTable('nope', {})"
    const TEMPLATE = `export const nope2 = ${NOT_CODE.length > 1 ? 'a' : 'b'} pgTable('x', {})`
    const SLASHES = /\\/*[^*]*\\*\\//g, RATIO = 10 / 2 / 5
    const LENGTHS = { short: 20, long: 200 } as const satisfies Record<string, number>
    type Row<T extends object = {}> = { [K in keyof T]?: T[K] } & { id: number }
    interface Options { casing?: 'snake_case' | 'camelCase'; nested: { deep: Array<Map<string, number>> } }
    declare global { interface Window { x: number } }
    export abstract class Repo<T> {
      @Inject() private readonly db!: unknown
      find<K extends keyof T>(key: K): T[K] | undefined { return undefined as unknown as T[K] }
    }
    export function helper<T>(value: T, ...rest: Array<T>): T { if (value) { return value } return rest[0] }
    export const identity = <T,>(value: T): T => value
    export const first = pgTable('first', {
      id: integer('id').primaryKey(),
      label: varchar('label', { length: LENGTHS.long }),
    })
    const generic = new Map<string, Array<number>>()
    for (const [key, value] of generic) { console.log(`${key} ${value}`) }
    export const second = pgTable('second', {
      id: integer('id').primaryKey(),
      note: text('note').default(RATIO > 0 ? 'a' : 'b'),
      short: varchar('short', { length: LENGTHS['short'] }),
    }) satisfies object
    export type First = InferSelectModel<typeof first>
    """

    @Test func tablesAroundNonSchemaCode() throws {
        let result = readSchema(SyntaxSkippingTests.source)
        #expect(result.messages == ["schema.ts:26:3: warning: cannot resolve the default of column 'note' in table 'second'"])
        #expect(result.catalog.schema(named: "public")?.tables.map(\.name) == ["first", "second"])
        let first = try #require(result.table("first"))
        #expect(first.provenance == at(18, 22))
        #expect(first.columns[1].type == .varchar(200))
        let second = try #require(result.table("second"))
        #expect(second.columns.map(\.name) == ["id", "note", "short"])
        #expect(second.columns[1].notStated == [.columnDefault])
        #expect(second.columns[2].type == .varchar(20))
        #expect(second.columns[2].provenance == at(27, 3))
    }
}
