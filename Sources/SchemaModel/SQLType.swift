/// A column type in canonical form: PostgreSQL's own name (`format_type` spelling), its modifiers and
/// array dimensions. Two sources agree on a type exactly when their `SQLType`s are equal.
public struct SQLType: Hashable, Sendable, CustomStringConvertible {
    /// Canonical base name: `integer`, `character varying`, `timestamp with time zone`, or a
    /// schema-qualified user type such as `public.mood`.
    public var name: String
    /// Type modifiers, lower-cased: `["255"]`, `["10", "2"]`, `["point", "4326"]`.
    public var modifiers: [String]
    /// `0` for a scalar, `1` for `integer[]`; PostgreSQL does not enforce dimensions, but sources state them.
    public var arrayDimensions: Int

    public init(_ name: String, modifiers: [String] = [], arrayDimensions: Int = 0) {
        self.name = name
        self.modifiers = modifiers
        self.arrayDimensions = arrayDimensions
    }

    /// The same type as a one-dimensional (or one more dimension) array.
    public var arrayOf: SQLType {
        var copy = self
        copy.arrayDimensions += 1
        return copy
    }

    /// The element type of an array type (the type itself for a scalar).
    public var element: SQLType {
        var copy = self
        copy.arrayDimensions = 0
        return copy
    }

    /// PostgreSQL's spelling: `character varying(255)`, `timestamp(3) with time zone`, `integer[]`.
    public var description: String {
        // Most types carry no modifiers and no array dimensions: the name is the whole text.
        if modifiers.isEmpty && arrayDimensions == 0 { return name }
        var text: String
        let mods = modifiers.isEmpty ? "" : "(" + modifiers.joined(separator: ",") + ")"
        // The prefix test comes first: finding a Character in `character varying` walks graphemes.
        if !mods.isEmpty, name.hasPrefix("timestamp ") || name.hasPrefix("time "),
            let space = name.firstIndex(of: " ")
        {
            // PostgreSQL writes the precision between the word and the zone: timestamp(3) with time zone.
            text = String(name[..<space]) + mods + String(name[space...])
        } else {
            text = name + mods
        }
        text += String(repeating: "[]", count: arrayDimensions)
        return text
    }

    public static let integer = SQLType("integer")
    public static let smallint = SQLType("smallint")
    public static let bigint = SQLType("bigint")
    public static let text = SQLType("text")
    public static let boolean = SQLType("boolean")
    public static let uuid = SQLType("uuid")
    public static let jsonb = SQLType("jsonb")
    public static let json = SQLType("json")
    public static let date = SQLType("date")
    public static let doublePrecision = SQLType("double precision")
    public static let real = SQLType("real")
    public static let numeric = SQLType("numeric")
    public static let bytea = SQLType("bytea")
    public static let timestamp = SQLType("timestamp without time zone")
    public static let timestampWithTimeZone = SQLType("timestamp with time zone")
    public static let time = SQLType("time without time zone")
    public static let timeWithTimeZone = SQLType("time with time zone")
    public static let interval = SQLType("interval")

    /// `character varying(n)`, or unbounded `character varying` when `length` is nil.
    public static func varchar(_ length: Int? = nil) -> SQLType {
        SQLType("character varying", modifiers: length.map { [String($0)] } ?? [])
    }

    /// `character(n)`; bare `char` is `character(1)`.
    public static func char(_ length: Int = 1) -> SQLType {
        SQLType("character", modifiers: [String(length)])
    }

    /// `numeric(p, s)`, `numeric(p)` or bare `numeric`.
    public static func numeric(precision: Int?, scale: Int? = nil) -> SQLType {
        guard let precision else { return .numeric }
        return SQLType("numeric", modifiers: [String(precision)] + (scale.map { [String($0)] } ?? []))
    }
}

extension SQLType: Codable {
    /// Encoded as PostgreSQL's spelling (`character varying(255)[]`), the form users read and write.
    public init(from decoder: Decoder) throws {
        self = TypeCanonicalizer.canonicalize(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
