import DrizzleReader
import SchemaModel
import SourceScanning
import Testing

/// Thousands of random and mutated inputs through the lexer and recognizer: each must terminate
/// without a crash. Deterministic (fixed seed), so a failure reproduces.
@Suite struct RobustnessTests {
    /// xorshift64*: small, fast and deterministic.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 2_685_821_657_736_338_717
        }
    }

    static let seeds: [String] = [
        TableExtrasTests.source,
        ColumnModifierTests.header + "\nexport const t = pgTable('t', { c: jsonb('c').default({ a: [1, 'x'] }).notNull() });\n",
        """
        import { pgTable, uuid, pgPolicy, pgEnum, pgSchema, pgTableCreator, customType } from 'drizzle-orm/pg-core';
        import { sql, eq, and } from 'drizzle-orm';
        import { authenticatedRole, authUid } from 'drizzle-orm/supabase';
        import * as h from './helpers';
        export * from './other';
        export { a as b } from './a';
        const S = ['x', 'y'] as const satisfies readonly string[];
        enum K { A = 'a', B = 'b' }
        type T<X> = { [k in keyof X]?: X[k] extends string ? `p_${X[k]}` : never };
        const re = /ab+c[/]d/gi, q = 4 / 2 / 1;
        const c = pgTableCreator((n: string): string => `app_${n}`);
        const e = pgEnum('e', S);
        const s = pgSchema('s');
        @decorator() class Foo<T> extends Bar { x: T = 1; method(): void { return; } }
        export const t = c('t', {
          id: uuid().primaryKey().$defaultFn(() => crypto.randomUUID()),
          k: e('k').default(K.A),
          ...h.timestamps,
        }, (t) => [pgPolicy('p', { to: authenticatedRole, using: and(eq(t.id, authUid), sql`${t.k} = ${'a'}`) })]);
        """,
    ]

    static func mutate(_ bytes: [UInt8], _ rng: inout Generator) -> [UInt8] {
        var out = bytes
        let alphabet = Array("{}()[]`'\"/\\*$;,.:=<>!?@#\n abc0".utf8)
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            guard !out.isEmpty else { break }
            let position = Int.random(in: 0..<out.count, using: &rng)
            switch Int.random(in: 0..<7, using: &rng) {
            case 6:
                let hazards = [" 1e400 ", " -1e300 ", " 0x", " 99999999999999999999999 ", " ${", " `", " /", " <T>", " as const ", " => ", " ...", "\\"]
                out.insert(contentsOf: Array(hazards.randomElement(using: &rng)!.utf8), at: position)
            case 0: out[position] = alphabet.randomElement(using: &rng)!
            case 1: out[position] = UInt8.random(in: 0...255, using: &rng)
            case 2: out = Array(out[..<position])
            case 3:
                let end = min(out.count, position + Int.random(in: 1...40, using: &rng))
                out.removeSubrange(position..<end)
            case 4:
                let end = min(out.count, position + Int.random(in: 1...60, using: &rng))
                out.insert(contentsOf: out[position..<end], at: Int.random(in: 0...out.count, using: &rng))
            default:
                out.insert(alphabet.randomElement(using: &rng)!, at: position)
            }
        }
        return out
    }

    @Test func mutatedAndRandomInputsTerminate() {
        var rng = Generator(state: 0x9E37_79B9_7F4A_7C15)
        var runs = 0
        var total = 0
        for round in 0..<3_000 {
            let bytes: [UInt8]
            if round % 10 == 9 {
                bytes = (0..<Int.random(in: 0..<400, using: &rng)).map { _ in UInt8.random(in: 0...127, using: &rng) }
            } else {
                let seed = Array(RobustnessTests.seeds[round % RobustnessTests.seeds.count].utf8)
                bytes = RobustnessTests.mutate(seed, &rng)
            }
            var files = InMemorySourceFiles([:])
            files.files["schema.ts"] = bytes
            files.files["helpers.ts"] = RobustnessTests.mutate(Array(RobustnessTests.seeds[1].utf8), &rng)
            let result = DrizzleReader.read(paths: ["schema.ts"], files: files)
            total += result.catalog.tableCount
            runs += 1
        }
        #expect(runs == 3_000)
        #expect(total > 0)  // most mutations leave some table readable
    }

    @Test func deeplyNestedInputIsCutOff() {
        let deep = "export const x = " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + ";\n"
        let result = readSchema(deep)
        #expect(result.messages.first?.hasSuffix("warning: expression nested too deeply") == true)
        let unary = readSchema("export const y = " + String(repeating: "-", count: 100_000) + "1;\n")
        #expect(unary.messages.first?.hasSuffix("warning: expression nested too deeply") == true)
        let calls = readSchema("export const z = f" + String(repeating: "(", count: 50_000) + String(repeating: ")", count: 50_000) + ";\n")
        #expect(calls.messages.first?.hasSuffix("warning: expression nested too deeply") == true)
    }
}

/// Recursive helpers and self-referencing constants end in "unknown", not in a hang or a crash.
@Suite struct RecursionTests {
    @Test func recursiveHelpersTerminate() throws {
        let result = readSchema("""
        import { pgTable, integer } from 'drizzle-orm/pg-core';
        const f = (x) => [f(x), f(x)];
        const g = (n) => g(n + 1);
        const a = b, b = a;
        export const t = pgTable('t', {
          c: integer('c').default(g(1)),
          d: integer('d').default(a),
          e: integer('e').array().default(f(1)),
        });
        """)
        let table = try #require(result.table("t"))
        #expect(table.columns.map(\.notStated) == [[.columnDefault], [.columnDefault], [.columnDefault]])
    }

    @Test func deepButAllowedNestingIsEvaluated() throws {
        let depth = 60
        let nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let calls = String(repeating: "id(", count: depth) + "1" + String(repeating: ")", count: depth)
        let result = readSchema("""
        import { pgTable, jsonb, integer } from 'drizzle-orm/pg-core';
        const id = (x) => x;
        export const t = pgTable('t', { j: jsonb('j').default(\(nested)), n: integer('n').default(\(calls)) });
        """)
        let table = try #require(result.table("t"))
        #expect(table.columns[0].defaultExpression == "'" + nested + "'::jsonb")
        #expect(table.columns[1].defaultExpression == "1")
    }
}
