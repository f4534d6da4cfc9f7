import Testing
@testable import SchemaModel

@Suite struct IdentifierTests {
    /// Names PostgreSQL 15 really generated (read back from pg_constraint / pg_class) for the
    /// table and column names on the left.
    struct Generated: Sendable, CustomTestStringConvertible {
        var table: String
        var columns: [String]
        var suffix: String
        var expected: String
        var testDescription: String { expected }
    }

    static let a75 = String(repeating: "a", count: 75)
    static let b66 = String(repeating: "b", count: 66)
    static let longTable = "long_name_table_long_name_table_long_name_table_long_name_ab"
    static let longColumn = "a_very_long_column_name_that_goes_on_and_on_and_on_and_on_forever"

    static let generated: [Generated] = [
        Generated(table: "t", columns: [], suffix: "pkey", expected: "t_pkey"),
        Generated(table: "t", columns: ["id"], suffix: "seq", expected: "t_id_seq"),
        Generated(table: "short_t", columns: ["x", "y"], suffix: "key", expected: "short_t_x_y_key"),
        Generated(table: a75, columns: [b66], suffix: "key",
                  expected: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbb_key"),
        Generated(table: a75, columns: [b66], suffix: "seq",
                  expected: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbb_seq"),
        Generated(table: a75, columns: ["d"], suffix: "check",
                  expected: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_d_check"),
        Generated(table: a75, columns: ["c"], suffix: "fkey",
                  expected: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_c_fkey"),
        Generated(table: longTable, columns: [], suffix: "pkey",
                  expected: "long_name_table_long_name_table_long_name_table_long_name__pkey"),
        Generated(table: longTable, columns: ["ee"], suffix: "key",
                  expected: "long_name_table_long_name_table_long_name_table_long_nam_ee_key"),
        Generated(table: longTable, columns: ["id"], suffix: "seq",
                  expected: "long_name_table_long_name_table_long_name_table_long_nam_id_seq"),
        Generated(table: "short_t", columns: [longColumn], suffix: "key",
                  expected: "short_t_a_very_long_column_name_that_goes_on_and_on_and_on__key"),
        Generated(table: "short_t", columns: [longColumn, "x"], suffix: "idx",
                  expected: "short_t_a_very_long_column_name_that_goes_on_and_on_and_on__idx"),
        // Multibyte: 2-byte letters are never split; PostgreSQL produced 61 bytes here, not 63.
        Generated(table: String(repeating: "é", count: 33), columns: [String(repeating: "č", count: 30)], suffix: "key",
                  expected: String(repeating: "é", count: 14) + "_" + String(repeating: "č", count: 14) + "_key"),
        Generated(table: String(repeating: "é", count: 33), columns: [String(repeating: "č", count: 30)], suffix: "seq",
                  expected: String(repeating: "é", count: 14) + "_" + String(repeating: "č", count: 14) + "_seq"),
    ]

    @Test(arguments: generated)
    func generatedNamesMatchPostgreSQL(_ row: Generated) {
        let name = Identifier.generatedName(row.table, columns: row.columns, suffix: row.suffix)
        #expect(name == row.expected)
        #expect(name.utf8.count <= Identifier.maxLength)
        // Truncating the inputs first (as PostgreSQL stores them) gives the same name.
        let truncated = Identifier.generatedName(Identifier.truncated(row.table), columns: row.columns.map(Identifier.truncated), suffix: row.suffix)
        #expect(truncated == row.expected)
    }

    @Test func twoPartGeneratedName() {
        #expect(Identifier.generatedName("users", "email", suffix: "key") == "users_email_key")
        #expect(Identifier.generatedName("posts", nil, suffix: "pkey") == "posts_pkey")
    }

    static let truncations: [(String, String)] = [
        ("short", "short"),
        (String(repeating: "x", count: 63), String(repeating: "x", count: 63)),
        (String(repeating: "x", count: 64), String(repeating: "x", count: 63)),
        (longColumn, "a_very_long_column_name_that_goes_on_and_on_and_on_and_on_forev"),
        // PostgreSQL: "ééé…" (33 letters, 66 bytes) is kept as 31 letters (62 bytes).
        (String(repeating: "é", count: 33), String(repeating: "é", count: 31)),
        ("a" + String(repeating: "é", count: 40), "a" + String(repeating: "é", count: 31)),
        (String(repeating: "€", count: 30), String(repeating: "€", count: 21)),
        (String(repeating: "😀", count: 20), String(repeating: "😀", count: 15)),
        // PostgreSQL clips by code point, so a combining accent may be cut from its letter.
        ("a" + String(repeating: "e\u{301}", count: 31), "a" + String(repeating: "e\u{301}", count: 20) + "e"),
        ("", ""),
    ]

    @Test(arguments: truncations)
    func truncatesLikePostgreSQL(_ name: String, _ expected: String) {
        #expect(Identifier.truncated(name) == expected)
        #expect(Identifier.truncated(name).utf8.count <= 63)
    }

    /// `quote_ident` results from PostgreSQL 15.
    static let quoting: [(String, String)] = [
        ("abc", "abc"), ("_x", "_x"), ("a1", "a1"), ("name", "name"), ("value", "value"), ("text", "text"),
        ("a$b", "\"a$b\""), ("time", "\"time\""), ("between", "\"between\""), ("left", "\"left\""),
        ("user", "\"user\""), ("coalesce", "\"coalesce\""), ("int", "\"int\""), ("select", "\"select\""),
        ("1a", "\"1a\""), ("Abc", "\"Abc\""), ("é", "\"é\""), ("a b", "\"a b\""), ("a\"b", "\"a\"\"b\""),
        ("", "\"\""), ("current_user", "\"current_user\""), ("xmlnamespaces", "\"xmlnamespaces\""),
        ("user_id", "user_id"), ("users", "users"), ("zone", "zone"), ("varchar", "\"varchar\""), ("varchar2", "varchar2"),
    ]

    @Test(arguments: quoting)
    func quotesLikeQuoteIdent(_ name: String, _ expected: String) {
        #expect(Identifier.quoted(name) == expected)
        #expect(Identifier.isPlain(name) == (expected == name))
    }
}
