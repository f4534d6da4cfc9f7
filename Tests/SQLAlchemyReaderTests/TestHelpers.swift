import SchemaModel
import SourceScanning
import Testing

@testable import SQLAlchemyReader

/// Shared helpers: read inline sources, find tables and columns, render a compact model summary.
enum Read {
    /// Reads one inline file `models.py` (plus any extra files) with the reader.
    static func source(_ text: String, extra: [String: String] = [:], options: SQLAlchemyReader.Options = .init()) -> ReadResult {
        var files = extra
        files["models.py"] = text
        return SQLAlchemyReader.read(paths: ["models.py"], files: InMemorySourceFiles(files), options: options)
    }

    /// Reads a set of inline files from the given paths.
    static func files(_ files: [String: String], paths: [String], options: SQLAlchemyReader.Options = .init()) -> ReadResult {
        SQLAlchemyReader.read(paths: paths, files: InMemorySourceFiles(files), options: options)
    }
}

extension ReadResult {
    func table(_ name: String, schema: String = "public") -> Table? {
        catalog.table(QualifiedName(schema: schema, name: name))
    }

    /// Diagnostics as `path:line:col: severity: message` strings.
    var messages: [String] { diagnostics.map(\.description) }
}

extension Table {
    func col(_ name: String) -> Column? { column(named: name) }
}

func loc(_ line: Int, _ column: Int, _ path: String = "models.py") -> SchemaModel.SourceLocation {
    SchemaModel.SourceLocation(path: path, line: line, column: column)
}

/// A one-line-per-object summary of a catalog, used by the fixture tests.
func summary(_ catalog: Catalog) -> String {
    var lines: [String] = []
    for schema in catalog.schemas {
        for e in schema.enums { lines.append("enum \(schema.name).\(e.name) \(e.labels)") }
        for t in schema.tables {
            lines.append("table \(schema.name).\(t.name) rls=\(t.rowLevelSecurity) force=\(t.forceRowLevelSecurity) comment=\(t.comment ?? "-") notStated=\(t.notStated.sorted().map(\.rawValue))")
            for c in t.columns {
                var line = "  \(c.name) \(c.type) \(c.isNullable ? "null" : "not null") default=\(c.defaultExpression ?? "-")"
                if let identity = c.identity { line += " identity=\(identity.generation.rawValue)" }
                if let generated = c.generatedExpression { line += " generated=\(generated)" }
                if let comment = c.comment { line += " comment=\(comment)" }
                if !c.notStated.isEmpty { line += " notStated=\(c.notStated.sorted().map(\.rawValue))" }
                lines.append(line)
            }
            if let pk = t.primaryKey { lines.append("  pk \(pk.name ?? "-") \(pk.columns)") }
            for u in t.uniqueConstraints { lines.append("  unique \(u.name ?? "-") \(u.columns)") }
            for f in t.foreignKeys { lines.append("  fk \(f.name ?? "-") \(f.columns) -> \(f.referencedTable)\(f.referencedColumns) delete=\(f.onDelete.rawValue)") }
            for c in t.checks { lines.append("  check \(c.name ?? "-") \(c.expression)") }
            for i in t.indexes {
                lines.append("  index \(i.name ?? "-") \(i.isUnique ? "unique " : "")\(i.method) \(i.keyDescription)\(i.predicate.map { " where " + $0 } ?? "")")
            }
            for p in t.policies { lines.append("  policy \(p.name) \(p.command.rawValue) \(p.roles) using=\(p.using ?? "-") check=\(p.withCheck ?? "-")") }
            for g in t.triggers { lines.append("  trigger \(g.name) \(g.timing.rawValue) \(g.events.map(\.description)) \(g.level.rawValue) \(g.function)") }
        }
    }
    return lines.joined(separator: "\n")
}
