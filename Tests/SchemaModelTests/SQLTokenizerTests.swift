import Testing
@testable import SchemaModel

/// The tokenizer decodes every quoting style to one value and splits operators as PostgreSQL does.
@Suite struct SQLTokenizerTests {
    static func render(_ sql: String) -> String {
        SQLTokenizer.tokenize(sql).map { token -> String in
            switch token.kind {
            case .word: return "w:" + token.text
            case .quotedIdentifier: return "q:" + token.text
            case .string: return "s:" + token.text
            case .number: return "n:" + token.text
            case .op: return "o:" + token.text
            case .typecast: return "::"
            case .punct: return "p:" + token.text
            case .parameter: return "$:" + token.text
            }
        }.joined(separator: " ")
    }

    static let rows: [(String, String)] = [
        ("SELECT Foo", "w:select w:foo"),
        ("\"Foo\"\"Bar\"", "q:Foo\"Bar"),
        ("'it''s'", "s:it's"),
        ("E'a\\nb'", "s:a\nb"),
        ("e'\\x41\\101\\u00e9\\\\'", "s:AAé\\"),
        ("E'it\\'s'", "s:it's"),
        ("N'x'", "s:x"),
        ("$$a'b$$", "s:a'b"),
        ("$fn$ x $$ y $fn$", "s: x $$ y "),
        ("$1 + $2", "$:$1 o:+ $:$2"),
        (".5 1. 1e3 1.5E-2 12", "n:0.5 n:1 n:1000 n:0.015 n:12"),
        ("a::int", "w:a :: w:int"),
        ("a[1:2]", "w:a p:[ n:1 p:: n:2 p:]"),
        ("a<>b a!=b", "w:a o:<> w:b w:a o:<> w:b"),
        ("j->>'k' #>> @> <@ ?| ?&", "w:j o:->> s:k o:#>> o:@> o:<@ o:?| o:?&"),
        ("a<-1", "w:a o:< o:- n:1"),
        ("a*-1", "w:a o:* o:- n:1"),
        ("a @- b", "w:a o:@- w:b"),
        ("a -- comment\n b", "w:a w:b"),
        ("a /* x /* nested */ y */ b", "w:a w:b"),
        ("a+/*c*/b", "w:a o:+ w:b"),
        ("Ünïcode_col", "w:Ünïcode_col"),
        ("col$1", "w:col$1"),
        ("'unterminated", "s:unterminated"),
        ("\"unterminated", "q:unterminated"),
        ("$$unterminated", "s:unterminated"),
        ("/* open", ""),
        ("E'\\", "s:\\"),
        ("", ""),
    ]

    @Test(arguments: rows)
    func tokens(_ sql: String, _ expected: String) {
        #expect(Self.render(sql) == expected)
    }
}
