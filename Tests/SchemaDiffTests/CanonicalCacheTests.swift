import SchemaModel
import Testing
@testable import SchemaDiff

/// ``CanonicalCache`` shares one entry per expression text across tables when the text cannot name
/// the table; that must never change a canonical form.
@Suite struct CanonicalCacheTests {
    static let expressions = [
        "(( SELECT auth.uid() AS uid) = owner_id)",
        "auth.uid() = \"posts\".\"user_id\"",
        "\"Posts\".\"user_id\" = auth.uid()",
        "POSTS.user_id = auth.uid()",
        "public.posts.user_id IS NOT NULL",
        "(price >= (0)::numeric)",
        "EXISTS (SELECT 1 FROM members m WHERE m.team_id = posts.team_id AND m.user_id = auth.uid())",
        "postscript_id > 0",
        "status = 'posts'",
        "\"my\"\"posts\".id > 0",
        "'ü' = name",
        "",
    ]
    static let tables = ["posts", "Posts", "members", "m", "other", "my\"posts", "süß", "p"]

    @Test(arguments: tables)
    func sharedEntryGivesTheSameTextAsTheTablesOwn(table: String) {
        for sql in Self.expressions where !CanonicalCache.mayName(sql, table) {
            #expect(
                ExpressionCanonicalizer.canonicalize(sql, table: table) == ExpressionCanonicalizer.canonicalize(sql),
                "\(sql) on \(table)")
        }
        let cache = CanonicalCache()
        for sql in Self.expressions {
            #expect(cache.canonical(sql, table: table) == ExpressionCanonicalizer.canonicalize(sql, table: table), "\(sql) on \(table)")
        }
    }

    @Test func mayNameFindsTheNameIgnoringASCIICaseAndIsCautiousOtherwise() {
        #expect(CanonicalCache.mayName("\"posts\".\"user_id\" = 1", "posts"))
        #expect(CanonicalCache.mayName("POSTS.user_id = 1", "posts"))
        #expect(CanonicalCache.mayName("posts.user_id = 1", "Posts"))
        #expect(!CanonicalCache.mayName("(( SELECT auth.uid() AS uid) = owner_id)", "posts"))
        #expect(!CanonicalCache.mayName("post = 1", "posts"))
        #expect(!CanonicalCache.mayName("", "posts"))
        // Not plain ASCII: always "may".
        #expect(CanonicalCache.mayName("'ü' = name", "posts"))
        #expect(CanonicalCache.mayName("a = 1", "süß"))
        #expect(CanonicalCache.mayName("a = 1", "my\"posts"))
    }

    @Test func ownTableQualifierIsStillRemovedThroughTheCache() {
        let cache = CanonicalCache()
        // The first call fills the shared entry for a text that does not name the table.
        #expect(cache.canonical("auth.uid() = user_id", table: "posts") == cache.canonical("auth.uid() = \"posts\".\"user_id\"", table: "posts"))
        #expect(cache.canonical("auth.uid() = user_id", table: "other") != cache.canonical("auth.uid() = \"posts\".\"user_id\"", table: "other"))
    }
}
