import Testing
@testable import SchemaModel

/// Each row pairs what a developer writes (left) with what PostgreSQL 15 returns from
/// `pg_get_expr` / `pg_get_constraintdef` / `pg_policies` / `pg_get_indexdef` / `pg_get_triggerdef`
/// (right, copied from a real cluster). Both must canonicalize to the same text.
@Suite struct ExpressionCanonicalizerTests {
    struct Same: CustomTestStringConvertible, Sendable {
        var written: String
        var stored: String
        var type: SQLType? = nil
        init(_ written: String, _ stored: String, _ type: SQLType? = nil) {
            self.written = written
            self.stored = stored
            self.type = type
        }
        var testDescription: String { "\(written)  ==  \(stored)" }
    }

    // MARK: Column defaults: source spelling vs pg_get_expr(adbin, adrelid)

    static let defaults: [Same] = [
        Same("nextval('t_id_seq')", "nextval('t_id_seq'::regclass)", .integer),
        Same("nextval('public.x_seq'::regclass)", "nextval('x_seq'::regclass)", .integer),
        Same("nextval('X_SEQ')", "nextval('x_seq'::regclass)"),
        Same("nextval('\"éé_seq\"')", "nextval('\"éé_seq\"'::regclass)"),
        Same("gen_random_uuid()", "gen_random_uuid()", .uuid),
        Same("public.gen_random_uuid()", "gen_random_uuid()", .uuid),
        Same("'active'", "'active'::character varying", .varchar(20)),
        Same("'active'::varchar", "'active'::character varying", .varchar()),
        Same("'x'", "'x'::text", .text),
        Same("'{}'", "'{}'::jsonb", .jsonb),
        Same("'{}'::jsonb", "'{}'::jsonb", .jsonb),
        Same("'{\"a\":1,\"b\":[1,2]}'", "'{\"a\": 1, \"b\": [1, 2]}'::jsonb", .jsonb),
        Same("'{\"bb\":1,\"a\":2}'::jsonb", "'{\"a\": 2, \"bb\": 1}'::jsonb"),
        Same("'{}'", "'{}'::text[]", .text.arrayOf),
        Same("ARRAY[]::text[]", "'{}'::text[]", .text.arrayOf),
        Same("ARRAY[]::text[]", "ARRAY[]::text[]"),
        Same("ARRAY[1,2]", "ARRAY[1, 2]", .integer.arrayOf),
        Same("'{1, 2}'", "ARRAY[1, 2]", .integer.arrayOf),
        Same("'{\"a\",\"b\"}'::text[]", "'{a,b}'::text[]"),
        Same("array['a b', 'c']", "'{\"a b\",c}'::text[]"),
        Same("0", "0", .numeric(precision: 10, scale: 2)),
        Same("(0)::numeric", "0"),
        Same("'0'", "0", .bigint),
        Same("0.5", "0.5", .numeric),
        Same(".5", "0.5", .numeric),
        Same("now()", "now()", .timestampWithTimeZone),
        Same("CURRENT_TIMESTAMP", "now()", .timestampWithTimeZone),
        Same("current_timestamp", "CURRENT_TIMESTAMP", .timestamp),
        Same("transaction_timestamp()", "now()"),
        Same("pg_catalog.now()", "CURRENT_TIMESTAMP"),
        Same("(now() at time zone 'utc')", "(now() AT TIME ZONE 'utc'::text)", .timestamp),
        Same("timezone('utc', now())", "(now() AT TIME ZONE 'utc'::text)", .timestamp),
        Same("timezone('utc'::text, now())", "timezone('utc'::text, now())", .timestamp),
        Same("'2020-01-01'", "'2020-01-01'::date", .date),
        Same("CURRENT_DATE", "CURRENT_DATE", .date),
        Same("true", "true", .boolean),
        Same("'true'", "true", .boolean),
        Same("'t'", "true", .boolean),
        Same("'yes'", "true", .boolean),
        Same("'f'", "false", .boolean),
        Same("FALSE", "false", .boolean),
        Same("'true'::boolean", "true"),
        Same("-1", "'-1'::integer", .integer),
        Same("'-1'", "'-1'::integer", .integer),
        Same("'5'", "5", .integer),
        Same("-2.5", "'-2.5'::numeric", .real),
        Same("1.5", "1.5", .doublePrecision),
        Same("'happy'", "'happy'::mood"),
        Same("'a'", "'a'::bpchar", .char()),
        Same("E'it\\'s'", "'it''s'::text", .text),
        Same("$$dollar$$", "'dollar'::text", .text),
        Same("$tag$it's$tag$", "'it''s'::text", .text),
        Same("'[]'", "'[]'::json", .json),
        Same("lower(status)", "lower((status)::text)"),
        Same("'1 day'", "'1 day'::interval", .interval),
        Same("interval '1 day'", "'1 day'::interval"),
        Same("NULL", "NULL::text"),
        Same("'q'", "'q'::text"),
        Same("uuid_generate_v4()", "uuid_generate_v4()"),
        Same("extensions.uuid_generate_v4()", "uuid_generate_v4()", .uuid),
        Same("pg_catalog.gen_random_uuid()", "gen_random_uuid()", .uuid),
        Same("(  now( )  )", "now()"),
    ]

