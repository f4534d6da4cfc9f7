import SchemaModel
import SourceScanning

/// A value the evaluator computes from a schema file: literals, objects, functions, and the
/// Drizzle objects (builder chains, column references, SQL fragments) the interpreter turns into the
/// model. Anything it cannot compute statically is ``DrizzleValue/unknown(_:_:)`` with a reason.
///
/// Only the cases with large payloads are `indirect`: strings, numbers, arrays, objects and SQL are
/// stored inline, so the common values cost no box allocation each.
enum DrizzleValue {
    case string(String)
    /// A number: its value and its JavaScript spelling (`0`, `1.5`, `-3`).
    case number(Double, String)
    case boolean(Bool)
    case null
    case undefined
    case object(DrizzleObject)
    case array([DrizzleValue])
    indirect case closure(Closure)
    /// A symbol imported from `drizzle-orm` (`pgTable`, `varchar`, `sql`, `eq`, `pg.*` namespaces).
    case builtin(String)
    /// A call of a Drizzle builder with the methods chained onto it.
    indirect case chain(Chain)
    /// A method looked up on a chain, waiting for its call.
    indirect case method(Chain, String)
    case sql(SQLFragment)
    /// `t.col` of a table, possibly with index modifiers (`.desc()`, `.op('gin_trgm_ops')`).
    indirect case column(ColumnRef)
    /// A method looked up on a column reference (`t.col.desc`).
    indirect case columnMethod(ColumnRef, String)
    /// All exports of another module (`import * as schema`).
    case namespace(Int)
    indirect case unknown(String, SourceLocation?)

    var isUnknown: Bool {
        if case .unknown = self { return true }
        return false
    }

    var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    var numberValue: Double? {
        if case .number(let n, _) = self { return n }
        return nil
    }

    var intValue: Int? {
        guard let n = numberValue, n.isFinite, n == n.rounded(), abs(n) < 1e15 else { return nil }
        return Int(n)
    }

    var boolValue: Bool? {
        if case .boolean(let b) = self { return b }
        return nil
    }

    /// The named property of an object value, or nil.
    subscript(key: String) -> DrizzleValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }
}

/// An object literal's entries in order, each with where its key was written.
struct DrizzleObject {
    struct Entry {
        var key: String
        var value: DrizzleValue
        /// Where the key was written; resolved to a location only when needed.
        var site: Site?
        var location: SourceLocation? { site?.location }
    }

    var entries: [Entry] = []

    /// Key prefix of the marker entry left where a `...spread` could not be resolved.
    static let unresolvedSpread = "\u{0}spread@"

    subscript(key: String) -> DrizzleValue? {
        entries.last { $0.key == key }?.value
    }

    mutating func set(_ key: String, _ value: DrizzleValue, _ site: Site?) {
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index] = Entry(key: key, value: value, site: site)
        } else {
            entries.append(Entry(key: key, value: value, site: site))
        }
    }
}

/// An arrow function with the module and local scope it was written in.
struct Closure {
    var params: [TSParameter]
    var body: TSExpr
    var module: Int
    var scope: Scope
}

/// The files being read, shared by reference so that values can carry cheap positions and resolve
/// them to locations and source text only when something needs them.
final class SourceSet {
    /// Read on every location lookup; never accessed from two places at once.
    @exclusivity(unchecked) var files: [SourceFile] = []
}

/// A span of source: where a call starts (for locations) and the text to show as its spelling.
struct Site {
    /// Unowned: the evaluator owns the source set for the whole read and every value holding a site
    /// lives inside that read, so copying a site need not retain it.
    unowned(unsafe) let sources: SourceSet
    let module: Int
    let start: Int
    let rawStart: Int
    let end: Int

    var location: SourceLocation { sources.files[module].location(at: start) }
    var raw: String { sources.files[module].text(rawStart..<end) }
}

