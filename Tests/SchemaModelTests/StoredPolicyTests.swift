import Testing
@testable import SchemaModel

/// Row-level security policies on `docs`, Supabase style: the USING expression as written (left)
/// and `pg_policies.qual` from PostgreSQL 15 (right), generated in one pass against a throwaway
/// cluster with stand-ins for `auth.uid()`, `auth.jwt()`, `auth.role()` and `auth.users`.
@Suite struct StoredPolicyTests {
    static let rows: [(String, String)] = [
        ("auth.uid() = user_id", "(auth.uid() = user_id)"),
        ("(select auth.uid()) = user_id", "(( SELECT auth.uid() AS uid) = user_id)"),
        ("user_id = (select auth.uid())", "(user_id = ( SELECT auth.uid() AS uid))"),
        ("auth.uid() IS NOT NULL", "(auth.uid() IS NOT NULL)"),
        ("auth.role() = 'authenticated'", "(auth.role() = 'authenticated'::text)"),
        ("(select auth.role()) = 'service_role'", "(( SELECT auth.role() AS role) = 'service_role'::text)"),
        ("(auth.jwt() ->> 'email') = email", "((auth.jwt() ->> 'email'::text) = email)"),
        ("(select auth.jwt() ->> 'role') = 'admin'", "(( SELECT (auth.jwt() ->> 'role'::text)) = 'admin'::text)"),
        ("auth.jwt() -> 'app_metadata' ->> 'role' = 'admin'", "(((auth.jwt() -> 'app_metadata'::text) ->> 'role'::text) = 'admin'::text)"),
        ("((auth.jwt() -> 'app_metadata'::text) ->> 'org'::text)::int = org_id", "((((auth.jwt() -> 'app_metadata'::text) ->> 'org'::text))::integer = org_id)"),
        ("org_id in (select org_id from members where user_id = auth.uid())", "(org_id IN ( SELECT members.org_id\n   FROM members\n  WHERE (members.user_id = auth.uid())))"),
        ("org_id in (select m.org_id from members m where m.user_id = (select auth.uid()))", "(org_id IN ( SELECT m.org_id\n   FROM members m\n  WHERE (m.user_id = ( SELECT auth.uid() AS uid))))"),
        ("exists (select 1 from members where members.org_id = docs.org_id and members.user_id = auth.uid())", "(EXISTS ( SELECT 1\n   FROM members\n  WHERE ((members.org_id = docs.org_id) AND (members.user_id = auth.uid()))))"),
        ("exists (select 1 from members m where m.org_id = docs.org_id and m.user_id = auth.uid() and m.role in ('owner', 'admin'))", "(EXISTS ( SELECT 1\n   FROM members m\n  WHERE ((m.org_id = docs.org_id) AND (m.user_id = auth.uid()) AND (m.role = ANY (ARRAY['owner'::text, 'admin'::text])))))"),
        ("exists (select 1 from members m join orgs o on o.id = m.org_id where o.id = docs.org_id and m.user_id = auth.uid())", "(EXISTS ( SELECT 1\n   FROM (members m\n     JOIN orgs o ON ((o.id = m.org_id)))\n  WHERE ((o.id = docs.org_id) AND (m.user_id = auth.uid()))))"),
        ("not exists (select 1 from blocked b where b.user_id = auth.uid())", "(NOT (EXISTS ( SELECT 1\n   FROM blocked b\n  WHERE (b.user_id = auth.uid()))))"),
        ("is_public or user_id = auth.uid()", "(is_public OR (user_id = auth.uid()))"),
        ("is_public = true", "(is_public = true)"),
        ("status = 'published' and deleted_at is null", "((status = 'published'::text) AND (deleted_at IS NULL))"),
        ("deleted_at is null", "(deleted_at IS NULL)"),
        ("user_id = auth.uid() and created_at > now() - interval '1 day'", "((user_id = auth.uid()) AND (created_at > (now() - '1 day'::interval)))"),
        ("true", "true"),
        ("false", "false"),
        ("current_user = 'postgres'", "(CURRENT_USER = 'postgres'::name)"),
        ("user_id::text = current_setting('request.jwt.claim.sub', true)", "((user_id)::text = current_setting('request.jwt.claim.sub'::text, true))"),
        ("tenant_id = current_setting('app.tenant_id')::uuid", "(tenant_id = (current_setting('app.tenant_id'::text))::uuid)"),
        ("auth.uid() = any(editors)", "(auth.uid() = ANY (editors))"),
        ("auth.uid() = ANY (SELECT user_id FROM members)", "(auth.uid() IN ( SELECT members.user_id\n   FROM members))"),
        ("(select count(*) from docs d2 where d2.user_id = auth.uid()) < 10", "(( SELECT count(*) AS count\n   FROM docs d2\n  WHERE (d2.user_id = auth.uid())) < 10)"),
        ("coalesce(title, '') <> ''", "(COALESCE(title, ''::text) <> ''::text)"),
        ("char_length(title) between 1 and 100", "((char_length(title) >= 1) AND (char_length(title) <= 100))"),
        ("title ~* '^[a-z]'", "(title ~* '^[a-z]'::text)"),
        ("tags @> array['public']", "(tags @> ARRAY['public'::text])"),
        ("metadata ->> 'visibility' = 'public'", "((metadata ->> 'visibility'::text) = 'public'::text)"),
        ("metadata @> '{\"visibility\":\"public\"}'", "(metadata @> '{\"visibility\": \"public\"}'::jsonb)"),
        ("user_id in (select id from auth.users where email like '%@example.com')", "(user_id IN ( SELECT users.id\n   FROM auth.users\n  WHERE (users.email ~~ '%@example.com'::text)))"),
        ("public.is_admin()", "is_admin()"),
        ("is_admin(auth.uid())", "is_admin(auth.uid())"),
        ("(select public.is_admin())", "( SELECT is_admin() AS is_admin)"),
        ("org_id = any(array(select org_id from members where user_id = auth.uid()))", "(org_id = ANY (ARRAY( SELECT members.org_id\n   FROM members\n  WHERE (members.user_id = auth.uid()))))\n"),
        ("org_id not in (select id from orgs)", "(NOT (org_id IN ( SELECT orgs.id\n   FROM orgs)))"),
        ("org_id <> all (select id from orgs)", "(org_id <> ALL ( SELECT orgs.id\n   FROM orgs))"),
        ("org_id > any (select id from orgs)", "(org_id > ANY ( SELECT orgs.id\n   FROM orgs))"),
    ]

