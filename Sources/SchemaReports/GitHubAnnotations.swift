import SchemaModel

/// GitHub Actions workflow commands: `::error file=lib/db/schema.ts,line=12,col=3,title=[id] key::message`.
/// Info findings become `::notice`.
public enum GitHubAnnotations {
    /// One workflow command per finding, in output order.
    public static func render(_ result: DiffResult) -> String {
        result.findings.map { line($0) + "\n" }.joined()
    }

    /// The workflow command for one finding, its fix hint on a second (escaped) line.
    public static func line(_ finding: Finding) -> String {
        let command: String
        switch finding.severity {
        case .error: command = "error"
        case .warning: command = "warning"
        case .info: command = "notice"
        }
        var properties: [String] = []
        if let location = finding.primaryLocation {
            properties += ["file=" + property(location.path), "line=\(location.line)", "col=\(location.column)"]
        }
        properties.append("title=" + property("[\(finding.id)] \(finding.objectKey)"))
        var message = finding.message
        if let hint = finding.hint { message += "\nfix: " + hint }
        return "::\(command) \(properties.joined(separator: ","))::\(data(message))"
    }

    /// Escaping of workflow command data (`%`, CR, LF).
    static func data(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Escaping of workflow command properties (data escaping plus `:` and `,`).
    static func property(_ text: String) -> String {
        data(text).split(separator: ":", omittingEmptySubsequences: false).joined(separator: "%3A")
            .split(separator: ",", omittingEmptySubsequences: false).joined(separator: "%2C")
    }
}
