import SchemaModel

/// The compliance report a reviewer reads: verdict, sources, summary per object kind, then one section
/// per table (source-by-source matrices and the findings with locations and fixes), enums, and what
/// each source could not check. Tables where every source agrees are collapsed in `<details>` so a
/// thousand of them stay readable on GitHub.
public enum MarkdownReport {
    /// The whole report as GitHub-flavoured Markdown, ending with one newline.
    public static func render(_ result: DiffResult, sources: [SourceDescriptor], options: RenderOptions = RenderOptions()) -> String {
        var parts = pieces(result, sources: sources, options: options)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        // Each piece is appended and dropped, instead of joining them into a second copy.
        for i in parts.indices {
            bytes += parts[i]
            parts[i] = []
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The report as consecutive pieces of UTF-8 whose concatenation is ``render(_:sources:options:)``:
    /// the heading, summary and sources, one piece per table section, then enums and limitations.
    ///
    /// The table sections are most of the report (5 MB at 1,000 tables). A caller writing to a file
    /// writes each piece and drops it, and never holds the whole report at once; the bytes are never
    /// made into strings (checking 5 MB of UTF-8 again cost as much as writing the table cells).
    public static func pieces(_ result: DiffResult, sources: [SourceDescriptor], options: RenderOptions = RenderOptions()) -> [[UInt8]] {
        let summary = ReportSummary(result: result, failOn: options.failOn)
        let descriptors = ReportSummary.descriptors(result, sources)
        var lines: [String] = []
        lines.append("# " + MarkdownText.text(options.title))
        lines.append("")
        lines.append("\(summary.passed ? "✅" : "❌") **\(summary.verdict)**: \(summary.counts)"
            + (result.ignoredCount > 0 ? "; \(result.ignoredCount) ignored by configuration" : "")
            + (options.failOn.map { "; fails on \($0.rawValue)" } ?? "; never fails"))
        lines.append("")
        lines.append("Reference: **\(MarkdownText.text(result.referenceLabel))**. "
            + "Every other source is compared with it; \(result.tables.count) table\(result.tables.count == 1 ? "" : "s") "
            + "and \(result.enums.count) enum\(result.enums.count == 1 ? "" : "s") seen.")
        lines.append("")
        lines += sourcesSection(descriptors)
        lines += summarySection(summary)
        var tail = enumsSection(result, summary: summary)
        tail += otherFindingsSection(summary)
        tail += limitationsSection(result, descriptors)
        while tail.last == "" { tail.removeLast() }
        // Every line and table section is followed by a newline (the table sections end with theirs).
        var parts = [Array(lines.map { $0 + "\n" }.joined().utf8)]
        parts += tablesSection(result, summary: summary)
        parts.append(Array((tail.joined(separator: "\n") + "\n").utf8))
        return parts
    }

    static func sourcesSection(_ descriptors: [SourceDescriptor]) -> [String] {
        var lines = ["## Sources", "", MarkdownText.row(["source", "kind", "origin", "files", "schemas"]), "|---|---|---|---|---|"]
        for (i, d) in descriptors.enumerated() {
            lines.append(MarkdownText.row([
                MarkdownText.cell(d.label) + (i == 0 ? " (reference)" : ""), d.kind.rawValue,
                d.origin.isEmpty ? "" : MarkdownText.cell(d.origin),
                d.files.map(MarkdownText.cell).joined(separator: "<br>"),
                d.schemas.isEmpty ? "all" : d.schemas.map(MarkdownText.cell).joined(separator: ", "),
            ]))
        }
        return lines + [""]
    }

    static func summarySection(_ summary: ReportSummary) -> [String] {
        var lines = ["## Summary", "", MarkdownText.row(["object kind", "objects", "matching", "errors", "warnings", "info"]),
                     "|---|--:|--:|--:|--:|--:|"]
        for line in summary.kindLines {
            lines.append(MarkdownText.row([line.title, "\(line.objects)", "\(line.matching)", "\(line.errors)", "\(line.warnings)", "\(line.info)"]))
        }
        return lines + [""]
    }

    /// The "Tables" section as UTF-8 pieces: its heading, then one piece per table section.
    static func tablesSection(_ result: DiffResult, summary: ReportSummary) -> [[UInt8]] {
        guard !result.tables.isEmpty else { return [] }
        let groups = summary.findingsByTable
        // Each table's section is independent: render them on every core, join them in table order.
        // A section is written as UTF-8 bytes into one buffer sized up front and stays bytes (a
        // 1,000-table report has some 100,000 cells; a string per cell and per line, then string
        // appends of each separator, were most of the rendering).
        let sections = ParallelMap.map(result.tables) { table -> (matches: Bool, text: [UInt8]) in
            let findings = groups[table.name] ?? []
            var lines: [String] = []
            let matches = summary.tableMatches(table)
            if matches {
                let columns = table.rows.reduce(0) { $0 + ($1.kind == .column ? 1 : 0) }
                lines += ["<details>", "<summary>✅ \(MarkdownText.text(table.name.description))"
                    + " (\(columns) column\(columns == 1 ? "" : "s")\(findings.isEmpty ? "" : ", \(findings.count) info"))</summary>", ""]
            } else {
                lines += ["### ❌ " + MarkdownText.text(table.name.description), ""]
            }
            lines += findingList(findings)
            let head = lines.joined(separator: "\n")
            var bytes: [UInt8] = []
            bytes.reserveCapacity(head.utf8.count + bodySize(table, result: result) + 16)
            bytes.append(contentsOf: head.utf8)
            tableBody(table, result: result, into: &bytes)
            if matches { bytes.append(contentsOf: "\n</details>\n".utf8) }
            bytes.append(UInt8(ascii: "\n"))
            return (matches, bytes)
        }
        var parts = [Array("## Tables\n\n".utf8)]
        parts += sections.filter { !$0.matches }.map(\.text)
        let matching = sections.filter(\.matches).map(\.text)
        if !matching.isEmpty {
            parts.append(Array("### Matching tables\n\n".utf8))
            parts += matching
        }
        return parts
    }

    /// The matrices of one table (columns, then keys and indexes, then security, then triggers) as
    /// lines appended to `out`, each preceded by a newline, ending with an empty line.
    static func tableBody(_ table: TableComparison, result: DiffResult, into out: inout [UInt8]) {
        let missing = zip(result.sourceLabels, table.presentIn).filter { !$0.1 }.map { $0.0 }
        if !missing.isEmpty {
            out.append(contentsOf: ("\nNot in: " + missing.map { MarkdownText.text($0) }.joined(separator: ", ") + ".\n").utf8)
        }
        if table.presentIn.filter({ $0 }).count == 1, table.presentIn.count > 1 {
            return  // only one source has it: nothing to put side by side
        }
        let groups: [(String, [ObjectKind])] = [
            ("column", [.column]),
            ("constraint or index", [.primaryKey, .unique, .index, .foreignKey, .check]),
            ("security", [.rowLevelSecurity, .policy]),
            ("trigger", [.trigger]),
        ]
        var header: [UInt8] = []
        for label in result.sourceLabels { header.append(literal: " | "); MarkdownText.appendCell(label, to: &header) }
        header.append(literal: " | match |\n|")
        for _ in 0...result.sourceLabels.count { header.append(literal: "---|") }
        header.append(literal: ":-:|")
        for (title, kinds) in groups {
            var wroteHeader = false
            for row in table.rows where kinds.contains(row.kind) {
                if !wroteHeader {
                    out.append(literal: "\n| ")
                    out.appendUTF8(title)
                    out += header
                    wroteHeader = true
                }
                out.append(literal: "\n| ")
                if row.kind == .policy { out.append(literal: "policy ") }
                MarkdownText.appendCell(row.name, to: &out)
                for cell in row.cells {
                    out.append(literal: " | ")
                    switch cell {
                    case .present(let text): MarkdownText.appendCell(text, to: &out)
                    case .absent: out.append(literal: "—")
                    case .notStated: out.append(literal: "_not stated_")
                    }
                }
                out.append(literal: row.matches ? " | ✅ |" : " | ❌ |")
            }
            if wroteHeader { out.append(UInt8(ascii: "\n")) }
        }
    }

    /// About the bytes ``tableBody(_:result:into:)`` writes (exact unless a cell needs escaping).
    static func bodySize(_ table: TableComparison, result: DiffResult) -> Int {
        var size = 64 * result.sourceLabels.count + 32
        for label in result.sourceLabels { size += 4 * (label.utf8.count + 3) }
        for row in table.rows {
            size += row.name.utf8.count + 24
            for cell in row.cells {
                switch cell {
                case .present(let text): size += text.utf8.count + 3
                case .absent: size += 6
                case .notStated: size += 15
                }
            }
        }
        return size
    }

    static func cell(_ cell: ComparisonCell) -> String {
        switch cell {
        case .present(let text): return MarkdownText.cell(text)
        case .absent: return "—"
        case .notStated: return "_not stated_"
        }
    }

    /// One bullet per finding, with expected / actual, locations and the fix.
    static func findingList(_ findings: [Finding]) -> [String] {
        guard !findings.isEmpty else { return [] }
        var lines: [String] = []
        for f in findings {
            let mark: String
            switch f.severity {
            case .error: mark = "❌ **error**"
            case .warning: mark = "⚠️ **warning**"
            case .info: mark = "ℹ️ info"
            }
            lines.append("- \(mark) `\(f.id)`: \(MarkdownText.text(f.message))")
            if f.expected != nil || f.actual != nil {
                lines.append("  - expected \(f.expected.map(MarkdownText.code) ?? "nothing") (\(MarkdownText.text(f.reference.source))),"
                    + " found \(f.actual.map(MarkdownText.code) ?? "nothing") (\(MarkdownText.text(f.compared.source)))")
            }
            let places = [f.reference, f.compared].compactMap { side in
                side.location.map { MarkdownText.code($0.description) + " (\(MarkdownText.text(side.source)))" }
            }
            if !places.isEmpty { lines.append("  - at " + places.joined(separator: ", ")) }
            if let hint = f.hint { lines.append("  - fix: " + MarkdownText.textWithCode(hint)) }
        }
        return lines + [""]
    }

    static func enumsSection(_ result: DiffResult, summary: ReportSummary) -> [String] {
        guard !result.enums.isEmpty else { return [] }
        var lines = ["## Enums", "", MarkdownText.row(["enum"] + result.sourceLabels.map(MarkdownText.cell) + ["match"]),
                     "|" + String(repeating: "---|", count: result.sourceLabels.count + 1) + ":-:|"]
        for e in result.enums {
            lines.append(MarkdownText.row([MarkdownText.cell(e.name.description)] + e.cells.map(cell)
                + [summary.enumMatches(e.name) ? "✅" : "❌"]))
        }
        lines.append("")
        let enumFindings = summary.findingsWithoutTable.filter { $0.objectKind == .enumType }
        return lines + findingList(enumFindings)
    }

    static func otherFindingsSection(_ summary: ReportSummary) -> [String] {
        let rest = summary.findingsWithoutTable.filter { $0.objectKind != .enumType }
        guard !rest.isEmpty else { return [] }
        return ["## Other findings", ""] + findingList(rest)
    }

    static func limitationsSection(_ result: DiffResult, _ descriptors: [SourceDescriptor]) -> [String] {
        var lines = ["## What each source could not check", ""]
        for d in descriptors {
            let own = result.limitations.filter { $0.source == d.label }
            if own.isEmpty {
                lines.append("- **\(MarkdownText.text(d.label))**: everything it was compared on could be stated")
            } else {
                let parts = own.map { limitation in
                    let kinds = limitation.kinds.map(ReportSummary.words).joined(separator: ", ")
                    return limitation.scope.map { "\(kinds) of \(MarkdownText.code($0))" } ?? kinds + " (anywhere)"
                }
                lines.append("- **\(MarkdownText.text(d.label))**: " + parts.joined(separator: "; "))
            }
            // Reader diagnostics in their own (already deterministic) order: constructs not read.
            for diagnostic in d.diagnostics {
                lines.append("  - " + MarkdownText.code(diagnostic.description))
            }
        }
        return lines + [""]
    }
}
