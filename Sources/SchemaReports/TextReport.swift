import SchemaModel

/// The terminal report: one line per finding in the compiler style editors understand,
/// `path:line:col: error: [column_type_mismatch] message`, then one summary line.
public enum TextReport {
    /// All finding lines, then `PASS: ...` or `FAIL: ...` with the counts.
    public static func render(_ result: DiffResult, options: RenderOptions = RenderOptions()) -> String {
        var out = ""
        for finding in result.findings {
            out += line(finding, color: options.color) + "\n"
        }
        let summary = ReportSummary(result: result, failOn: options.failOn)
        var last = "\(summary.verdict): \(summary.counts)"
        if result.ignoredCount > 0 { last += " (\(result.ignoredCount) ignored)" }
        last += " in \(result.tables.count) table\(result.tables.count == 1 ? "" : "s") across \(result.sourceLabels.count) sources"
        out += (options.color ? paint(last, summary.passed ? "\u{1B}[1;32m" : "\u{1B}[1;31m") : last) + "\n"
        return out
    }

    /// `path:line:col: severity: [id] message`, the location left out when the finding has none.
    public static func line(_ finding: Finding, color: Bool = false) -> String {
        let word = color ? paint(finding.severity.rawValue, code(finding.severity)) : finding.severity.rawValue
        let text = "\(word): [\(finding.id)] \(finding.message)"
        guard let location = finding.primaryLocation else { return text }
        return "\(location): \(text)"
    }

    private static func code(_ severity: Severity) -> String {
        switch severity {
        case .error: return "\u{1B}[1;31m"
        case .warning: return "\u{1B}[1;33m"
        case .info: return "\u{1B}[36m"
        }
    }

    private static func paint(_ text: String, _ code: String) -> String { code + text + "\u{1B}[0m" }
}
