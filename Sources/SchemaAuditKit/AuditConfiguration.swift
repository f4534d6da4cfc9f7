import Foundation
import SchemaDiff
import SchemaModel
import Yams

/// The settings of `.schema-audit.yml`: the same as `compare`'s options plus ignores with reasons and
/// severity overrides.
///
/// ```yaml
/// sources:
///   - kind: drizzle          # drizzle, sqlalchemy or database
///     label: web             # optional
///     paths: [web/db]        # files or directories (database: url: ...)
///   - kind: database
///     url: ""                # empty: the PG* environment
/// reference: drizzle
/// schemas: [public]
/// fail-on: warning           # error, warning, info or never
/// ignores:
///   - pattern: public.legacy_*
///     reason: dropped next release
/// severity:
///   column_default_mismatch: info
/// drizzle-casing: snake_case    # or camelCase; default: detected
/// sqlalchemy-schema: app        # schema for models whose schema is set at run time
/// client-defaults: true         # report client-side defaults as info findings
/// statement-timeout: 30000      # catalog statement timeout, milliseconds
/// catalog-connections: 1        # connections per database (default 2: large catalogs on two)
/// ```
///
/// Any key not listed here is an error naming `file:line:col`, so a typo never silently does nothing.
public struct AuditConfiguration: Hashable, Sendable {
    /// The file `compare` reads from the current directory when `--config` is not given.
    public static let defaultFileName = ".schema-audit.yml"

    public var sources: [SourceSpec] = []
    public var reference: String?
    public var schemas: [String] = []
    /// `error`, `warning`, `info` or `never`.
    public var failOn: String?
    public var ignores: [IgnoreRule] = []
    public var severityOverrides: [String: Severity] = [:]
    /// `snake_case` or `camelCase`.
    public var drizzleCasing: String?
    public var sqlalchemySchema: String?
    /// Whether client-side defaults become info findings (``DiffOptions/reportClientDefaults``).
    public var clientDefaults: Bool?
    /// Statement timeout for catalog queries, in milliseconds.
    public var statementTimeoutMilliseconds: Int?
    /// Connections per database, 1 or 2.
    public var catalogConnections: Int?

    /// An empty configuration (all defaults).
    public init() {}

    /// Reads and parses `path`. Throws ``AuditError`` (exit 2) for unreadable or invalid files.
    public static func load(path: String) throws -> AuditConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AuditError("cannot read configuration '\(path)': no such file")
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    /// Parses configuration text; `path` names the file in error messages.
    public static func parse(_ text: String, path: String) throws -> AuditConfiguration {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw AuditError("\(path): invalid YAML: \(error)".replacingOccurrences(of: "\n", with: " "))
        }
        var configuration = AuditConfiguration()
        guard let root else { return configuration }
        let reader = NodeReader(path: path)
        for (key, value) in try reader.mapping(root) {
            switch key.string ?? "" {
            case "sources": configuration.sources = try reader.sequence(value).map { try reader.source($0) }
            case "reference": configuration.reference = try reader.string(value)
            case "schemas": configuration.schemas = try reader.strings(value)
            case "fail-on":
                let text = try reader.string(value)
                guard text == "never" || Severity(rawValue: text) != nil else {
                    throw reader.error(value, "fail-on must be error, warning, info or never; got '\(text)'")
                }
                configuration.failOn = text
            case "ignores": configuration.ignores = try reader.sequence(value).map { try reader.ignore($0) }
            case "severity":
                for (id, level) in try reader.mapping(value) {
                    let text = try reader.string(level)
                    guard let severity = Severity(rawValue: text) else {
                        throw reader.error(level, "severity must be error, warning or info; got '\(text)'")
                    }
                    configuration.severityOverrides[try reader.string(id)] = severity
                }
            case "drizzle-casing":
                let text = try reader.string(value)
                guard text == "snake_case" || text == "camelCase" else {
                    throw reader.error(value, "drizzle-casing must be snake_case or camelCase; got '\(text)'")
                }
                configuration.drizzleCasing = text
            case "sqlalchemy-schema": configuration.sqlalchemySchema = try reader.string(value)
            case "client-defaults": configuration.clientDefaults = try reader.bool(value)
            case "statement-timeout":
                let text = try reader.string(value)
                guard let milliseconds = Int(text), milliseconds > 0 else {
                    throw reader.error(value, "statement-timeout must be a positive number of milliseconds; got '\(text)'")
                }
                configuration.statementTimeoutMilliseconds = milliseconds
            case "catalog-connections":
                let text = try reader.string(value)
                guard let count = Int(text), count == 1 || count == 2 else {
                    throw reader.error(value, "catalog-connections must be 1 or 2; got '\(text)'")
                }
                configuration.catalogConnections = count
            default: throw reader.unknownKey(key)
            }
        }
        return configuration
    }
}

/// Typed access to Yams nodes with `file:line:col` errors.
private struct NodeReader {
    var path: String

    func error(_ node: Node, _ message: String) -> AuditError {
        guard let mark = node.mark else { return AuditError("\(path): \(message)") }
        return AuditError("\(path):\(mark.line):\(mark.column): \(message)")
    }

    func unknownKey(_ key: Node) -> AuditError {
        error(key, "unknown key '\(key.string ?? "?")'")
    }

    func mapping(_ node: Node) throws -> [(Node, Node)] {
        guard case .mapping(let mapping) = node else { throw error(node, "expected a mapping") }
        return mapping.map { ($0.key, $0.value) }
    }

    func sequence(_ node: Node) throws -> [Node] {
        guard case .sequence(let sequence) = node else { throw error(node, "expected a list") }
        return Array(sequence)
    }

    func string(_ node: Node) throws -> String {
        guard case .scalar(let scalar) = node else { throw error(node, "expected a string") }
        return scalar.string
    }

    func bool(_ node: Node) throws -> Bool {
        switch try string(node) {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        case let other: throw error(node, "expected true or false; got '\(other)'")
        }
    }

    func strings(_ node: Node) throws -> [String] {
        if case .scalar = node { return [try string(node)] }
        return try sequence(node).map { try string($0) }
    }

    func source(_ node: Node) throws -> SourceSpec {
        var kind: SourceKind?
        var label: String?
        var values: [String] = []
        for (key, value) in try mapping(node) {
            switch key.string ?? "" {
            case "kind":
                let text = try string(value)
                guard let parsed = SourceKind(rawValue: text) else {
                    throw error(value, "kind must be drizzle, sqlalchemy or database; got '\(text)'")
                }
                kind = parsed
            case "label": label = try string(value)
            case "paths", "path": values += try strings(value)
            case "url": values.append(try string(value))
            default: throw unknownKey(key)
            }
        }
        guard let kind else { throw error(node, "a source needs a kind") }
        if kind == .database && values.count != 1 { throw error(node, "a database source needs one url") }
        if kind != .database && values.isEmpty { throw error(node, "a \(kind.rawValue) source needs paths") }
        return SourceSpec(kind: kind, label: label, values: values)
    }

    func ignore(_ node: Node) throws -> IgnoreRule {
        var pattern: String?
        var reason: String?
        for (key, value) in try mapping(node) {
            switch key.string ?? "" {
            case "pattern": pattern = try string(value)
            case "reason": reason = try string(value)
            default: throw unknownKey(key)
            }
        }
        guard let pattern, !pattern.isEmpty else { throw error(node, "an ignore needs a pattern") }
        guard let reason, !reason.isEmpty else { throw error(node, "ignore '\(pattern)' needs a reason") }
        return IgnoreRule(pattern, reason: reason)
    }
}
