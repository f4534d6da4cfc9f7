import Foundation
import SchemaModel

/// The JSON document `schema-audit inspect` prints: one source's normalized model.
///
/// Fields (all keys sorted, stable across runs):
/// - `formatVersion`: 1.
/// - `source`: `{ "kind": "database"|"drizzle"|"sqlalchemy", "label": ..., "origin": ... }`.
/// - `catalog`: the model: `schemas[]` with `tables[]` (`columns[]` with `name`, `type` (canonical),
///   `rawType`, `isNullable`, `defaultExpression`, `identity`, `generatedExpression`, `clientDefault`,
///   `provenance`), `primaryKey`, `uniqueConstraints`, `foreignKeys`, `checks`, `indexes`,
///   `rowLevelSecurity`, `forceRowLevelSecurity`, `policies`, `triggers`), `enums[]`, `views[]`,
///   `sequences[]`; `notStated` lists what the source cannot state.
/// - `diagnostics`: the reader's messages (`severity`, `message`, `location`).
public struct InspectDocument: Encodable {
    public struct Source: Encodable {
        public var kind: SourceKind
        public var label: String
        public var origin: String
    }

    public var formatVersion = 1
    public var source: Source
    public var catalog: Catalog
    public var diagnostics: [Diagnostic]

    public init(_ loaded: LoadedSource) {
        source = Source(kind: loaded.spec.kind, label: loaded.spec.label, origin: loaded.origin)
        catalog = loaded.catalog.normalized()
        diagnostics = loaded.diagnostics
    }

    /// Pretty JSON with sorted keys and a trailing newline: byte-identical for the same input.
    public func json() throws -> String {
        // The same bytes as the `JSONEncoder` below, which stays for what the fast encoder leaves
        // to it (a floating-point value, of which the model has none today).
        do {
            return String(decoding: try SortedJSONEncoder.encode(self), as: UTF8.self) + "\n"
        } catch is SortedJSONEncoder.Unsupported {}
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(self)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
