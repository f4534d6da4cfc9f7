import ArgumentParser
import SchemaAuditKit
import SchemaModel

/// The source options shared by `inspect` and `compare`.
struct SourceOptions: ParsableArguments {
    @Option(name: .customLong("drizzle"), help: ArgumentHelp(
        "A Drizzle schema file or directory; repeatable. Prefix 'label=' to name the source.",
        valueName: "path"))
    var drizzle: [String] = []

    @Option(name: .customLong("sqlalchemy"), help: ArgumentHelp(
        "A SQLAlchemy models file or package directory; repeatable. Prefix 'label=' to name the source.",
        valueName: "path"))
    var sqlalchemy: [String] = []

    @Option(name: .customLong("database"), help: ArgumentHelp(
        "A PostgreSQL connection URL or key/value string (empty: the PG* environment); repeatable. "
            + "Prefix 'label=' to name it, e.g. prod=postgres://...",
        valueName: "url"))
    var database: [String] = []

    @Option(name: .customLong("schema"), help: ArgumentHelp("Only this schema; repeatable.", valueName: "name"))
    var schemas: [String] = []

    @Option(name: .customLong("statement-timeout-ms"), help: "Statement timeout for catalog queries, in milliseconds (default: 30000).")
    var statementTimeout: Int?

    @Option(name: .customLong("catalog-connections"), help: ArgumentHelp(
        "Connections per database, 1 or 2 (default: 2). With 2, a catalog of 200 tables or more is read on "
            + "two connections sharing one snapshot; use 1 behind a pooler with a single slot.",
        valueName: "n"))
    var catalogConnections: Int?

    func validate() throws {
        if let catalogConnections, catalogConnections != 1 && catalogConnections != 2 {
            throw ValidationError("--catalog-connections must be 1 or 2; got \(catalogConnections)")
        }
    }

    /// `--statement-timeout-ms`, else 30 s.
    var statementTimeoutMilliseconds: Int { statementTimeout ?? 30_000 }

    /// The sources in command-line order of kind: Drizzle, SQLAlchemy, databases.
    ///
    /// Several `--drizzle` paths without labels form one Drizzle source; a label starts a new source.
    func specs() -> [SourceSpec] {
        var specs: [SourceSpec] = []
        func addFiles(_ kind: SourceKind, _ arguments: [String]) {
            var unlabeled: [String] = []
            for argument in arguments {
                let (label, value) = SourceSpec.splitLabel(argument)
                if let label {
                    if let i = specs.firstIndex(where: { $0.kind == kind && $0.label == label }) {
                        specs[i].values.append(value)
                    } else {
                        specs.append(SourceSpec(kind: kind, label: label, values: [value]))
                    }
                } else {
                    unlabeled.append(value)
                }
            }
            if !unlabeled.isEmpty { specs.append(SourceSpec(kind: kind, values: unlabeled)) }
        }
        addFiles(.drizzle, drizzle)
        addFiles(.sqlalchemy, sqlalchemy)
        for (position, argument) in database.enumerated() {
            let (label, value) = SourceSpec.splitLabel(argument)
            let fallback = database.count > 1 ? "database\(position + 1)" : "database"
            specs.append(SourceSpec(kind: .database, label: label ?? fallback, values: [value]))
        }
        return specs
    }
}