    // MARK: CHECK constraints: source vs pg_get_constraintdef (without the CHECK keyword)

    static let checks: [Same] = [
        Same("score > 0 and score < 100", "(((score > 0) AND (score < 100)))"),
        Same("status in ('active', 'inactive')", "(((status)::text = ANY ((ARRAY['active'::character varying, 'inactive'::character varying])::text[])))"),
        Same("status not in ('x','y')", "(((status)::text <> ALL ((ARRAY['x'::character varying, 'y'::character varying])::text[])))"),
        Same("email ~* '^[a-z]+@'", "((email ~* '^[a-z]+@'::text))"),
        Same("email like '%@%'", "((email ~~ '%@%'::text))"),
        Same("email LIKE '%@%'", "email ~~ '%@%'"),
        Same("email is not null or score is null", "(((email IS NOT NULL) OR (score IS NULL)))"),
        Same("score between 1 and 10", "(((score >= 1) AND (score <= 10)))"),
        Same("a not between 1 and 10", "(((a < 1) OR (a > 10)))"),
        Same("char_length(email) <= 255", "((char_length(email) <= 255))"),
        Same("coalesce(score, 0) >= 0", "((COALESCE(score, 0) >= 0))"),
        Same("not (score = 5)", "((NOT (score = 5)))"),
        Same("meta ? 'a'", "((meta ? 'a'::text))"),
        Same("meta @> '{\"a\":1}'::jsonb", "((meta @> '{\"a\": 1}'::jsonb))"),
        Same("meta @> '{\"a\":1}'", "((meta @> '{\"a\": 1}'::jsonb))"),
        Same("meta @> '{\"b\":[1,2],\"a\":{\"x\":\"y\"}, \"aa\": 1.50, \"a\": 3}'", "((meta @> '{\"a\": 3, \"b\": [1, 2], \"aa\": 1.50}'::jsonb))"),
        Same("meta @> '{\"b\":[1,2],\"a\":{\"x\":\"\\u0041\"}}'", "((meta @> '{\"a\": {\"x\": \"A\"}, \"b\": [1, 2]}'::jsonb))"),
        Same("(meta->>'k') is not null", "(((meta ->> 'k'::text) IS NOT NULL))"),
        Same("meta->>'k' is not null", "(((meta ->> 'k'::text) IS NOT NULL))"),
        Same("email != ''", "((email <> ''::text))"),
        Same("score is distinct from 3", "((score IS DISTINCT FROM 3))"),
        Same("a is not distinct from 3", "((NOT (a IS DISTINCT FROM 3)))"),
        Same("case when score > 5 then true else false end", "(\nCASE\n    WHEN (score > 5) THEN true\n    ELSE false\nEND)"),
        Same("email ilike '%x%' and email not like 'y%'", "(((email ~~* '%x%'::text) AND (email !~~ 'y%'::text)))"),
        Same("s not like 'x%' and s not ilike 'y%' and s not similar to 'z%'", "((((s)::text !~~ 'x%'::text) AND ((s)::text !~~* 'y%'::text) AND ((s)::text !~ similar_to_escape('z%'::text))))"),
        Same("email similar to 'a%'", "((email ~ similar_to_escape('a%'::text)))"),
        Same("score % 2 = 0 or score ^ 2 > 4", "((((score % 2) = 0) OR (((score)::double precision ^ (2)::double precision) > (4)::double precision)))"),
        Same("arr && array['a','b']", "((arr && ARRAY['a'::text, 'b'::text]))"),
        Same("cast(score as text) <> ''", "(((score)::text <> ''::text))"),
        Same("status::text = any(array['a','b'])", "(((status)::text = ANY (ARRAY['a'::text, 'b'::text])))"),
        Same("score in (1,2,3)", "((score = ANY (ARRAY[1, 2, 3])))"),
        Same("s in ('a')", "(((s)::text = 'a'::text))"),
        Same("active is true", "((active IS TRUE))"),
        Same("length(email) > 3 and (score > 0 or score < -5)", "(((length(email) > 3) AND ((score > 0) OR (score < '-5'::integer))))"),
        Same("nullif(email, '') is not null", "((NULLIF(email, ''::text) IS NOT NULL))"),
        Same("greatest(score, 0) < 1000", "((GREATEST(score, 0) < 1000))"),
        Same("-score < 0", "(((- score) < 0))"),
        Same("- (a) < 0", "((- a) < 0)"),
        Same("a > -5 and a*-1 < 3", "(((a > '-5'::integer) AND ((a * '-1'::integer) < 3)))"),
        Same("a + 1 * 2 - (3 - 4) > 0 and (a - 3) - 4 > 0", "(((((a + (1 * 2)) - (3 - 4)) > 0) AND (((a - 3) - 4) > 0)))"),
        Same("s || 'x' || s <> 'q'", "(((((s)::text || 'x'::text) || (s)::text) <> 'q'::text))"),
        Same("row(a, s) is not null", "((ROW(a, s) IS NOT NULL))"),
        Same("(a, s) is not null", "((ROW(a, s) IS NOT NULL))"),
        Same("b is not true and b is unknown", "(((b IS NOT TRUE) AND (b IS UNKNOWN)))"),
        Same("tags = '{\"a\",\"b\"}'::text[] or tags = ARRAY['c'] or tags = '{}'", "(((tags = '{a,b}'::text[]) OR (tags = ARRAY['c'::text]) OR (tags = '{}'::text[])))"),
        Same("a::numeric(10, 2) > 1.50", "(((a)::numeric(10,2) > 1.50))"),
        Same("cast(a as varchar) <> ''", "((((a)::character varying)::text <> ''::text))"),
        Same("date '2020-01-01' < current_date", "(('2020-01-01'::date < CURRENT_DATE))"),
        Same("ts < now()", "((ts < now()))"),
        Same("a = any(array[1,2])", "((a = ANY (ARRAY[1, 2])))"),
        Same("j #>> '{a,b}' <> '' and j -> 'a' ? 'x'", "((((j #>> '{a,b}'::text[]) <> ''::text) AND ((j -> 'a'::text) ? 'x'::text)))"),
        Same("j ?| array['a'] and j ?& array['b'] and j <@ '{}' and j #> '{a}' is null", "(((j ?| ARRAY['a'::text]) AND (j ?& ARRAY['b'::text]) AND (j <@ '{}'::jsonb) AND ((j #> '{a}'::text[]) IS NULL)))"),
        Same("s !~ 'x' and s ~ 'y' and s !~* 'z'", "((((s)::text !~ 'x'::text) AND ((s)::text ~ 'y'::text) AND ((s)::text !~* 'z'::text)))"),
        Same("\"Mixed Col\" <> ''", "((\"Mixed Col\" <> ''::text))"),
        Same("\"score\" > 0", "score > 0"),
        Same("SCORE > 0", "score > 0"),
        Same("score>0 -- comment\n", "/* c */ score > 0"),
        Same("a IN (b, c)", "((a = b) OR (a = c))"),
        Same("a NOT IN (b, 1, 2)", "((a <> ALL (ARRAY[1, 2])) AND (a <> b))"),
        Same("(a and b) and c", "a and (b and c)"),
        Same("x isnull", "x IS NULL"),
    ]