/// A Drizzle builder call and the methods chained onto it, e.g. `varchar('x', {length: 9}).notNull()`.
struct Chain {
    struct Call {
        var name: String
        var args: [DrizzleValue]
        var site: Site?
        /// The method call as written (`$defaultFn(() => x)`), for client-side defaults.
        var raw: String { site?.raw ?? name + "()" }
    }

    /// The builder's name (`varchar`, `pgTable`, `index`, ...).
    var root: String
    var args: [DrizzleValue]
    var calls: [Call] = []
    var site: Site?
    /// The object the builder was called on: the `pgSchema` for `s.table()`, the table creator's
    /// function for a prefixed `pgTable`, the enum for an enum column.
    var target: Box?

    /// Where the builder call starts.
    var location: SourceLocation? { site?.location }
    /// The root call as written (`varchar('email', { length: 255 })`).
    var raw: String { site?.raw ?? root + "()" }

    func has(_ name: String) -> Bool { calls.contains { $0.name == name } }
    func last(_ name: String) -> Call? { calls.last { $0.name == name } }
}

/// Heap storage so that a chain can hold another value without making the enum infinitely large.
final class Box {
    let value: DrizzleValue
    init(_ value: DrizzleValue) { self.value = value }
}

/// A reference to a column of a table, as `t.col` or `() => users.id` produce it.
struct ColumnRef {
    var table: QualifiedName
    /// The column's database name.
    var column: String
    /// The name as drizzle-orm knows it before casing is applied (explicit name, else the key).
    var rawName: String
    var descending = false
    var nullsFirst: Bool?
    var operatorClass: String?
}

/// A `sql` template (or a helper such as `eq()`) as text pieces and column references; rendered to
/// SQL text once it is known whether columns are written bare (indexes) or table-qualified.
struct SQLFragment {
    enum Part {
        case text(String)
        case column(ColumnRef)
        case table(QualifiedName)
        case unresolved(String)
    }

    var parts: [Part] = []

    static func text(_ s: String) -> SQLFragment { SQLFragment(parts: [.text(s)]) }

    mutating func append(_ other: SQLFragment) { parts += other.parts }

    /// An upper bound of ``render(qualified:defaultSchema:)``'s length in bytes: each name with its
    /// quotes and dot.
    private var renderedSizeEstimate: Int {
        var size = 0
        for part in parts {
            switch part {
            case .text(let s), .unresolved(let s): size += s.utf8.count
            case .column(let ref): size += ref.table.schema.utf8.count + ref.table.name.utf8.count + ref.column.utf8.count + 8
            case .table(let name): size += name.schema.utf8.count + name.name.utf8.count + 5
            }
        }
        return size
    }

    var isResolved: Bool {
        !parts.contains { if case .unresolved = $0 { return true } else { return false } }
    }

    /// SQL text: columns as `"col"` when `qualified` is false (indexes, defaults), else as
    /// `"table"."col"` (checks, policies, generated columns), as drizzle-orm renders them.
    func render(qualified: Bool, defaultSchema: String = "public") -> String {
        // Built as UTF-8 bytes sized once and decoded at the end: appending to a `String` piece by
        // piece cost a few hundred instructions per piece, most of a policy's reading.
        var out: [UInt8] = []
        out.reserveCapacity(renderedSizeEstimate)
        for part in parts {
            switch part {
            case .text(let s): out.appendUTF8(s)
            case .column(let ref):
                if qualified { out.appendTableQualifier(ref.table, defaultSchema: defaultSchema) }
                out.appendQuoted(ref.column)
            case .table(let name):
                if name.schema != defaultSchema {
                    out.appendQuoted(name.schema)
                    out.append(UInt8(ascii: "."))
                }
                out.appendQuoted(name.name)
            case .unresolved(let s): out.appendUTF8(s)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    /// The text with single quotes doubled, for use inside an SQL string literal.
    var sqlEscaped: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for ch in self {
            out.append(ch)
            if ch == "'" { out.append("'") }
        }
        return out
    }
}
