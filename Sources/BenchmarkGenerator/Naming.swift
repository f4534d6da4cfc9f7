/// Name spelling shared by the writers: padded numbers, camelCase, PascalCase.
enum Naming {
    /// `n` in decimal, left-padded with zeros to `width` digits.
    static func padded(_ n: Int, width: Int) -> String {
        let digits = String(n)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// `owner_id` -> `ownerId`, `invoices_0042` -> `invoices0042`.
    static func camel(_ snake: String) -> String {
        var out = ""
        var upper = false
        for c in snake {
            if c == "_" {
                upper = true
            } else {
                out.append(upper ? Character(c.uppercased()) : c)
                upper = false
            }
        }
        return out
    }

    /// `invoices_0042` -> `Invoices0042`.
    static func pascal(_ snake: String) -> String {
        let c = camel(snake)
        guard let first = c.first else { return c }
        return first.uppercased() + c.dropFirst()
    }

    /// SQL string literal.
    static func sqlString(_ text: String) -> String { "'" + text.replacingAll("'", "''") + "'" }
}

extension String {
    /// Replaces every occurrence of `target` (non-empty) without Foundation.
    func replacingAll(_ target: String, _ replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
