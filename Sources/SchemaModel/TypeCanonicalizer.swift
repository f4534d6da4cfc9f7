/// Turns any spelling of a PostgreSQL column type into its canonical ``SQLType``.
///
/// One table of aliases serves every source: `int4`, `integer`, Drizzle's `integer()` and SQLAlchemy's
/// `Integer` all arrive here as SQL spellings. A spelling it does not know is kept, lower-cased and
/// whitespace-normalized, so it still compares sensibly and never fails.
public enum TypeCanonicalizer {
    /// The result of canonicalizing a spelling: the type, and whether it was a `serial` pseudo-type
    /// (which also implies a `nextval` default and `NOT NULL`).
    public struct Result: Hashable, Sendable {
        public var type: SQLType
        public var isSerial: Bool
    }

    /// Canonical type of a spelling such as `varchar(255)`, `timestamptz`, `int4[]` or `_text`.
    public static func canonicalize(_ spelling: String) -> SQLType {
        parse(spelling).type
    }

    /// Canonical type and serial flag of a spelling.
    public static func parse(_ spelling: String) -> Result {
        var text = normalizeSpace(spelling)
        var dimensions = 0

        // Array suffixes: `[]`, `[3]`, ` array`, ` array[3]` (the last is one dimension, not two).
        while true {
            if text.hasSuffix("]"), let open = text.lastIndex(of: "[") {
                text = String(text[..<open]).trimmingTrailingSpaces()
                if text.hasSuffix(" array") { text = String(text.dropLast(6)).trimmingTrailingSpaces() }
                dimensions += 1
            } else if text.hasSuffix(" array") {
                text = String(text.dropLast(6)).trimmingTrailingSpaces()
                dimensions += 1
            } else {
                break
            }
        }

        // The modifier group may stand in the middle: `timestamp(3) with time zone`.
        var modifiers: [String] = []
        if let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") {
            let inner = text[text.index(after: open)..<close]
            modifiers = inner.split(separator: ",").map {
                normalizeSpace(String($0)).filter { $0 != " " }
            }
            text = normalizeSpace(String(text[..<open]) + " " + String(text[text.index(after: close)...]))
        }

        // PostgreSQL's internal array names (`_int4`) from pg_type.typname.
        if text.hasPrefix("_"), dimensions == 0, let element = aliases[String(text.dropFirst())] {
            text = element.name
            dimensions = 1
        }

        if text.hasPrefix("pg_catalog.") { text = String(text.dropFirst("pg_catalog.".count)) }
        // A quoted name is the type of that exact name: `"varchar"` is varchar, `"int4"` is integer,
        // but `"char"` is PostgreSQL's one-byte internal type, not `character(1)`.
        if text.hasPrefix("\""), text.hasSuffix("\""), text.count > 2 {
            let inner = String(text.dropFirst().dropLast())
            if inner != "char", inner.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }) {
                text = inner
            }
        }

        var isSerial = false
        var name: String
        if let serial = serialAliases[text] {
            name = serial
            isSerial = true
        } else if let known = aliases[text] {
            name = known.name
            if modifiers.isEmpty, let implied = known.impliedModifiers { modifiers = implied }
        } else if text == "float" || text == "float8" || text == "double" {
            name = "double precision"
        } else if text.hasPrefix("interval") {
            name = text  // `interval day to second` keeps its fields
        } else {
            name = text
        }

        // float(p): 1...24 is real, 25...53 is double precision; the precision is not kept.
        if text == "float", let p = modifiers.first.flatMap({ Int($0) }) {
            name = p <= 24 ? "real" : "double precision"
            modifiers = []
        }
        if name == "double precision" || name == "real" { modifiers = [] }
        // numeric(p) is numeric(p,0); bpchar(n) is character(n).
        if name == "numeric", modifiers.count == 1 { modifiers.append("0") }
        if name == "bpchar", !modifiers.isEmpty { name = "character" }

        return Result(type: SQLType(name, modifiers: modifiers, arrayDimensions: dimensions), isSerial: isSerial)
    }

    private struct Alias {
        var name: String
        var impliedModifiers: [String]? = nil
    }

    private static let serialAliases: [String: String] = [
        "serial": "integer", "serial4": "integer",
        "smallserial": "smallint", "serial2": "smallint",
        "bigserial": "bigint", "serial8": "bigint",
    ]

    private static let aliases: [String: Alias] = {
        var table: [String: Alias] = [:]
        func add(_ canonical: String, _ spellings: [String], implied: [String]? = nil) {
            table[canonical] = Alias(name: canonical, impliedModifiers: implied)
            for spelling in spellings { table[spelling] = Alias(name: canonical, impliedModifiers: implied) }
        }
        add("integer", ["int", "int4", "signed integer"])
        add("smallint", ["int2"])
        add("bigint", ["int8"])
        add("boolean", ["bool"])
        add("text", [])
        add("character varying", ["varchar", "char varying", "nvarchar", "national character varying"])
        add("character", ["char", "nchar", "national character"], implied: ["1"])
        add("bpchar", [])
        add("numeric", ["decimal", "dec"])
        add("real", ["float4"])
        add("double precision", ["float8"])
        add("money", [])
        add("json", [])
        add("jsonb", [])
        add("uuid", [])
        add("date", [])
        add("bytea", [])
        add("inet", [])
        add("cidr", [])
        add("macaddr", [])
        add("macaddr8", [])
        add("point", [])
        add("line", [])
        add("lseg", [])
        add("box", [])
        add("path", [])
        add("polygon", [])
        add("circle", [])
        add("tsvector", [])
        add("tsquery", [])
        add("xml", [])
        add("oid", [])
        add("citext", [])
        add("time without time zone", ["time"])
        add("time with time zone", ["timetz"])
        add("timestamp without time zone", ["timestamp"])
        add("timestamp with time zone", ["timestamptz"])
        add("interval", [])
        add("bit", [], implied: ["1"])
        add("bit varying", ["varbit"])
        return table
    }()

    /// Lower-cases (outside double quotes) and folds runs of white space into one space.
    static func normalizeSpace(_ text: String) -> String {
        var out = ""
        var inQuotes = false
        var pendingSpace = false
        for ch in text {
            if ch == "\"" { inQuotes.toggle() }
            if !inQuotes, ch.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                // No space before `(`/`[`/`,`/`)` or after `(`/`,`: `timestamp (3)` is `timestamp(3)`.
                if !"([,)]".contains(ch), !(out.last.map { "(,".contains($0) } ?? false) { out.append(" ") }
                pendingSpace = false
            }
            out.append(inQuotes ? ch : Character(ch.lowercased()))
        }
        return out
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