    // MARK: Policies (pg_policies.qual / with_check), index predicates, trigger WHEN

    static let policies: [Same] = [
        Same("(select auth.uid()) = owner_id", "(( SELECT auth.uid() AS uid) = owner_id)"),
        Same("auth.uid() = owner_id", "(auth.uid() = owner_id)"),
        Same("owner_id in (select owner_id from t t2 where t2.score > 0)", "(owner_id IN ( SELECT t2.owner_id\n   FROM t t2\n  WHERE (t2.score > 0)))"),
        Same("exists (select 1 from t t2 where t2.id = t.id and t2.owner_id = auth.uid())", "(EXISTS ( SELECT 1\n   FROM t t2\n  WHERE ((t2.id = t.id) AND (t2.owner_id = auth.uid()))))"),
        Same("auth.uid() = owner_id and status <> 'x'", "((auth.uid() = owner_id) AND ((status)::text <> 'x'::text))"),
        Same("true", "true"),
        Same("current_user = 'postgres'", "(CURRENT_USER = 'postgres'::name)"),
        Same("auth.jwt() ->> 'role' = 'admin'", "((auth.jwt() ->> 'role'::text) = 'admin'::text)"),
        Same("status = 'active'", "((status)::text = 'active'::text)"),
        Same("user_id in (select id from auth.users)", "(user_id IN ( SELECT users.id FROM auth.users))"),
        Same("(select public.is_admin())", "( SELECT is_admin() AS is_admin)"),
        Same("(select current_timestamp) > ts", "(( SELECT CURRENT_TIMESTAMP AS \"current_timestamp\") > ts)"),
        Same("email IS NOT NULL", "(email IS NOT NULL)"),
        Same("score > 0 and active", "((score > 0) AND active)"),
        Same("(meta->>'k')", "((meta ->> 'k'::text))"),
        Same("old.status is distinct from new.status", "(((old.status)::text IS DISTINCT FROM (new.status)::text))"),
        Same("count(*) > 0", "(count(*) > 0)"),
        Same("count(distinct a) > 0", "(count(DISTINCT a) > 0)"),
        Same("x = $1", "(x = $1)"),
        Same("org_id in (select org_id from members where user_id = auth.uid())", "(org_id IN ( SELECT members.org_id\n   FROM members\n  WHERE (members.user_id = auth.uid())))"),
        Same("(select auth.jwt()) ->> 'role' = 'admin'", "((( SELECT auth.jwt() AS jwt) ->> 'role'::text) = 'admin'::text)"),
        Same("current_setting('app.tenant')::uuid = user_id", "((current_setting('app.tenant'::text))::uuid = user_id)"),
        Same("exists (select 1 from members m join posts p on p.org_id = m.org_id where m.user_id = auth.uid())", "(EXISTS ( SELECT 1\n   FROM (members m\n     JOIN posts p ON ((p.org_id = m.org_id)))\n  WHERE (m.user_id = auth.uid())))"),
        Same("exists (select 1 from members m left outer join posts p on p.org_id = m.org_id inner join members m2 on m2.role = m.role where m.user_id = auth.uid())", "(EXISTS ( SELECT 1\n   FROM ((members m\n     LEFT JOIN posts p ON ((p.org_id = m.org_id)))\n     JOIN members m2 ON ((m2.role = m.role)))\n  WHERE (m.user_id = auth.uid())))"),
        Same("exists (select 1 from members, posts p where members.org_id = p.org_id)", "(EXISTS ( SELECT 1\n   FROM members,\n    posts p\n  WHERE (members.org_id = p.org_id)))"),
        Same("auth.role() = 'authenticated'", "(auth.role() = 'authenticated'::text)"),
        Same("user_id = any(array(select user_id from members))", "(user_id = ANY (ARRAY( SELECT members.user_id\n   FROM members)))"),
        Same("org_id in (select m.org_id from members as m where m.role = 'admin' order by 1 limit 5)", "(org_id IN ( SELECT m.org_id\n   FROM members m\n  WHERE (m.role = 'admin'::text)\n  ORDER BY m.org_id\n LIMIT 5))"),
        Same("title like all (array['a']) and id = some (array[1]) and id > any (array[2])", "((title ~~ ALL (ARRAY['a'::text])) AND (id = ANY (ARRAY[1])) AND (id > ANY (ARRAY[2])))"),
        Same("id = (select max(p.id) from posts p)", "(id = ( SELECT max(p.id) AS max\n   FROM posts p))"),
        Same("status = 'x' collate \"C\"", "((status)::text = ('x'::text COLLATE \"C\"))"),
        Same("tags[1] = 'a' and tags[1:2] = '{a}'", "((tags[1] = 'a'::text) AND (tags[1:2] = '{a}'::text[]))"),
        Same("user_id::text = current_setting('request.jwt.claim.sub', true)", "((user_id)::text = current_setting('request.jwt.claim.sub'::text, true))"),
        Same("not exists (select 1 from members where members.user_id = posts.user_id)", "(NOT (EXISTS ( SELECT 1\n   FROM members\n  WHERE (members.user_id = posts.user_id))))"),
        Same("old.* is distinct from new.*", "((old.* IS DISTINCT FROM new.*))"),
        Same("(select count(*) from members group by role having count(*) > 1 order by role desc limit 1) > 0", "(( SELECT count(*) AS count FROM members GROUP BY members.role HAVING (count(*) > 1) ORDER BY members.role DESC LIMIT 1) > 0)"),
    ]

