import SchemaModel

/// A small comparison built by hand (the reports never see the diff engine): Drizzle against a
/// database, one table with drift, one matching table, one enum with a missing label.
enum Sample {
    static let profiles = QualifiedName(schema: "public", name: "profiles")
    static let projects = QualifiedName(schema: "public", name: "projects")

    static let typeFinding = Finding(
        id: "column_type_mismatch", severity: .error, objectKey: "public.profiles.email", objectKind: .columnType, table: profiles,
        message: "column 'public.profiles.email' is 'text' in 'database' but 'character varying(255)' in 'drizzle'",
        expected: "character varying(255)", actual: "text",
        reference: .init(source: "drizzle", location: SourceLocation(path: "lib/db/schema.ts", line: 12, column: 3)),
        compared: .init(source: "database"),
        hint: "in 'database' run `ALTER TABLE public.profiles ALTER COLUMN email TYPE character varying(255)` (or change 'drizzle' if it is the one that is wrong)")

    static let nameFinding = Finding(
        id: "constraint_name_mismatch", severity: .info, objectKey: "public.profiles.profiles_email_unique", objectKind: .unique, table: profiles,
        message: "unique constraint (email) on 'public.profiles' is named 'profiles_email_key' in 'database' but 'profiles_email_unique' in 'drizzle'",
        expected: "profiles_email_unique", actual: "profiles_email_key",
        reference: .init(source: "drizzle", location: SourceLocation(path: "lib/db/schema.ts", line: 12, column: 3)),
        compared: .init(source: "database"), hint: "rename it")

    static let enumFinding = Finding(
        id: "enum_value_missing", severity: .error, objectKey: "public.mood.happy", objectKind: .enumType,
        message: "enum 'public.mood' lacks value 'happy' in 'database'", expected: "happy",
        reference: .init(source: "drizzle", location: SourceLocation(path: "lib/db/schema.ts", line: 5, column: 3)),
        compared: .init(source: "database"), hint: "in 'database' run `ALTER TYPE public.mood ADD VALUE 'happy'`")

    static let policyFinding = Finding(
        id: "policy_using_mismatch", severity: .warning, objectKey: "public.profiles.own | row", objectKind: .policy, table: profiles,
        message: "policy 'own | row' on 'public.profiles' has using 'true' in 'database' but 'auth.uid() = `id`' in 'drizzle'",
        expected: "auth.uid() = `id`", actual: "true",
        reference: .init(source: "drizzle", location: SourceLocation(path: "lib/db/schema.ts", line: 18, column: 3)),
        compared: .init(source: "database"), hint: "recreate it")

    static let result = DiffResult(
        sourceLabels: ["drizzle", "database"],
        findings: [typeFinding, enumFinding, policyFinding, nameFinding],
        ignoredCount: 1,
        tables: [
            TableComparison(name: profiles, presentIn: [true, true], rows: [
                ComparisonRow(kind: .column, name: "id", objectKey: "public.profiles.id",
                              cells: [.present("uuid · not null"), .present("uuid · not null")], matches: true),
                ComparisonRow(kind: .column, name: "email", objectKey: "public.profiles.email",
                              cells: [.present("varchar(255) · not null"), .present("text · not null")], matches: false),
                ComparisonRow(kind: .unique, name: "profiles_email_unique", objectKey: "public.profiles.profiles_email_unique",
                              cells: [.present("profiles_email_unique: unique (email)"), .present("profiles_email_key: unique (email)")], matches: true),
                ComparisonRow(kind: .rowLevelSecurity, name: "row level security", objectKey: "public.profiles",
                              cells: [.present("enabled"), .present("enabled")], matches: true),
                ComparisonRow(kind: .policy, name: "own | row", objectKey: "public.profiles.own | row",
                              cells: [.present("permissive · for select · to public · using (auth.uid() = `id`)"),
                                      .present("permissive · for select · to public · using (true)")], matches: false),
                ComparisonRow(kind: .trigger, name: "touch", objectKey: "public.profiles.touch",
                              cells: [.notStated, .present("before update · for each row · execute public.touch()")], matches: true),
            ]),
            TableComparison(name: projects, presentIn: [true, true], rows: [
                ComparisonRow(kind: .column, name: "id", objectKey: "public.projects.id",
                              cells: [.present("serial · not null"), .present("integer · not null · default nextval('projects_id_seq'::regclass)")],
                              matches: true),
            ]),
        ],
        enums: [EnumComparison(name: QualifiedName(schema: "public", name: "mood"),
                               cells: [.present("sad, ok, happy"), .present("sad, ok")], matches: false)],
        limitations: [SourceLimitation(source: "drizzle", kinds: [.trigger])])

    static let sources = [
        SourceDescriptor(label: "drizzle", kind: .drizzle, files: ["lib/db/schema.ts"], schemas: ["public"]),
        SourceDescriptor(label: "database", kind: .database, origin: "postgres"),
    ]

    static let sourcesWithDiagnostics = [
        SourceDescriptor(label: "drizzle", kind: .drizzle, files: ["lib/db/schema.ts"], schemas: ["public"], diagnostics: [
            Diagnostic(.warning, "unsupported column builder 'customType'", at: SourceLocation(path: "lib/db/schema.ts", line: 40, column: 9)),
        ]),
        SourceDescriptor(label: "database", kind: .database, origin: "postgres"),
    ]

    static let clean = DiffResult(
        sourceLabels: ["drizzle", "sqlalchemy"], findings: [],
        tables: [TableComparison(name: projects, presentIn: [true, true], rows: [
            ComparisonRow(kind: .column, name: "id", objectKey: "public.projects.id",
                          cells: [.present("serial · not null"), .present("Integer · not null")], matches: true),
        ])])
}
