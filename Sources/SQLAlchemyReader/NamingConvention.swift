import SchemaModel

/// A `MetaData(naming_convention=...)` applied to one table, plus SQLAlchemy's default `ix_` names.
struct NamingConvention {
    var templates: [String: String]
    var table: String
    /// The schema the code states (part of `%(column_0_label)s`).
    var schema: String?

    /// SQLAlchemy's default: `{"ix": "ix_%(column_0_label)s"}`.
    static let defaultIndexTemplate = "ix_%(column_0_label)s"

    /// The convention's name for a constraint of kind `key` (`ix`, `uq`, `ck`, `fk`, `pk`), or nil
    /// when the convention does not apply (no template; or an explicit name the template does not use).
    ///
    /// The columns are gathered only when a template is filled in: most constraints either have no
    /// template or keep their explicit name, and gathering them copied column specs for nothing.
    func name(
        _ key: String, columns gather: @autoclosure () -> [ColumnSpec], given: String?, referredTable: String? = nil,
        referredColumns gatherReferred: @autoclosure () -> [String] = []
    ) -> String? {
        let stated = templates.isEmpty ? nil : templates[key]
        guard let template = stated ?? (key == "ix" ? Self.defaultIndexTemplate : nil) else { return nil }
        let usesName = template.containsBytes("%(constraint_name)s")
        if given != nil, !usesName { return nil }
        if given == nil, usesName { return nil }
        let columns = gather()
        if given == nil, columns.isEmpty, template.containsBytes("%(column_0") { return nil }
        let referredColumns = gatherReferred()
        var out = ""
        var position = 0
        let bytes = Array(template.utf8)
        while let open = template.firstByteOffset(of: "%(", from: position) {
            out += String(decoding: bytes[position..<open], as: UTF8.self)
            guard let close = template.firstByteOffset(of: ")s", from: open + 2) else {
                position = open
                break
            }
            let token = String(decoding: bytes[(open + 2)..<close], as: UTF8.self)
            out += render(token, columns: columns, given: given, referredTable: referredTable, referredColumns: referredColumns)
            position = close + 2
        }
        let rest = String(decoding: bytes[position...], as: UTF8.self)
        out += rest
        return Self.truncated(out)
    }

    /// `ix_<label>` for `Column(index=True)` when no convention says otherwise.
    func defaultIndexName(_ column: ColumnSpec) -> String {
        name("ix", columns: [column], given: nil) ?? Self.truncated("ix_" + label(column))
    }

    private func label(_ column: ColumnSpec) -> String {
        (schema.map { $0 + "_" } ?? "") + table + "_" + column.name
    }

    private func render(_ token: String, columns: [ColumnSpec], given: String?, referredTable: String?, referredColumns: [String]) -> String {
        switch token {
        case "table_name": return table
        case "constraint_name": return given ?? ""
        case "referred_table_name": return referredTable ?? ""
        case "column_0_name": return columns.first?.name ?? ""
        case "column_0_key": return columns.first?.key ?? ""
        case "column_0_label": return columns.first.map(label) ?? ""
        case "column_0N_name": return columns.map(\.name).joined()
        case "column_0_N_name": return columns.map(\.name).joined(separator: "_")
        case "column_0N_label": return columns.map(label).joined()
        case "column_0_N_label": return columns.map(label).joined(separator: "_")
        case "column_0N_key": return columns.map(\.key).joined()
        case "column_0_N_key": return columns.map(\.key).joined(separator: "_")
        case "referred_column_0_name": return referredColumns.first ?? ""
        case "referred_column_0N_name": return referredColumns.joined()
        case "referred_column_0_N_name": return referredColumns.joined(separator: "_")
        default: return "%(" + token + ")s"
        }
    }

    /// SQLAlchemy shortens a generated name longer than PostgreSQL's 63 bytes to its first 55 bytes,
    /// `_` and the last four hex digits of the name's MD5.
    static func truncated(_ name: String) -> String {
        let bytes = Array(name.utf8)
        guard bytes.count > Identifier.maxLength else { return name }
        let digest = MD5.hex(bytes)
        return String(decoding: bytes[0..<(Identifier.maxLength - 8)], as: UTF8.self) + "_" + String(digest.suffix(4))
    }
}

/// Column names a CHECK expression refers to (for PostgreSQL's `t_col_check` naming).
enum SQLColumns {
    static func referenced(in sql: String, among columns: [String]) -> [String] {
        let known = Set(columns)
        var found: [String] = []
        let tokens = DDLParser.tokenize(sql)
        for (k, token) in tokens.enumerated() where token.isWord {
            if k + 1 < tokens.count, tokens[k + 1].text == "(" { continue }
            if known.contains(token.folded), !found.contains(token.folded) { found.append(token.folded) }
        }
        return found
    }
}