    // MARK: More stored spellings: generated columns, SQL-syntax functions, CASE, joins

    static let more: [Same] = [
        Same("first_name || ' ' || last_name", "((first_name || ' '::text) || last_name)", .text),
        Same("to_tsvector('english', coalesce(title, ''))", "to_tsvector('english'::regconfig, COALESCE(title, ''::text))"),
        Same("now() + interval '7 days'", "(now() + '7 days'::interval)", .timestampWithTimeZone),
        Same("0.00", "0.00", .numeric(precision: 10, scale: 2)),
        Same("'0.00'", "0.00", .numeric(precision: 10, scale: 2)),
        Same("'{}'::int[]", "'{}'::integer[]", SQLType.integer.arrayOf),
        Same("ARRAY['a','b']::text[]", "ARRAY['a'::text, 'b'::text]", SQLType.text.arrayOf),
        Same("-1", "'-1'::integer", .bigint),
        Same("case status when 'a' then true end", "(\nCASE status\n    WHEN 'a'::text THEN true\n    ELSE NULL::boolean\nEND)"),
        Same("substring(title from 1 for 3) <> 'abc'", "((SUBSTRING(title FROM 1 FOR 3) <> 'abc'::text))"),
        Same("substring(title, 1, 3) <> 'abc'", "((\"substring\"(title, 1, 3) <> 'abc'::text))"),
        Same("extract(epoch from expires) > 0", "((EXTRACT(epoch FROM expires) > (0)::numeric))"),
        Same("position('x' in title) = 0", "((POSITION(('x'::text) IN (title)) = 0))"),
        Same("trim(both ' ' from title) <> '' and trim(title) <> ''", "(((TRIM(BOTH ' '::text FROM title) <> ''::text) AND (TRIM(BOTH FROM title) <> ''::text)))"),
        Same("btrim(title) <> ''", "((TRIM(BOTH FROM title) <> ''::text))"),
        Same("title like any (array['%a', '%b'])", "((title ~~ ANY (ARRAY['%a'::text, '%b'::text])))"),
        Same("title like 'a!%' escape '!'", "((title ~~ like_escape('a!%'::text, '!'::text)))"),
        Same("tags @> ARRAY['a']::text[]", "((tags @> ARRAY['a'::text]))"),
        Same("coalesce(body, '') <> 'x'", "(((COALESCE(body, ''::character varying))::text <> 'x'::text))"),
        Same("status in ('a', 'b', 'c')", "(((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying, 'c'::character varying])::text[])))"),
        Same("expires > now() - interval '1 day'", "((expires > (now() - '1 day'::interval)))"),
    ]

