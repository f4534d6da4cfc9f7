import SchemaModel

/// The report formats `compare --format` offers.
public enum ReportFormat: String, Hashable, Sendable, CaseIterable {
    case text, markdown, json, sarif, junit, github
}

/// Choices that change a report's text but not what was found.
public struct RenderOptions: Hashable, Sendable {
    /// Findings at or above this severity make the verdict FAIL; `nil` never fails (`--fail-on never`).
    public var failOn: Severity?
    /// ANSI colours in the `text` format (only when printing to a terminal).
    public var color: Bool
    /// The Markdown report's title.
    public var title: String

    /// Defaults: fail on errors, no colour, the standard title.
    public init(failOn: Severity? = .error, color: Bool = false, title: String = "Schema compliance report") {
        self.failOn = failOn
        self.color = color
        self.title = title
    }
}

/// Renders a ``DiffResult`` as a report. Every renderer is a pure function from data to text: no clock,
/// no file system, no host names, so the same inputs give the same bytes (golden files rely on it).
public enum ReportRenderer {
    /// The report in `format`. `sources` describes the sources by label; a label without a descriptor
    /// is shown with its label only.
    public static func render(
        _ format: ReportFormat, result: DiffResult, sources: [SourceDescriptor], options: RenderOptions = RenderOptions()
    ) -> String {
        switch format {
        case .text: return TextReport.render(result, options: options)
        case .markdown: return MarkdownReport.render(result, sources: sources, options: options)
        case .json: return JSONReport.render(result, sources: sources, options: options)
        case .sarif: return SARIFReport.render(result)
        case .junit: return JUnitReport.render(result, options: options)
        case .github: return GitHubAnnotations.render(result)
        }
    }

    /// The report in `format` as consecutive pieces of UTF-8 whose concatenation is ``render(_:result:sources:options:)``.
    /// The Markdown report comes one table section per piece, so a large one can be written without
    /// holding it whole; the other formats come in one piece.
    public static func pieces(
        _ format: ReportFormat, result: DiffResult, sources: [SourceDescriptor], options: RenderOptions = RenderOptions()
    ) -> [[UInt8]] {
        if format == .markdown { return MarkdownReport.pieces(result, sources: sources, options: options) }
        return [Array(render(format, result: result, sources: sources, options: options).utf8)]
    }
}
