import ArgumentParser
import DrizzleReader
import Foundation
import SchemaAuditKit
import SchemaDiff
import SchemaModel
import SchemaReports

/// `schema-audit compare`: diffs two or more sources and prints a report; the exit code says whether
/// drift at or above `--fail-on` was found.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two or more schema sources and report drift.",
        discussion: """
            Every source is compared with the reference (default: Drizzle when
            present, else the first source). Schemas Supabase owns (auth, storage,
            realtime, ...) are skipped unless named with --schema. Reader warnings
            go to standard error as path:line:col: warning: ...

            Settings may also come from .schema-audit.yml in the current
            directory (or --config FILE): sources, reference, schemas, fail-on,
            ignores (pattern + reason), severity overrides, drizzle-casing,
            sqlalchemy-schema, client-defaults, statement-timeout and catalog-connections.
            Command-line options win over the file. Unknown keys are an error
            (exit 2).

            Client-side defaults ($defaultFn, SQLAlchemy default=) are shown in
            the column matrix; --client-defaults also reports each as an info
            finding (column_client_default).

            Examples:
              schema-audit compare --drizzle web/db --database "$DATABASE_URL"
              schema-audit compare --drizzle web/db --sqlalchemy api/models.py
              schema-audit compare --database staging=URL1 --database prod=URL2 \\
                  --reference prod --format markdown --output report.md
              schema-audit compare --drizzle web/db --database "$DATABASE_URL" \\
                  --ignore 'public.legacy_*' --fail-on warning

            `schema-audit rules` (or compare --list-findings) lists every
            finding id with its severity.

            EXIT CODES:
              0   no finding at or above --fail-on (default: error)
              1   drift found at or above --fail-on
              2   input, configuration, parse or database error (missing
                  file, bad URL, refused connection, authentication failure,
                  statement timeout, missing privilege, invalid config)
              64  usage error (fewer than two sources, unknown option,
                  invalid value)

            Passwords in connection strings are never printed.
            """
    )

    @OptionGroup var sources: SourceOptions

    @Option(help: ArgumentHelp(
        "The reference: drizzle, sqlalchemy, database or a label.", valueName: "source"))
    var reference: String?

    @Option(help: ArgumentHelp(
        "Report format: text, markdown, json, sarif, junit or github.", valueName: "format"))
    var format: String = "text"

    @Option(name: .customLong("output"), help: ArgumentHelp(
        "Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("fail-on"), help: ArgumentHelp(
        "Exit 1 on findings at or above: error, warning, info or never.", valueName: "severity"))
    var failOn: String?

    @Option(help: ArgumentHelp(
        "Settings file (default: .schema-audit.yml, if present).", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp(
        "Drop findings whose id or object key matches this glob; repeatable.", valueName: "pattern"))
    var ignore: [String] = []

    @Option(help: ArgumentHelp(
        "A JSON report whose findings are accepted (dropped).", valueName: "file"))
    var baseline: String?

    @Option(name: .customLong("drizzle-casing"), help: ArgumentHelp(
        "Drizzle column casing: snake_case or camelCase (default: detect).", valueName: "casing"))
    var drizzleCasing: String?

    @Option(name: .customLong("sqlalchemy-schema"), help: ArgumentHelp(
        "Schema for SQLAlchemy models whose schema is set at run time.", valueName: "name"))
    var sqlalchemySchema: String?

    @Option(name: .customLong("origin"), help: ArgumentHelp(
        "Show TEXT as a source's origin in reports (label=TEXT); repeatable.", valueName: "label=text"))
    var origins: [String] = []

    @Option(help: ArgumentHelp("The Markdown report's title.", valueName: "text"))
    var title: String = "Schema compliance report"

    @Flag(help: "Print the time each phase (source reads, diff, report) took to standard error.")
    var timings = false

    @Flag(name: .customLong("client-defaults"), help: "Report client-side defaults as info findings.")
    var clientDefaults = false

    @Flag(name: .customLong("list-findings"), help: "List every finding id with its severity and meaning, then exit.")
    var listFindings = false

    func validate() throws {
        if listFindings { return }
        if ReportFormat(rawValue: format) == nil {
            throw ValidationError("--format must be text, markdown, json, sarif, junit or github; got '\(format)'")
        }
        if let failOn, failOn != "never", Severity(rawValue: failOn) == nil {
            throw ValidationError("--fail-on must be error, warning, info or never; got '\(failOn)'")
        }
        if let drizzleCasing, DrizzleReader.Casing(rawValue: drizzleCasing) == nil {
            throw ValidationError("--drizzle-casing must be snake_case or camelCase; got '\(drizzleCasing)'")
        }
        for origin in origins where !origin.contains("=") {
            throw ValidationError("--origin takes label=text; got '\(origin)'")
        }
        let fileSources = config != nil || FileManager.default.fileExists(atPath: AuditConfiguration.defaultFileName)
        if sources.specs().count < 2 && !fileSources {
            throw ValidationError("compare needs two or more sources (--drizzle, --sqlalchemy, --database); got \(sources.specs().count)")
        }
    }

    func run() throws {
        if listFindings {
            try OutputWriter.write(RuleList.text(), to: nil)
            return
        }
        let request: CompareRequest
        let threshold: Severity?
        do {
            (request, threshold) = try makeRequest()
        } catch let error as AuditError {
            ExitStatus.printError(error.message)
            throw ExitStatus.inputError
        }
        if request.specs.count < 2 {
            ExitStatus.printError("compare needs two or more sources; got \(request.specs.count)")
            throw ExitStatus.usage
        }
        let outcome: CompareOutcome
        do {
            outcome = try ComparePipeline.run(request)
        } catch let error as AuditError {
            ExitStatus.printError(error.message)
            throw ExitStatus.inputError
        }
        for diagnostic in outcome.diagnostics { ExitStatus.printWarning(diagnostic.description) }
        let color = output == nil && format == "text" && isatty(STDOUT_FILENO) == 1
        let (pieces, renderSeconds) = PhaseTiming.measure {
            ReportRenderer.pieces(
                ReportFormat(rawValue: format)!, result: outcome.result, sources: outcome.sources,
                options: RenderOptions(failOn: threshold, color: color, title: title))
        }
        try OutputWriter.write(pieces: pieces, to: output)
        if timings {
            for timing in outcome.timings + [PhaseTiming(phase: "render \(format)", seconds: renderSeconds)] {
                ExitStatus.printWarning(timing.line)
            }
        }
        ProcessLifetime.keep(outcome)
        if outcome.result.fails(at: threshold) { throw ExitStatus.drift }
    }

    /// Merges the configuration file (if any) with the command line; the command line wins.
    private func makeRequest() throws -> (CompareRequest, Severity?) {
        var configuration = AuditConfiguration()
        if let config {
            configuration = try AuditConfiguration.load(path: config)
        } else if FileManager.default.fileExists(atPath: AuditConfiguration.defaultFileName) {
            configuration = try AuditConfiguration.load(path: AuditConfiguration.defaultFileName)
        }
        var specs = sources.specs()
        if specs.isEmpty { specs = configuration.sources }
        var options = DiffOptions()
        options.ignores = configuration.ignores + ignore.map { IgnoreRule($0, reason: "--ignore") }
        options.severityOverrides = configuration.severityOverrides
        options.reportClientDefaults = clientDefaults || configuration.clientDefaults == true
        // Only the Markdown report shows the source-by-source matrices; the others skip describing cells.
        options.describesCells = format == ReportFormat.markdown.rawValue
        if let baseline { options.baseline = try Baseline.fingerprints(path: baseline) }
        var overrides: [String: String] = [:]
        for origin in origins {
            let (label, text) = SourceSpec.splitLabel(origin)
            overrides[label ?? ""] = text
        }
        let failText = failOn ?? configuration.failOn ?? "error"
        let threshold: Severity? = failText == "never" ? nil : Severity(rawValue: failText)
        let request = CompareRequest(
            specs: specs, reference: reference ?? configuration.reference,
            schemas: sources.schemas.isEmpty ? configuration.schemas : sources.schemas,
            diffOptions: options, originOverrides: overrides,
            drizzleCasing: (drizzleCasing ?? configuration.drizzleCasing).flatMap(DrizzleReader.Casing.init(rawValue:)),
            sqlalchemySchema: sqlalchemySchema ?? configuration.sqlalchemySchema,
            statementTimeoutMilliseconds: sources.statementTimeout ?? configuration.statementTimeoutMilliseconds ?? 30_000,
            catalogConnections: sources.catalogConnections ?? configuration.catalogConnections ?? 2)
        return (request, threshold)
    }
}
