import SchemaModel
import Testing
@testable import SchemaDiff

/// One drift injected into the database (Drizzle is the reference) and the exact findings it must give.
struct FindingCase: CustomTestStringConvertible, Sendable {
    var name: String
    var reference: @Sendable (inout Catalog) -> Void = { _ in }
    var database: @Sendable (inout Catalog) -> Void
    var expected: [Expect]

    var testDescription: String { name }
}

private let profilesRef = QualifiedName(schema: "public", name: "profiles")
private let db = Provenance.database

let findingCases: [FindingCase] = [
    // Tables and columns
    FindingCase(name: "table missing", database: { $0.removeTable("projects") },
                expected: [Expect("table_missing", .error, "public.projects", "public.projects", nil)]),
    FindingCase(name: "table extra", database: { $0.add(Table(name: "audit", provenance: db), toSchema: "public") },
                expected: [Expect("table_extra", .warning, "public.audit", nil, "public.audit")]),
    FindingCase(name: "column missing", database: { $0.edit("profiles") { $0.columns.removeAll { $0.name == "mood" } } },
                expected: [Expect("column_missing", .error, "public.profiles.mood", "public.mood", nil)]),
    FindingCase(name: "column extra, nullable", database: { $0.edit("profiles") { $0.columns.append(Column(name: "bio", type: .text, provenance: db)) } },
                expected: [Expect("column_extra", .warning, "public.profiles.bio", nil, "text")]),
    FindingCase(name: "column extra, not null without default",
                database: { $0.edit("profiles") { $0.columns.append(Column(name: "tenant", type: .uuid, isNullable: false, provenance: db)) } },
                expected: [Expect("column_extra", .error, "public.profiles.tenant", nil, "uuid")]),
    FindingCase(name: "column type", database: { $0.editColumn("profiles", "email") { $0.type = .varchar(100) } },
                expected: [Expect("column_type_mismatch", .error, "public.profiles.email", "character varying(255)", "character varying(100)")]),
    FindingCase(name: "column nullability", database: { $0.editColumn("projects", "status") { $0.isNullable = true } },
                expected: [Expect("column_nullability_mismatch", .error, "public.projects.status", "not null", "nullable")]),
    FindingCase(name: "default changed", database: { $0.editColumn("profiles", "role") { $0.defaultExpression = "'member'" } },
                expected: [Expect("column_default_mismatch", .warning, "public.profiles.role", "'user'", "'member'")]),
    FindingCase(name: "default added", database: { $0.editColumn("profiles", "mood") { $0.defaultExpression = "'ok'" } },
                expected: [Expect("column_default_mismatch", .warning, "public.profiles.mood", nil, "'ok'")]),
    FindingCase(name: "default removed", database: { $0.editColumn("profiles", "created_at") { $0.defaultExpression = nil } },
                expected: [Expect("column_default_mismatch", .warning, "public.profiles.created_at", "now()", nil)]),
    FindingCase(name: "identity instead of serial (no second finding for the sequence default)",
                database: { $0.editColumn("projects", "id") { $0.defaultExpression = nil; $0.identity = Identity(generation: .always) } },
                expected: [Expect("column_identity_mismatch", .warning, "public.projects.id", "none", "generated always as identity")]),
    FindingCase(name: "identity sequence options (unstated options not compared)",
                reference: { $0.editColumn("projects", "id") { $0.defaultExpression = nil; $0.identity = Identity(generation: .byDefault, start: 1, increment: 1) } },
                database: { $0.editColumn("projects", "id") { $0.defaultExpression = nil; $0.identity = Identity(generation: .byDefault, start: 1000, increment: 1, cache: 20) } },
                expected: [Expect("column_identity_mismatch", .warning, "public.projects.id", "start 1", "start 1000")]),
    FindingCase(name: "generated column", database: { $0.editColumn("projects", "status") { $0.generatedExpression = "'x'" } },
                expected: [Expect("column_generated_mismatch", .error, "public.projects.status", nil, "'x'")]),

    // Keys and constraints
    FindingCase(name: "primary key columns", database: { $0.edit("profiles") { $0.primaryKey?.columns = ["id", "email"] } },
                expected: [Expect("primary_key_mismatch", .error, "public.profiles.profiles_pkey", "(id)", "(id, email)")]),
    FindingCase(name: "primary key name", database: { $0.edit("profiles") { $0.primaryKey?.name = "profiles_id_pk" } },
                expected: [Expect("constraint_name_mismatch", .info, "public.profiles.profiles_pkey", "profiles_pkey", "profiles_id_pk")]),
    FindingCase(name: "unique name only (t_col_key vs t_col_unique)",
                database: { $0.edit("profiles") { $0.uniqueConstraints[0].name = "profiles_email_unique" } },
                expected: [Expect("constraint_name_mismatch", .info, "public.profiles.profiles_email_key", "profiles_email_key", "profiles_email_unique")]),
    FindingCase(name: "unique missing", database: { $0.edit("profiles") { $0.uniqueConstraints = [] } },
                expected: [Expect("unique_missing", .error, "public.profiles.profiles_email_key", "profiles_email_key: unique (email)", nil)]),
    FindingCase(name: "unique extra",
                database: { $0.edit("profiles") { $0.uniqueConstraints.append(UniqueConstraint(name: "profiles_role_key", columns: ["role"], provenance: db)) } },
                expected: [Expect("unique_extra", .warning, "public.profiles.profiles_role_key", nil, "profiles_role_key: unique (role)")]),
    FindingCase(name: "unique constraint vs unique index",
                database: { $0.edit("profiles") {
                    $0.uniqueConstraints = []
                    $0.indexes.append(TableIndex(name: "ix_profiles_email", keys: [.init(column: "email")], isUnique: true, provenance: db))
                } },
                expected: [Expect("unique_kind_mismatch", .info, "public.profiles.profiles_email_key", "profiles_email_key: unique (email)", "ix_profiles_email: unique (email)")]),
    FindingCase(name: "foreign key missing", database: { $0.edit("projects") { $0.foreignKeys = [] } },
                expected: [Expect("foreign_key_missing", .error, "public.projects.projects_user_id_fkey",
                                  "projects_user_id_fkey: (user_id) references public.profiles(id) on delete cascade", nil)]),
    FindingCase(name: "foreign key extra",
                database: { $0.edit("projects") { $0.foreignKeys.append(ForeignKey(
                    name: "projects_owner_fkey", columns: ["user_id"], referencedTable: QualifiedName(schema: "auth", name: "users"),
                    referencedColumns: ["id"], provenance: db)) } },
                expected: [Expect("foreign_key_extra", .warning, "public.projects.projects_owner_fkey", nil,
                                  "projects_owner_fkey: (user_id) references auth.users(id)")]),
    FindingCase(name: "foreign key action", database: { $0.edit("projects") { $0.foreignKeys[0].onDelete = .noAction } },
                expected: [Expect("foreign_key_action_mismatch", .error, "public.projects.projects_user_id_fkey",
                                  "on delete cascade, on update no action", "on delete no action, on update no action")]),
    FindingCase(name: "foreign key action with drizzle-kit 0.x name",
                database: { $0.edit("projects") { $0.foreignKeys[0].onDelete = .setNull; $0.foreignKeys[0].name = "projects_user_id_profiles_id_fk" } },
                expected: [
                    Expect("foreign_key_action_mismatch", .error, "public.projects.projects_user_id_fkey",
                           "on delete cascade, on update no action", "on delete set null, on update no action"),
                    Expect("constraint_name_mismatch", .info, "public.projects.projects_user_id_fkey", "projects_user_id_fkey", "projects_user_id_profiles_id_fk"),
                ]),
    FindingCase(name: "foreign key target", database: { $0.edit("projects") { $0.foreignKeys[0].referencedColumns = ["email"] } },
                expected: [Expect("foreign_key_mismatch", .error, "public.projects.projects_user_id_fkey",
                                  "projects_user_id_fkey: (user_id) references public.profiles(id) on delete cascade",
                                  "projects_user_id_fkey: (user_id) references public.profiles(email) on delete cascade")]),
    FindingCase(name: "check missing", database: { $0.edit("projects") { $0.checks = [] } },
                expected: [Expect("check_missing", .error, "public.projects.projects_status_check", "status <> ''", nil)]),
    FindingCase(name: "check extra",
                database: { $0.edit("projects") { $0.checks.append(CheckConstraint(name: "projects_id_check", expression: "id > 0", provenance: db)) } },
                expected: [Expect("check_extra", .warning, "public.projects.projects_id_check", nil, "id > 0")]),
    FindingCase(name: "check changed", database: { $0.edit("projects") { $0.checks[0].expression = "length(status) > 2" } },
                expected: [Expect("check_mismatch", .error, "public.projects.projects_status_check", "status <> ''", "length(status) > 2")]),

    // Indexes
    FindingCase(name: "index missing", database: { $0.edit("profiles") { $0.indexes = [] } },
                expected: [Expect("index_missing", .warning, "public.profiles.profiles_role_idx", "profiles_role_idx: (role)", nil)]),
    FindingCase(name: "unique index missing",
                reference: { $0.edit("profiles") { $0.indexes[0].isUnique = true } }, database: { $0.edit("profiles") { $0.indexes = [] } },
                expected: [Expect("index_missing", .error, "public.profiles.profiles_role_idx", "profiles_role_idx: unique (role)", nil)]),
    FindingCase(name: "index extra",
                database: { $0.edit("profiles") { $0.indexes.append(TableIndex(name: "profiles_created_idx", keys: [.init(column: "created_at", descending: true)], provenance: db)) } },
                expected: [Expect("index_extra", .info, "public.profiles.profiles_created_idx", nil, "profiles_created_idx: (created_at desc)")]),
    FindingCase(name: "index method", database: { $0.edit("profiles") { $0.indexes[0].method = "hash" } },
                expected: [Expect("index_mismatch", .warning, "public.profiles.profiles_role_idx", "profiles_role_idx: (role)", "profiles_role_idx: using hash (role)")]),
    FindingCase(name: "index predicate", database: { $0.edit("profiles") { $0.indexes[0].predicate = "role <> 'user'" } },
                expected: [Expect("index_mismatch", .warning, "public.profiles.profiles_role_idx", "profiles_role_idx: (role)", "profiles_role_idx: (role) where role <> 'user'")]),
    FindingCase(name: "index uniqueness", database: { $0.edit("profiles") { $0.indexes[0].isUnique = true } },
                expected: [Expect("index_mismatch", .error, "public.profiles.profiles_role_idx", "profiles_role_idx: (role)", "profiles_role_idx: unique (role)")]),
    FindingCase(name: "index name only", database: { $0.edit("profiles") { $0.indexes[0].name = "profiles_role_index" } },
                expected: [Expect("index_name_mismatch", .info, "public.profiles.profiles_role_idx", "profiles_role_idx", "profiles_role_index")]),

    // Enums
    FindingCase(name: "enum missing", database: { $0.schemas[0].enums = [] },
                expected: [Expect("enum_missing", .error, "public.mood", "sad, ok, happy", nil)]),
    FindingCase(name: "enum extra", database: { $0.add(EnumType(schema: "public", name: "color", labels: ["red"], provenance: db)) },
                expected: [Expect("enum_extra", .warning, "public.color", nil, "red")]),
    FindingCase(name: "enum value missing", database: { $0.schemas[0].enums[0].labels = ["sad", "ok"] },
                expected: [Expect("enum_value_missing", .error, "public.mood.happy", "happy", nil)]),
    FindingCase(name: "enum value extra", database: { $0.schemas[0].enums[0].labels.append("angry") },
                expected: [Expect("enum_value_extra", .warning, "public.mood.angry", nil, "angry")]),
    FindingCase(name: "enum order", database: { $0.schemas[0].enums[0].labels = ["ok", "sad", "happy"] },
                expected: [Expect("enum_value_order_mismatch", .warning, "public.mood", "sad, ok, happy", "ok, sad, happy")]),

    // Row-level security and policies
    FindingCase(name: "rls disabled", database: { $0.edit("profiles") { $0.rowLevelSecurity = false } },
                expected: [Expect("rls_disabled", .error, "public.profiles", "enabled", "disabled")]),
    FindingCase(name: "rls enabled unexpectedly", database: { $0.edit("projects") { $0.rowLevelSecurity = true } },
                expected: [Expect("rls_enabled_unexpectedly", .warning, "public.projects", "disabled", "enabled")]),
    FindingCase(name: "rls forced", database: { $0.edit("profiles") { $0.forceRowLevelSecurity = true } },
                expected: [Expect("rls_force_mismatch", .warning, "public.profiles", "not forced", "forced")]),
    FindingCase(name: "policy missing", database: { $0.edit("profiles") { $0.policies = [] } },
                expected: [Expect("policy_missing", .error, "public.profiles.own profile",
                                  "permissive · for select · to authenticated · using (auth.uid() = id)", nil)]),
    FindingCase(name: "permissive policy extra",
                database: { $0.edit("profiles") { $0.policies.append(Policy(name: "open", using: "true", provenance: db)) } },
                expected: [Expect("policy_extra", .error, "public.profiles.open", nil, "permissive · for all · to public · using (true)")]),
    FindingCase(name: "restrictive policy extra",
                database: { $0.edit("profiles") { $0.policies.append(Policy(name: "tenant", isPermissive: false, using: "false", provenance: db)) } },
                expected: [Expect("policy_extra", .warning, "public.profiles.tenant", nil, "restrictive · for all · to public · using (false)")]),
    FindingCase(name: "policy command", database: { $0.edit("profiles") { $0.policies[0].command = .all } },
                expected: [Expect("policy_command_mismatch", .error, "public.profiles.own profile", "select", "all")]),
    FindingCase(name: "policy restrictive", database: { $0.edit("profiles") { $0.policies[0].isPermissive = false } },
                expected: [Expect("policy_permissive_mismatch", .error, "public.profiles.own profile", "permissive", "restrictive")]),
    FindingCase(name: "policy roles", database: { $0.edit("profiles") { $0.policies[0].roles = ["anon", "authenticated"] } },
                expected: [Expect("policy_roles_mismatch", .error, "public.profiles.own profile", "authenticated", "anon, authenticated")]),
    FindingCase(name: "policy using", database: { $0.edit("profiles") { $0.policies[0].using = "true" } },
                expected: [Expect("policy_using_mismatch", .error, "public.profiles.own profile", "auth.uid() = id", "true")]),
    FindingCase(name: "policy with check", database: { $0.edit("profiles") { $0.policies[0].withCheck = "auth.uid() = id" } },
                expected: [Expect("policy_with_check_mismatch", .error, "public.profiles.own profile", nil, "auth.uid() = id")]),

    // Triggers
    FindingCase(name: "trigger missing", database: { $0.edit("profiles") { $0.triggers = [] } },
                expected: [Expect("trigger_missing", .error, "public.profiles.touch_updated", "before update · for each row · execute public.touch()", nil)]),
    FindingCase(name: "trigger extra",
                database: { $0.edit("projects") { $0.triggers.append(Trigger(name: "audit", timing: .after, events: [.init(.delete)], level: .statement,
                                                                             function: QualifiedName(schema: "public", name: "audit"), provenance: db)) } },
                expected: [Expect("trigger_extra", .warning, "public.projects.audit", nil, "after delete · for each statement · execute public.audit()")]),
    FindingCase(name: "trigger timing", database: { $0.edit("profiles") { $0.triggers[0].timing = .after } },
                expected: [Expect("trigger_timing_mismatch", .error, "public.profiles.touch_updated", "before", "after")]),
    FindingCase(name: "trigger events", database: { $0.edit("profiles") { $0.triggers[0].events = [.init(.insert), .init(.update)] } },
                expected: [Expect("trigger_events_mismatch", .error, "public.profiles.touch_updated", "update", "insert or update")]),
    FindingCase(name: "trigger update of columns", database: { $0.edit("profiles") { $0.triggers[0].events = [.init(.update, columns: ["role"])] } },
                expected: [Expect("trigger_events_mismatch", .error, "public.profiles.touch_updated", "update", "update of role")]),
    FindingCase(name: "trigger level", database: { $0.edit("profiles") { $0.triggers[0].level = .statement } },
                expected: [Expect("trigger_level_mismatch", .error, "public.profiles.touch_updated", "for each row", "for each statement")]),
    FindingCase(name: "trigger function", database: { $0.edit("profiles") { $0.triggers[0].function = QualifiedName(schema: "private", name: "touch") } },
                expected: [Expect("trigger_function_mismatch", .error, "public.profiles.touch_updated", "public.touch()", "private.touch()")]),
    FindingCase(name: "trigger when", database: { $0.edit("profiles") { $0.triggers[0].when = "old.* is distinct from new.*" } },
                expected: [Expect("trigger_when_mismatch", .error, "public.profiles.touch_updated", nil, "old.* is distinct from new.*")]),
]

