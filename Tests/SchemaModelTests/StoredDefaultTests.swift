import Testing
@testable import SchemaModel

/// Column defaults: the column's type (`format_type`), the default as written in DDL (middle) and
/// `pg_get_expr(adbin, adrelid)` from PostgreSQL 15 (right), generated in one pass against a
/// throwaway cluster. With the column type given, both sides must canonicalize alike.
@Suite struct StoredDefaultTests {
    static let rows: [(String, String, String)] = [
        ("integer", "0", "0"),
        ("integer", "'0'", "0"),
        ("integer", "-1", "'-1'::integer"),
        ("integer", "'-1'", "'-1'::integer"),
        ("integer", "(1 + 2)", "(1 + 2)"),
        ("integer", "nextval('x_seq')", "nextval('x_seq'::regclass)"),
        ("bigint", "'9000000000'", "'9000000000'::bigint"),
        ("bigint", "9000000000", "'9000000000'::bigint"),
        ("smallint", "'5'", "'5'::smallint"),
        ("numeric(10,2)", "0", "0"),
        ("numeric(10,2)", "'0.00'", "0.00"),
        ("numeric(10,2)", "0.00", "0.00"),
        ("numeric(10,2)", "-0.5", "'-0.5'::numeric"),
        ("numeric", "'1e3'", "'1000'::numeric"),
        ("real", "1.5", "1.5"),
        ("real", "'-2.5'", "'-2.5'::real"),
        ("double precision", "0", "0"),
        ("double precision", "'1.5'", "'1.5'::double precision"),
        ("boolean", "true", "true"),
        ("boolean", "'true'", "true"),
        ("boolean", "'t'", "true"),
        ("boolean", "'f'", "false"),
        ("boolean", "'yes'", "true"),
        ("boolean", "'no'", "false"),
        ("boolean", "'on'", "true"),
        ("boolean", "'off'", "false"),
        ("boolean", "'1'", "true"),
        ("boolean", "'0'", "false"),
        ("boolean", "false", "false"),
        ("boolean", "TRUE", "true"),
        ("text", "'x'", "'x'::text"),
        ("text", "''", "''::text"),
        ("text", "'it''s'", "'it''s'::text"),
        ("text", "E'a\\nb'", "'a\nb'::text"),
        ("text", "$$d$$", "'d'::text"),
        ("text", "'x'::text", "'x'::text"),
        ("text", "concat('a', 'b')", "concat('a', 'b')"),
        ("character varying(10)", "'x'", "'x'::character varying"),
        ("character varying(10)", "'x'::varchar", "'x'::character varying"),
        ("character varying(10)", "'x'::character varying", "'x'::character varying"),
        ("character(2)", "'ab'", "'ab'::bpchar"),
        ("character(1)", "'a'", "'a'::bpchar"),
        ("jsonb", "'{}'", "'{}'::jsonb"),
        ("jsonb", "'[]'", "'[]'::jsonb"),
        ("jsonb", "'{\"a\":1}'", "'{\"a\": 1}'::jsonb"),
        ("jsonb", "'{\"b\": 1, \"a\": [1, {\"c\": null}]}'::jsonb", "'{\"a\": [1, {\"c\": null}], \"b\": 1}'::jsonb"),
        ("jsonb", "'null'", "'null'::jsonb"),
        ("jsonb", "'{}'::jsonb", "'{}'::jsonb"),
        ("json", "'{\"b\":1,\"a\":2}'", "'{\"b\":1,\"a\":2}'::json"),
        ("json", "'{}'", "'{}'::json"),
        ("text[]", "'{}'", "'{}'::text[]"),
        ("text[]", "'{a,b}'", "'{a,b}'::text[]"),
        ("text[]", "'{\"a\",\"b\"}'", "'{a,b}'::text[]"),
        ("text[]", "ARRAY['a','b']", "ARRAY['a'::text, 'b'::text]"),
        ("text[]", "ARRAY[]::text[]", "ARRAY[]::text[]"),
        ("text[]", "'{\"a b\",\"c,d\",\"\"}'", "'{\"a b\",\"c,d\",\"\"}'::text[]"),
        ("integer[]", "'{1,2}'", "'{1,2}'::integer[]"),
        ("integer[]", "ARRAY[1,2]", "ARRAY[1, 2]"),
        ("integer[]", "'{}'::int[]", "'{}'::integer[]"),
        ("uuid", "gen_random_uuid()", "gen_random_uuid()"),
        ("uuid", "'00000000-0000-0000-0000-000000000000'", "'00000000-0000-0000-0000-000000000000'::uuid"),
        ("date", "'2020-01-01'", "'2020-01-01'::date"),
        ("date", "CURRENT_DATE", "CURRENT_DATE"),
        ("date", "now()", "now()"),
        ("timestamp without time zone", "now()", "now()"),
        ("timestamp without time zone", "CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP"),
        ("timestamp without time zone", "LOCALTIMESTAMP", "LOCALTIMESTAMP"),
        ("timestamp without time zone", "'2020-01-01'", "'2020-01-01 00:00:00'::timestamp without time zone"),
        ("timestamp without time zone", "'2020-01-01 10:00'", "'2020-01-01 10:00:00'::timestamp without time zone"),
        ("timestamp without time zone", "timezone('utc', now())", "timezone('utc'::text, now())"),
        ("timestamp without time zone", "(now() at time zone 'utc')", "(now() AT TIME ZONE 'utc'::text)"),
        ("timestamp with time zone", "now()", "now()"),
        ("timestamp with time zone", "current_timestamp", "CURRENT_TIMESTAMP"),
        ("timestamp with time zone", "CURRENT_TIMESTAMP(3)", "CURRENT_TIMESTAMP(3)"),
        ("timestamp with time zone", "transaction_timestamp()", "transaction_timestamp()"),
        ("timestamp with time zone", "statement_timestamp()", "statement_timestamp()"),
        ("timestamp with time zone", "clock_timestamp()", "clock_timestamp()"),
        ("timestamp with time zone", "now() + interval '1 day'", "(now() + '1 day'::interval)"),
        ("time without time zone", "'12:00'", "'12:00:00'::time without time zone"),
        ("time without time zone", "CURRENT_TIME", "CURRENT_TIME"),
        ("interval", "'1 day'", "'1 day'::interval"),
        ("interval", "'24 hours'", "'24:00:00'::interval"),
        ("interval", "interval '1 hour'", "'01:00:00'::interval"),
        ("mood", "'happy'", "'happy'::mood"),
        ("mood", "'happy'::mood", "'happy'::mood"),
        ("inet", "'127.0.0.1'", "'127.0.0.1'::inet"),
        ("bytea", "'\\x00'", "'\\x00'::bytea\n"),
    ]

    @Test(arguments: rows)
    func storedDefaultMatchesSource(_ type: String, _ written: String, _ stored: String) {
        let columnType = TypeCanonicalizer.canonicalize(type)
        #expect(ExpressionCanonicalizer.canonicalize(written, columnType: columnType)
            == ExpressionCanonicalizer.canonicalize(stored, columnType: columnType))
    }

    static let numbers: [(String, String)] = [
        ("1e3", "1000"), ("1.50e1", "15.0"), ("1.5e-2", "0.015"), ("12e-1", "1.2"), ("0.5e2", "50"),
        ("1.23e1", "12.3"), (".5", "0.5"), ("5.", "5"), ("1E+2", "100"), ("1e999", "1e999"),
    ]

    @Test(arguments: numbers)
    func numericConstants(_ written: String, _ printed: String) {
        #expect(ExpressionCanonicalizer.canonicalize(written) == printed)
    }
}