    @Test(arguments: rows)
    func storedPolicyMatchesSource(_ written: String, _ stored: String) {
        #expect(ExpressionCanonicalizer.canonicalize(written) == ExpressionCanonicalizer.canonicalize(stored))
    }

    /// Spellings a policy author might confuse that PostgreSQL keeps apart.
    static let different: [(String, String)] = [
        ("org_id in (select org_id from members)", "org_id not in (select org_id from members)"),
        ("org_id in (select org_id from members)", "org_id <> all (select org_id from members)"),
        ("auth.uid() = user_id", "auth.uid() = owner_id"),
        ("auth.role() = 'authenticated'", "auth.role() = 'anon'"),
        ("exists (select 1 from members m where m.user_id = auth.uid())", "exists (select 1 from members m where m.user_id <> auth.uid())"),
        ("exists (select 1 from members)", "exists (select 1 from owners)"),
        ("exists (select 1 from members m join orgs o on o.id = m.org_id)", "exists (select 1 from members m left join orgs o on o.id = m.org_id)"),
        ("(select auth.uid())", "(select auth.uid() as uid2)"),
        ("metadata @> '{\"visibility\":\"public\"}'", "metadata @> '{\"visibility\":\"private\"}'"),
    ]

    @Test(arguments: different)
    func distinctPoliciesStayDistinct(_ a: String, _ b: String) {
        #expect(ExpressionCanonicalizer.canonicalize(a) != ExpressionCanonicalizer.canonicalize(b))
    }
}
