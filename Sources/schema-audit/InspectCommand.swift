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

    @Flag(help: "Print the time each phase (catalog query, file read) took to standard error.")
    var timings = false

    func validate() throws {
        let specs = sources.specs()
        if specs.count != 1 {
            throw ValidationError("inspect needs exactly one source (--drizzle, --sqlalchemy or --database); got \(specs.count)")
        }
    }

    func run() throws {
        let spec = sources.specs()[0]
        let loader = SourceLoader(
            schemas: sources.schemas, statementTimeoutMilliseconds: sources.statementTimeoutMilliseconds,
            catalogConnections: sources.catalogConnections ?? 2)
        let loaded: LoadedSource
        do {
            loaded = try loader.load(spec)
        } catch let error as AuditError {
            ExitStatus.printError(error.message)
            throw ExitStatus.inputError
        }
        for diagnostic in loaded.diagnostics { ExitStatus.printWarning(diagnostic.description) }
        if timings {
            for timing in loaded.timings { ExitStatus.printWarning(timing.line) }
        }
        let text: String
        switch format {
        case .json: text = try InspectDocument(loaded).json()
        case .text: text = CatalogSummaryRenderer.render(loaded.catalog, title: "\(loaded.spec.label) (\(loaded.origin))")
        }
        // Unusable input (nothing readable at all) already failed in the loader with exit 2.
        try OutputWriter.write(text, to: output)
    }
}