@Suite("Each finding id from one injected drift")
struct FindingCaseTests {
    @Test(arguments: findingCases)
    func exactFindings(_ c: FindingCase) {
        let result = Build.diff(reference: c.reference, database: c.database)
        #expect(result.findings.map(Expect.init) == c.expected)
    }

    @Test func everyFindingKindHasACase() {
        var covered = Set(findingCases.flatMap { $0.expected.map(\.id) })
        covered.insert(FindingKind.columnClientDefault.id)  // covered by ClientDefaultTests (needs a code source)
        let missing = FindingKind.allCases.map(\.id).filter { !covered.contains($0) }
        #expect(missing == [])
    }

    @Test func issueListIsInTheRegistry() {
        let issue = """
            table_missing table_extra column_missing column_extra column_type_mismatch column_nullability_mismatch
            column_default_mismatch column_identity_mismatch primary_key_mismatch foreign_key_missing foreign_key_extra
            foreign_key_action_mismatch unique_missing unique_extra check_missing check_extra check_mismatch index_missing
            index_extra index_mismatch constraint_name_mismatch index_name_mismatch enum_missing enum_extra enum_value_missing
            enum_value_extra enum_value_order_mismatch rls_disabled rls_enabled_unexpectedly rls_force_mismatch policy_missing
            policy_extra policy_command_mismatch policy_permissive_mismatch policy_roles_mismatch policy_using_mismatch
            policy_with_check_mismatch trigger_missing trigger_extra trigger_timing_mismatch trigger_events_mismatch
            trigger_level_mismatch trigger_function_mismatch
            """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        let registry = Set(FindingKind.allCases.map(\.id))
        #expect(issue.filter { !registry.contains($0) } == [])
        #expect(FindingKind(rawValue: "constraint_name_mismatch")?.defaultSeverity == .info)
        #expect(FindingKind(rawValue: "index_name_mismatch")?.defaultSeverity == .info)
    }

    @Test func messagesFollowTheStyle() {
        for c in findingCases {
            for f in Build.diff(reference: c.reference, database: c.database).findings {
                #expect(f.message.first?.isLowercase == true, "\(c.name): \(f.message)")
                #expect(!f.message.hasSuffix("."), "\(c.name): \(f.message)")
                #expect(!f.message.contains("\n"), "\(c.name)")
                #expect(f.hint.map { !$0.isEmpty && !$0.contains("\n") } == true, "\(c.name)")
                #expect(f.compared.source == "database" && f.reference.source == "drizzle")
            }
        }
    }
}
