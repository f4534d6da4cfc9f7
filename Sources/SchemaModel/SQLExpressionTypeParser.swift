/// Type names after `::`, `CAST(... AS` and in typed literals, for ``SQLExpressionParser``.
extension SQLExpressionParser {
    /// A type name after `::` or `AS`: qualified words, multi-word names (`double precision`,
    /// `character varying`, `timestamp(3) with time zone`), modifiers and array suffixes.
    mutating func parseTypeName() throws -> SQLType {
        var text = ""
        guard let first = current, first.kind == .word || first.kind == .quotedIdentifier else { throw SQLParseError() }
        text = first.kind == .quotedIdentifier ? "\"" + first.text + "\"" : first.text
        pos += 1
        while atPunct("."), let next = peek(1), next.kind == .word || next.kind == .quotedIdentifier {
            text += "." + (next.kind == .quotedIdentifier ? "\"" + next.text + "\"" : next.text)
            pos += 2
        }
        func zoneSuffix(_ p: inout SQLExpressionParser, _ text: inout String) {
            if (p.atWord("with") || p.atWord("without")) && p.atWord("time", 1) && p.atWord("zone", 2) {
                text += " " + p.current!.text + " time zone"
                p.pos += 3
            }
        }
        while atWord("varying") || atWord("precision") {
            text += " " + current!.text
            pos += 1
        }
        zoneSuffix(&self, &text)
        if atPunct("(") {
            pos += 1
            var mods: [String] = []
            while let t = current, !t.isPunct(")") {
                if !t.isPunct(",") { mods.append(t.kind == .string ? t.text : t.text) }
                pos += 1
            }
            try expectPunct(")")
            text += "(" + mods.joined(separator: ",") + ")"
        }
        zoneSuffix(&self, &text)
        while atPunct("[") {
            pos += 1
            if peek()?.kind == .number { pos += 1 }
            try expectPunct("]")
            text += "[]"
        }
        if atWord("array") {
            pos += 1
            if atPunct("["), peek(1)?.kind == .number, atPunct("]", 2) { pos += 3 }
            text += "[]"
        }
        if text.hasPrefix("public.") { text.removeFirst("public.".count) }
        if let known = Self.commonTypes[text] { return known }
        return TypeCanonicalizer.canonicalize(text)
    }

    /// Canonical types of the names casts use most, so the common case skips the general
    /// (allocation-heavy) type canonicalizer.
    static let commonTypes: [String: SQLType] = {
        let names = [
            "text", "character varying", "varchar", "integer", "int", "int4", "bigint", "int8", "smallint",
            "numeric", "boolean", "bool", "jsonb", "json", "uuid", "date", "regclass", "regconfig", "name",
            "timestamp with time zone", "timestamp without time zone", "timestamptz", "timestamp",
            "interval", "double precision", "real", "bpchar", "text[]", "integer[]", "bigint[]", "uuid[]",
            "character varying[]", "time without time zone", "time with time zone", "bytea", "inet",
        ]
        var table: [String: SQLType] = [:]
        for name in names { table[name] = TypeCanonicalizer.canonicalize(name) }
        return table
    }()
}