    /// Drizzle renders `${table.column}` in `sql` templates as `"table"."column"`; PostgreSQL stores
    /// the policy or CHECK of that table unqualified.
    static let ownTable: [Same] = [
        Same("\"posts\".\"user_id\" = auth.uid()", "(user_id = auth.uid())"),
        Same("\"public\".\"posts\".\"user_id\" = (select auth.uid())", "(user_id = ( SELECT auth.uid() AS uid))"),
        Same("\"app\".\"posts\".\"id\" > 0", "(id > 0)"),
        Same("posts.id > 0", "CHECK ((id > 0))".dropFirst(6).description),
        Same("exists (select 1 from members where members.user_id = \"posts\".\"user_id\")", "(EXISTS ( SELECT 1 FROM members WHERE (members.user_id = posts.user_id)))"),
    ]

    @Test(arguments: ownTable)
    func ownTableQualifierDropped(_ row: Same) {
        let left = ExpressionCanonicalizer.canonicalize(row.written, table: "posts")
        let right = ExpressionCanonicalizer.canonicalize(row.stored, table: "posts")
        #expect(left == right)
    }

    @Test func otherTableQualifierKept() {
        #expect(ExpressionCanonicalizer.canonicalize("members.user_id = 1", table: "posts") == "members.user_id = 1")
        #expect(ExpressionCanonicalizer.canonicalize("posts.user_id = 1") == "posts.user_id = 1")
    }

