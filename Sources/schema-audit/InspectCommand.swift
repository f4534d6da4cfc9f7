import ArgumentParser
import Foundation
import SchemaAuditKit
import SchemaReports

/// `schema-audit inspect`: prints one source's normalized model, for checking what a reader sees.
struct InspectCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, text
    }

    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Print one source's normalized schema model as JSON or as a text summary.",
        discussion: """
            Give exactly one source. Examples:
              schema-audit inspect --database postgres://me@127.0.0.1/app
              schema-audit inspect --database "" --format text
                (an empty URL uses the PG* environment variables)
              schema-audit inspect --drizzle frontend/lib/db
              schema-audit inspect --sqlalchemy backend/database/models.py

            The JSON has sorted keys and is identical across runs for the
            same input; the README ("inspect JSON") describes its fields.

            \(ExitStatus.helpText)
            """
    )

    @OptionGroup var sources: SourceOptions

    @Option(help: "Output format: json or text.")
    var format: Format = .json

    @Option(name: .customLong("output"), help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Print the time each catalog query took to standard error.")
    var timings = false

    func validate() throws {
        let specs = sources.specs()
        if specs.count != 1 {
            throw ValidationError("inspect needs exactly one source (--drizzle, --sqlalchemy or --database); got \(specs.count)")
        }
    }

    func run() throws {
        let spec = sources.specs()[0]
        var loader = SourceLoader(schemas: sources.schemas, statementTimeoutMilliseconds: sources.statementTimeoutMilliseconds)
        let loaded: LoadedSource
        do {
            loaded = try loader.load(spec)
        } catch let error as AuditError {
            ExitStatus.printError(error.message)
            throw ExitStatus.inputError
        }
        for diagnostic in loaded.diagnostics { ExitStatus.printWarning(diagnostic.description) }
        if timings {
            for (phase, seconds) in loader.timings {
                ExitStatus.printWarning("timing: \(phase): \(String(format: "%.1f", seconds * 1000)) ms")
            }
        }
        let text: String
        switch format {
        case .json: text = try InspectDocument(loaded).json()
        case .text: text = CatalogSummaryRenderer.render(loaded.catalog, title: "\(loaded.spec.label) (\(loaded.origin))")
        }
        try OutputWriter.write(text, to: output)
        if loaded.diagnostics.contains(where: { $0.severity == .error }) && loaded.catalog.tableCount == 0 {
            throw ExitStatus.inputError
        }
    }
}
