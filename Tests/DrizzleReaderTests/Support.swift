import DrizzleReader
import SchemaModel
import SourceScanning

/// Reads inline TypeScript files through the in-memory provider.
func readDrizzle(_ files: [String: String], paths: [String]? = nil, casing: DrizzleReader.Casing? = nil) -> ReadResult {
    DrizzleReader.read(paths: paths ?? files.keys.sorted(), files: InMemorySourceFiles(files),
                       options: DrizzleReader.Options(casing: casing))
}

/// Reads one file `schema.ts`.
func readSchema(_ source: String, casing: DrizzleReader.Casing? = nil) -> ReadResult {
    readDrizzle(["schema.ts": source], casing: casing)
}

/// A location in `schema.ts` (or `path`).
func at(_ line: Int, _ column: Int, _ path: String = "schema.ts") -> Provenance {
    Provenance(source: .drizzle, location: SourceLocation(path: path, line: line, column: column))
}

extension ReadResult {
    /// The table `public.name` (or `schema.name`).
    func table(_ name: String, schema: String = "public") -> Table? {
        catalog.table(QualifiedName(schema: schema, name: name))
    }

    /// Diagnostics as `path:line:col: severity: message` lines.
    var messages: [String] { diagnostics.map(\.description) }
}