    @Test(arguments: defaults + checks + policies + more)
    func storedSpellingMatches(_ row: Same) {
        let left = ExpressionCanonicalizer.canonicalize(row.written, columnType: row.type)
        let right = ExpressionCanonicalizer.canonicalize(row.stored, columnType: row.type)
        #expect(left == right)
    }

    // MARK: Different expressions stay different

    struct Different: CustomTestStringConvertible, Sendable {
        var a: String
        var b: String
        var type: SQLType? = nil
        init(_ a: String, _ b: String, _ type: SQLType? = nil) { self.a = a; self.b = b; self.type = type }
        var testDescription: String { "\(a)  !=  \(b)" }
    }

    static let different: [Different] = [
        Different("'{}'", "'[]'", .jsonb),
        Different("'{}'::jsonb", "'[]'::jsonb"),
        Different("'active'", "'inactive'"),
        Different("'5'", "5"),
        Different("'true'", "true"),
        Different("'t'", "true", .text),
        Different("now()", "clock_timestamp()"),
        Different("now()", "statement_timestamp()"),
        Different("CURRENT_DATE", "now()"),
        Different("gen_random_uuid()", "uuid_generate_v4()"),
        Different("a = b", "a <> b"),
        Different("a < b", "a <= b"),
        Different("a like b", "a ilike b"),
        Different("a like b", "a not like b"),
        Different("a = 1", "b = 1"),
        Different("a = 1", "a = 2"),
        Different("a = 1", "a = -1"),
        Different("a - (b - c)", "a - b - c"),
        Different("(a or b) and c", "a or b and c"),
        Different("not a and b", "not (a and b)"),
        Different("a in (1, 2)", "a not in (1, 2)"),
        Different("a in (1, 2)", "a in (1, 2, 3)"),
        Different("auth.uid() = owner_id", "(select auth.uid()) = owner_id"),
        Different("auth.uid() = owner_id", "uid() = owner_id"),
        Different("x.id = 1", "id = 1"),
        Different("\"Mixed\" = 1", "mixed = 1"),
        Different("a::date", "a::timestamp"),
        Different("(a + b)::text", "a + b"),
        Different("a is null", "a is not null"),
        Different("a is true", "a is not false"),
        Different("lower(email)", "upper(email)"),
        Different("count(*)", "count(a)"),
        Different("count(a)", "count(distinct a)"),
        Different("'{a,b}'::text[]", "'{b,a}'::text[]"),
        Different("'{\"a\": 1}'::jsonb", "'{\"a\": 2}'::jsonb"),
        Different("'it''s'", "'its'"),
        Different("(select 1 from t)", "(select 2 from t)"),
        Different("a -> 'k'", "a ->> 'k'"),
        Different("a @> b", "a <@ b"),
        Different("1", "1.0"),
        Different("f(a, b)", "f(b, a)"),
        Different("case when a then 1 else 2 end", "case when a then 2 else 1 end"),
        Different("auth.uid()", "public.uid()"),
        Different("(a, b) < (1, 2)", "a < 1 and b < 2"),
        Different("(a, b) = (1, 2)", "a = 1 or b = 2"),
        Different("'1 day'::interval", "'24 hours'::interval"),
        Different("'1.0'::numeric", "1"),
        Different("trim(leading 'x' from b)", "trim(trailing 'x' from b)"),
        Different("substring(b from 2)", "substring(b for 2)"),
        Different("extract(year from ts)", "extract(month from ts)"),
        Different("'{\"a\":1}'", "'{\"a\":\"1\"}'"),
        Different("'{a,b}'::text[]", "'{\"a,b\"}'::text[]"),
        Different("'2020-01-01'::date", "'2020-01-02'::date"),
        Different("x not in (select y from t)", "x in (select y from t)"),
        Different("case when a then 1 end", "case when a then 1 else 0 end"),
        Different("a collate \"C\"", "a collate \"POSIX\""),
        Different("t[1]", "t[2]"),
        Different("now() at time zone 'utc'", "now() at time zone 'UTC'"),
    ]

