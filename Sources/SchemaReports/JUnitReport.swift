import SchemaModel

/// JUnit XML: one test case per table (and per enum), failing when a finding about it is at or above
/// `failOn`; lower findings are listed in the case's `system-out`.
public enum JUnitReport {
    /// The JUnit XML document.
    public static func render(_ result: DiffResult, options: RenderOptions = RenderOptions()) -> String {
        var cases: [(classname: String, name: String, findings: [Finding])] = []
        let summary = ReportSummary(result: result, failOn: options.failOn)
        let byTable = summary.findingsByTable
        for table in result.tables {
            cases.append((table.name.schema, table.name.description, byTable[table.name] ?? []))
        }
        var byEnum: [String: [Finding]] = [:]
        var loose: [Finding] = []
        let enumKeys = Set(result.enums.map(\.name.description))
        for finding in summary.findingsWithoutTable {
            // `schema.enum` or `schema.enum.label`: the enum key is the object key or its parent.
            let parent = finding.objectKey.lastIndex(of: ".").map { String(finding.objectKey[..<$0]) }
            if let key = enumKeys.contains(finding.objectKey) ? finding.objectKey : parent.flatMap({ enumKeys.contains($0) ? $0 : nil }) {
                byEnum[key, default: []].append(finding)
            } else {
                loose.append(finding)
            }
        }
        for e in result.enums {
            cases.append((e.name.schema, "enum " + e.name.description, byEnum[e.name.description] ?? []))
        }
        if !loose.isEmpty { cases.append(("schema-audit", "other findings", loose)) }

        let failing = { (findings: [Finding]) in
            findings.filter { f in options.failOn.map { f.severity.rank <= $0.rank } ?? false }
        }
        let failures = cases.filter { !failing($0.findings).isEmpty }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"schema-audit\" tests=\"\(cases.count)\" failures=\"\(failures)\">\n"
        out += "  <testsuite name=\"schema-audit compare\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
        for c in cases {
            out += "    <testcase classname=\"\(xml(c.classname))\" name=\"\(xml(c.name))\""
            let failed = failing(c.findings)
            let other = c.findings.filter { f in !failed.contains(f) }
            if c.findings.isEmpty {
                out += "/>\n"
                continue
            }
            out += ">\n"
            if !failed.isEmpty {
                out += "      <failure type=\"drift\" message=\"\(xml("\(failed.count) finding\(failed.count == 1 ? "" : "s")"))\">"
                out += xml(failed.map { TextReport.line($0) }.joined(separator: "\n"), attribute: false) + "</failure>\n"
            }
            if !other.isEmpty {
                out += "      <system-out>" + xml(other.map { TextReport.line($0) }.joined(separator: "\n"), attribute: false) + "</system-out>\n"
            }
            out += "    </testcase>\n"
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    /// Escaped for XML; quotes only matter (and are only escaped) inside attributes.
    static func xml(_ text: String, attribute: Bool = true) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            default:
                // XML 1.0 forbids most control characters; keep tab and newline.
                if c.value < 0x20 && c != "\n" && c != "\t" { out += " " } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }
}
