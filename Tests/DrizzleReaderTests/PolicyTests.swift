import DrizzleReader
import SchemaModel
import Testing

/// Row-level security: `.enableRLS()`, `pgPolicy` with every way of naming roles, and linked policies.
@Suite struct PolicyTests {
    @Test func policiesWithRolesAndExpressions() throws {
        let result = readSchema("""
        import { pgTable, uuid, text, pgPolicy, pgRole } from 'drizzle-orm/pg-core';
        import { sql, eq, and, inArray, isNull } from 'drizzle-orm';
        import { authenticatedRole, anonRole, serviceRole, postgresRole, supabaseAuthAdminRole, authUid } from 'drizzle-orm/supabase';
        export const admin = pgRole('admin', { createRole: true });
        export const projects = pgTable('projects', {
          id: uuid('id').primaryKey(),
          ownerId: uuid('owner_id').notNull(),
          status: text('status'),
          deletedAt: uuid('deleted_at'),
        }, (t) => [
          pgPolicy('projects_select_own', {
            for: 'select',
            to: authenticatedRole,
            using: eq(t.ownerId, authUid),
          }),
          pgPolicy('projects_insert', { as: 'restrictive', for: 'insert', to: [authenticatedRole, 'admin'], withCheck: sql`${t.ownerId} = ${authUid}` }),
          pgPolicy('projects_everyone', { using: and(inArray(t.status, ['open', 'draft']), isNull(t.deletedAt)) }),
          pgPolicy('projects_roles', { for: 'update', to: [anonRole, serviceRole, postgresRole, supabaseAuthAdminRole, admin] }),
        ]);
        """)
        #expect(result.diagnostics.isEmpty)
        let table = try #require(result.table("projects"))
        #expect(table.rowLevelSecurity)
        #expect(table.policies == [
            Policy(name: "projects_everyone", roles: [],
                   using: "(\"projects\".\"status\" in ('open', 'draft') and \"projects\".\"deleted_at\" is null)", provenance: at(17, 3)),
            Policy(name: "projects_insert", isPermissive: false, command: .insert, roles: ["admin", "authenticated"],
                   withCheck: "\"projects\".\"owner_id\" = (select auth.uid())", provenance: at(16, 3)),
            Policy(name: "projects_roles", command: .update,
                   roles: ["admin", "anon", "postgres_role", "service_role", "supabase_auth_admin"], provenance: at(18, 3)),
            Policy(name: "projects_select_own", command: .select, roles: ["authenticated"],
                   using: "\"projects\".\"owner_id\" = (select auth.uid())", provenance: at(11, 3)),
        ])
        #expect(table.policies[0].roles == ["public"])
    }

    @Test func enableRLSWithoutPolicies() throws {
        let result = readSchema("""
        import { pgTable, uuid } from 'drizzle-orm/pg-core';
        export const a = pgTable('a', { id: uuid('id') }).enableRLS();
        export const b = pgTable.withRLS('b', { id: uuid('id') });
        export const c = pgTable('c', { id: uuid('id') });
        """)
        #expect(result.table("a")?.rowLevelSecurity == true)
        #expect(result.table("b")?.rowLevelSecurity == true)
        #expect(result.table("c")?.rowLevelSecurity == false)
        #expect(result.table("a")?.policies == [])
    }

    @Test func linkedPolicyOnAnotherFile() throws {
        let result = readDrizzle([
            "db/tables.ts": """
            import { pgTable, uuid } from 'drizzle-orm/pg-core';
            export const accounts = pgTable('accounts', { id: uuid('id') });
            """,
            "db/policies.ts": """
            import { pgPolicy } from 'drizzle-orm/pg-core';
            import { sql } from 'drizzle-orm';
            import { accounts } from './tables';
            export const readAccounts = pgPolicy('read_accounts', { for: 'select', to: 'authenticated', using: sql`true` }).link(accounts);
            """,
        ], paths: ["db"])
        #expect(result.diagnostics.isEmpty)
        let table = try #require(result.table("accounts"))
        #expect(table.rowLevelSecurity)
        #expect(table.policies == [
            Policy(name: "read_accounts", command: .select, roles: ["authenticated"], using: "true",
                   provenance: at(4, 29, "db/policies.ts")),
        ])
    }

    @Test func policyLinkedToSupabaseTableIsNoted() {
        let result = readSchema("""
        import { pgPolicy } from 'drizzle-orm/pg-core';
        import { authUsers } from 'drizzle-orm/supabase';
        export const p = pgPolicy('users_read', { for: 'select' }).link(authUsers);
        """)
        #expect(result.messages == ["schema.ts:3:18: note: policy 'users_read' is linked to a table that is not declared in the input; not audited"])
        #expect(result.catalog.schemas.isEmpty)
    }
}