    @Test(arguments: different)
    func differentExpressionsStayDifferent(_ row: Different) {
        let left = ExpressionCanonicalizer.canonicalize(row.a, columnType: row.type)
        let right = ExpressionCanonicalizer.canonicalize(row.b, columnType: row.type)
        #expect(left != right)
    }

    // MARK: Exact canonical text

    static let exact: [(String, String)] = [
        ("((a = b) AND (c > 0))", "a = b and c > 0"),
        ("(( SELECT auth.uid() AS uid) = owner_id)", "(select auth.uid()) = owner_id"),
        ("'active'::character varying", "'active'"),
        ("(((a + (1 * 2)) - (3 - 4)) > 0)", "a + 1 * 2 - (3 - 4) > 0"),
        ("x::varchar(10)", "x::character varying(10)"),
        ("(a || b)::TEXT", "(a || b)::text"),
        ("CAST(f(x) AS int4)", "f(x)::integer"),
        ("\"user\".\"Name\"", "\"user\".\"Name\""),
        ("- (- a)", "-(-a)"),
        ("NOT NOT a", "not not a"),
        ("a IN (1, 2)", "a = any ('{1,2}')"),
        ("current_timestamp(3)", "current_timestamp(3)"),
        ("",""),
        ("  ", ""),
    ]

    @Test(arguments: exact)
    func canonicalText(_ input: String, _ expected: String) {
        #expect(ExpressionCanonicalizer.canonicalize(input) == expected)
    }

    // MARK: Robustness: never throws, never hangs, falls back to tokens

    static let hostile: [String] = [
        "'unterminated", "\"unterminated", "$$unterminated", "$tag$ never closed", "/* open comment",
        "E'\\", "((((((", "))))", "a = ", "::", "case when", "select", "(select", "-- only a comment",
        String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000),
        "array[", "x::", "f(", "\u{0}\u{1}\u{ff}", "a ! b", "count(*) filter (where a)",
        "extract(epoch from now())",
        "array" + String(repeating: "[", count: 20000),
        "exists (select 1 from " + String(repeating: "(", count: 20000),
        String(repeating: "(select ", count: 3000),
        (0..<3000).map { "c\($0)" }.joined(separator: " + "),
        (0..<3000).map { "c\($0)" }.joined(separator: "::text::"),
        String(repeating: "- ", count: 5000) + "1",
        String(repeating: "not ", count: 5000) + "a",
        "'{" + String(repeating: "[", count: 10000) + "'",
        "'" + String(repeating: "{", count: 10000) + "'::text[]",
    ]

    @Test(arguments: hostile)
    func hostileInputTerminates(_ input: String) {
        let first = ExpressionCanonicalizer.canonicalize(input)
        #expect(ExpressionCanonicalizer.canonicalize(input) == first)
    }

    @Test func constraintDefinitionPrefixIgnored() {
        #expect(ExpressionCanonicalizer.canonicalize("CHECK ((score > 0)) NOT VALID") == "score > 0")
        #expect(ExpressionCanonicalizer.canonicalize("CHECK ((score > 0)) NO INHERIT") == "score > 0")
        #expect(ExpressionCanonicalizer.canonicalize("CHECK (((a)::text <> ''::text))") == "a <> ''")
        #expect(ExpressionCanonicalizer.canonicalize("a is not valid") != ExpressionCanonicalizer.canonicalize("a"))
    }

    @Test func fallbackIsTokenLevel() {
        #expect(ExpressionCanonicalizer.canonicalize("A BETWEEN  SYMMETRIC 1 AND (2)") == "a between symmetric 1 and (2)")
        #expect(ExpressionCanonicalizer.canonicalize("count(*) FILTER (WHERE a > 1)") == ExpressionCanonicalizer.canonicalize("count( * ) filter (where a>1)"))
    }
}
