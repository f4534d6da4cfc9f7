import SchemaModel

/// The list behind `schema-audit rules` (or `compare --list-findings`): every finding id the diff
/// produces, its default severity and a one-line explanation, in id order.
public enum RuleList {
    /// `id  severity  explanation`, one line per id, columns aligned.
    public static func text() -> String {
        let kinds = FindingKind.allCases.sorted { $0.id < $1.id }
        let width = kinds.map(\.id.count).max() ?? 0
        return kinds.map { kind in
            kind.id + String(repeating: " ", count: width - kind.id.count + 2)
                + kind.defaultSeverity.rawValue + String(repeating: " ", count: 9 - kind.defaultSeverity.rawValue.count)
                + kind.explanation + "\n"
        }.joined()
    }

    /// A Markdown table of the same (for the README or documentation).
    public static func markdown() -> String {
        var lines = ["| id | default severity | meaning |", "|---|---|---|"]
        for kind in FindingKind.allCases.sorted(by: { $0.id < $1.id }) {
            lines.append("| `\(kind.id)` | \(kind.defaultSeverity.rawValue) | \(MarkdownText.cell(kind.explanation)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same as JSON: `[{ "id", "severity", "objectKind", "explanation" }]`, sorted by id.
    public static func json() -> String {
        JSONValue.array(FindingKind.allCases.sorted { $0.id < $1.id }.map { kind in
            .object([
                "id": .string(kind.id), "severity": .string(kind.defaultSeverity.rawValue),
                "objectKind": .string(kind.objectKind.rawValue), "explanation": .string(kind.explanation),
            ])
        }).rendered()
    }
}
