@testable import DrizzleReader
import SchemaModel
import Testing

/// Enum columns skip `TypeCanonicalizer.parse` for plain qualified names (`EnumColumnType.swift`):
/// where they do, the serial flag and lower-cased spelling are what parsing gives.
@Suite struct EnumColumnTypeTests {
    static let spellings: [(spelling: String, plain: Bool)] = [
        ("public.order_status", true), ("auth.mood_2", true), ("a.b.c", true),
        ("pg_catalog.serial", false), ("PG_CATALOG.serial", false), ("public.Mood", false), ("mood", false),
        ("_int4.x", false), (".serial", false), ("public.mood[]", false), ("public.\"Mood\"", false),
        ("public. mood", false), ("public.mood(3)", false), ("serial", false), ("", false),
    ]

    @Test(arguments: spellings)
    func sameAsParsing(_ spelling: String, _ plain: Bool) {
        #expect(DrizzleEvaluator.isPlainQualifiedName(spelling) == plain)
        let evaluator = DrizzleEvaluator(defaultSchema: "public")
        let enumType = SQLType(spelling)
        let parts = evaluator.columnTypeParts(spelling, enumType: enumType)
        let parsed = TypeCanonicalizer.parse(spelling)
        #expect(parts.type == enumType)
        #expect(parts.isSerial == parsed.isSerial)
        #expect(parts.lowered == spelling.lowercased())
        // Without an enum type, the parsed type.
        #expect(evaluator.columnTypeParts(spelling, enumType: nil).type == parsed.type)
    }

    /// An enum in `pg_catalog` named like a serial type is still read as serial, as before.
    @Test func enumNamedSerialInPgCatalog() throws {
        let result = readSchema("""
            import { pgSchema, pgTable } from 'drizzle-orm/pg-core';
            const pg = pgSchema('pg_catalog');
            export const serial = pg.enum('serial', ['a']);
            export const t = pgTable('t', { s: serial('s') });
            """)
        let table = try #require(result.table("t"))
        #expect(table.columns.map(\.defaultExpression) == ["nextval('t_s_seq'::regclass)"])
        #expect(table.columns.map(\.type) == [SQLType("pg_catalog.serial")])
    }
}
