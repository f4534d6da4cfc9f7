import Testing
import SchemaModel

@Suite struct SQLTypeTests {
    @Test(arguments: [
        (SQLType.varchar(255), "character varying(255)"),
        (SQLType.varchar(), "character varying"),
        (SQLType("timestamp with time zone", modifiers: ["3"]), "timestamp(3) with time zone"),
        (SQLType("time without time zone", modifiers: ["6"]), "time(6) without time zone"),
        (SQLType.numeric(precision: 10, scale: 2), "numeric(10,2)"),
        (SQLType.integer.arrayOf, "integer[]"),
        (SQLType.text.arrayOf.arrayOf, "text[][]"),
        (SQLType.char(), "character(1)"),
        (SQLType("public.mood").arrayOf, "public.mood[]"),
    ])
    func describesLikePostgres(type: SQLType, expected: String) {
        #expect(type.description == expected)
    }

    @Test func elementDropsArrayDimensions() {
        #expect(SQLType.integer.arrayOf.element == .integer)
    }
}
