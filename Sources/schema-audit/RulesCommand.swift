import ArgumentParser
import SchemaReports

/// `schema-audit rules`: every finding id with its default severity and a one-line explanation.
struct RulesCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every finding id with its default severity and meaning.",
        discussion: """
            Finding ids are stable once released; use them in --ignore patterns
            and in the severity overrides of .schema-audit.yml.

            Examples:
              schema-audit rules
              schema-audit rules --format markdown
            """
    )

    @Option(help: "Output format: text, markdown or json.")
    var format: Format = .text

    func run() throws {
        switch format {
        case .text: try OutputWriter.write(RuleList.text(), to: nil)
        case .markdown: try OutputWriter.write(RuleList.markdown(), to: nil)
        case .json: try OutputWriter.write(RuleList.json(), to: nil)
        }
    }
}
