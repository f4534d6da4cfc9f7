import SchemaModel

/// What to compare and how to treat what is found.
public struct DiffOptions: Hashable, Sendable {
    /// Schemas Supabase owns and the application does not: excluded unless named in ``schemas``.
    public static let supabaseOwnedSchemas: Set<String> = [
        "auth", "storage", "realtime", "extensions", "graphql", "graphql_public", "vault", "pgsodium",
        "cron", "net", "supabase_functions", "supabase_migrations", "pgbouncer",
    ]

    /// PostgreSQL's own schemas: never application schemas.
    public static let systemSchemas: Set<String> = ["pg_catalog", "information_schema", "pg_toast"]

    /// The default exclusions: Supabase-owned and PostgreSQL system schemas.
    public static let defaultExcludedSchemas: Set<String> = supabaseOwnedSchemas.union(systemSchemas)

    /// Only these schemas, when set. A schema named here is compared even if it is also excluded.
    public var schemas: Set<String>?
    /// Schemas never compared (unless named in ``schemas``). References into them (`auth.users`) are
    /// still compared as names.
    public var excludedSchemas: Set<String>
    /// Findings matching any of these are dropped (and counted in ``DiffResult/ignoredCount``).
    public var ignores: [IgnoreRule]
    /// Severity per finding id (or glob on ids), applied before ignores.
    public var severityOverrides: [String: Severity]
    /// Fingerprints (``Finding/fingerprint``) of accepted findings (`--baseline`): dropped like ignores.
    public var baseline: Set<String>
    /// Whether client-side defaults (`$defaultFn`, `default=`) become `column_client_default` info
    /// findings. Off by default: they are not drift (the database cannot know them) and the column
    /// matrix already shows them, so a source compared with a database built from it stays at zero
    /// findings.
    public var reportClientDefaults: Bool
    /// Whether the cells of ``ComparisonRow`` carry descriptions of what each source states. Only
    /// the Markdown matrices show them; a report without matrices (text, JSON, SARIF, JUnit, GitHub)
    /// turns this off and every present cell is `.present("")`. Rows, their kinds and whether they
    /// match are the same either way.
    public var describesCells: Bool = true

    /// Options with the default exclusions (Supabase-owned and system schemas) and nothing ignored.
    public init(
        schemas: Set<String>? = nil, excludedSchemas: Set<String> = DiffOptions.defaultExcludedSchemas,
        ignores: [IgnoreRule] = [], severityOverrides: [String: Severity] = [:], baseline: Set<String> = [],
        reportClientDefaults: Bool = false
    ) {
        self.reportClientDefaults = reportClientDefaults
        self.schemas = schemas
        self.excludedSchemas = excludedSchemas
        self.ignores = ignores
        self.severityOverrides = severityOverrides
        self.baseline = baseline
    }

    /// Whether an ignore pattern or the baseline drops `finding`.
    func drops(_ finding: Finding) -> Bool {
        baseline.contains(finding.fingerprint) || ignores.contains { $0.matches(finding) }
    }

    /// Whether objects in `schema` are compared.
    public func includes(schema: String) -> Bool {
        if let schemas { return schemas.contains(schema) }
        return !excludedSchemas.contains(schema)
    }

    /// The severity `finding` ends up with: an exact id override wins over a glob one; among globs the
    /// lexicographically first pattern wins, so the result never depends on dictionary order.
    func severity(for finding: Finding) -> Severity {
        if let exact = severityOverrides[finding.id] { return exact }
        for pattern in severityOverrides.keys.sorted() where Glob.matches(pattern, finding.id) {
            return severityOverrides[pattern]!
        }
        return finding.severity
    }
}

/// One ignore entry: a glob on finding ids or object keys, optionally `id:key-glob` for both at once.
///
/// `public.legacy_*` drops every finding about tables starting with `legacy_` (and their columns,
/// since `*` spans dots); `column_default_mismatch` drops that id everywhere;
/// `policy_*:public.profiles.*` drops policy findings on one table. A pattern that matches an ancestor
/// key (`public.audit_log`) also covers everything under it (`public.audit_log.created_at`).
public struct IgnoreRule: Hashable, Codable, Sendable {
    /// The glob: on finding ids, on object keys, or `id-glob:key-glob`.
    public var pattern: String
    /// Why it is ignored; shown by tools that list ignores, never used for matching.
    public var reason: String?

    /// Options with the default exclusions (Supabase-owned and system schemas) and nothing ignored.
    public init(_ pattern: String, reason: String? = nil) {
        self.pattern = pattern
        self.reason = reason
    }

    /// Whether this rule drops `finding`.
    public func matches(_ finding: Finding) -> Bool {
        if let colon = pattern.firstIndex(of: ":") {
            let idPattern = String(pattern[..<colon])
            let keyPattern = String(pattern[pattern.index(after: colon)...])
            return Glob.matches(idPattern, finding.id) && Self.matchesKey(keyPattern, finding.objectKey)
        }
        return Glob.matches(pattern, finding.id) || Self.matchesKey(pattern, finding.objectKey)
    }

    /// The key or any of its dot-separated ancestors matches.
    static func matchesKey(_ pattern: String, _ key: String) -> Bool {
        if Glob.matches(pattern, key) { return true }
        var prefix = Substring(key)
        while let dot = prefix.lastIndex(of: ".") {
            prefix = prefix[..<dot]
            if Glob.matches(pattern, String(prefix)) { return true }
        }
        return false
    }
}

/// Minimal glob: `*` any run of characters (dots included), `?` one character, everything else literal.
enum Glob {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.unicodeScalars)
        let t = Array(text.unicodeScalars)
        var pi = 0, ti = 0
        var starP = -1, starT = 0
        // Classic linear backtracking over the last star: O(len(p) * len(t)) worst case, tiny inputs.
        while ti < t.count {
            if pi < p.count, p[pi] == "?" || (p[pi] != "*" && p[pi] == t[ti]) {
                pi += 1
                ti += 1
            } else if pi < p.count, p[pi] == "*" {
                starP = pi
                starT = ti
                pi += 1
            } else if starP >= 0 {
                pi = starP + 1
                starT += 1
                ti = starT
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
