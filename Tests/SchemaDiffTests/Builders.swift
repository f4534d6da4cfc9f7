import SchemaModel
@testable import SchemaDiff

/// Small catalogs built in code: a two-table application (profiles, projects) and an enum, with file
/// locations for code sources and none for the database.
enum Build {
    static func at(_ source: SourceKind, _ line: Int) -> Provenance {
        switch source {
        case .drizzle: return Provenance(source: .drizzle, location: SourceLocation(path: "lib/db/schema.ts", line: line, column: 3))
        case .sqlalchemy: return Provenance(source: .sqlalchemy, location: SourceLocation(path: "backend/models.py", line: line, column: 5))
        case .database: return .database
        }
    }

    static func profiles(_ s: SourceKind) -> Table {
        Table(
            name: "profiles",
            columns: [
                Column(name: "id", type: .uuid, isNullable: false, provenance: at(s, 11)),
                Column(name: "email", type: .varchar(255), isNullable: false, provenance: at(s, 12)),
                Column(name: "role", type: .varchar(20), isNullable: false, defaultExpression: "'user'", provenance: at(s, 13)),
                Column(name: "mood", type: SQLType("public.mood"), provenance: at(s, 14)),
                Column(name: "created_at", type: .timestamp, isNullable: false, defaultExpression: "now()", provenance: at(s, 15)),
            ],
            primaryKey: PrimaryKey(name: "profiles_pkey", columns: ["id"], provenance: at(s, 11)),
            uniqueConstraints: [UniqueConstraint(name: "profiles_email_key", columns: ["email"], provenance: at(s, 12))],
            indexes: [TableIndex(name: "profiles_role_idx", keys: [.init(column: "role")], provenance: at(s, 17))],
            rowLevelSecurity: true,
            policies: [
                Policy(name: "own profile", command: .select, roles: ["authenticated"], using: "auth.uid() = id", provenance: at(s, 18)),
            ],
            triggers: [
                Trigger(name: "touch_updated", timing: .before, events: [.init(.update)], function: QualifiedName(schema: "public", name: "touch"),
                        provenance: at(s, 19)),
            ],
            provenance: at(s, 10))
    }

    static func projects(_ s: SourceKind) -> Table {
        Table(
            name: "projects",
            columns: [
                Column(name: "id", type: .integer, isNullable: false, defaultExpression: "nextval('projects_id_seq'::regclass)", provenance: at(s, 31)),
                Column(name: "user_id", type: .uuid, isNullable: false, provenance: at(s, 32)),
                Column(name: "status", type: .varchar(20), isNullable: false, provenance: at(s, 33)),
            ],
            primaryKey: PrimaryKey(name: "projects_pkey", columns: ["id"], provenance: at(s, 31)),
            foreignKeys: [
                ForeignKey(name: "projects_user_id_fkey", columns: ["user_id"], referencedTable: QualifiedName(schema: "public", name: "profiles"),
                           referencedColumns: ["id"], onDelete: .cascade, provenance: at(s, 32)),
            ],
            checks: [CheckConstraint(name: "projects_status_check", expression: "status <> ''", provenance: at(s, 34))],
            provenance: at(s, 30))
    }

    static func mood(_ s: SourceKind) -> EnumType {
        EnumType(schema: "public", name: "mood", labels: ["sad", "ok", "happy"], provenance: at(s, 5))
    }

    static func catalog(_ s: SourceKind, notStated: Set<ObjectKind> = []) -> Catalog {
        Catalog(source: s, schemas: [Schema(name: "public", tables: [profiles(s), projects(s)], enums: [mood(s)])], notStated: notStated)
    }

    static func labeled(_ s: SourceKind, notStated: Set<ObjectKind> = [], edit: (inout Catalog) -> Void = { _ in }) -> LabeledCatalog {
        var c = catalog(s, notStated: notStated)
        edit(&c)
        return LabeledCatalog(label: s.rawValue, catalog: c)
    }

    /// Drizzle as reference against one database edited by `edit`.
    static func diff(reference: (inout Catalog) -> Void = { _ in }, database: (inout Catalog) -> Void,
                     options: DiffOptions = DiffOptions()) -> DiffResult {
        SchemaDiffer.compare(reference: labeled(.drizzle, edit: reference), others: [labeled(.database, edit: database)], options: options)
    }
}

extension Catalog {
    /// Edits the table `public.name` in place.
    mutating func edit(_ name: String, schema: String = "public", _ body: (inout Table) -> Void) {
        guard let s = schemas.firstIndex(where: { $0.name == schema }),
              let t = schemas[s].tables.firstIndex(where: { $0.name == name }) else { fatalError("no table \(schema).\(name)") }
        body(&schemas[s].tables[t])
    }

    mutating func editColumn(_ table: String, _ column: String, _ body: (inout Column) -> Void) {
        edit(table) { t in
            guard let i = t.columns.firstIndex(where: { $0.name == column }) else { fatalError("no column \(column)") }
            body(&t.columns[i])
        }
    }

    mutating func removeTable(_ name: String) {
        schemas[0].tables.removeAll { $0.name == name }
    }
}

/// The parts of a finding a test pins down.
struct Expect: Hashable, CustomStringConvertible {
    var id: String
    var severity: Severity
    var key: String
    var expected: String?
    var actual: String?

    init(_ id: String, _ severity: Severity, _ key: String, _ expected: String?, _ actual: String?) {
        self.id = id
        self.severity = severity
        self.key = key
        self.expected = expected
        self.actual = actual
    }

    init(_ f: Finding) { self.init(f.id, f.severity, f.objectKey, f.expected, f.actual) }

    var description: String { "\(id) \(severity) \(key) expected=\(expected ?? "nil") actual=\(actual ?? "nil")" }
}
