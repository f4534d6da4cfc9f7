/// One source's complete description of a database: its schemas, with what the source could not state.
///
/// `Catalog > Schema > Table > Column`, plus enums, indexes, constraints, policies and triggers. Every
/// reader produces one; the diff engine only ever sees catalogs.
public struct Catalog: Hashable, Codable, Sendable {
    /// The kind of source this catalog was read from.
    public var source: SourceKind
    /// Schemas in name order (see ``normalized()``).
    public var schemas: [Schema]
    /// Object kinds this source cannot state anywhere (Drizzle: triggers). Distinct from "absent".
    @SortedSet public var notStated: Set<ObjectKind>

    public init(source: SourceKind, schemas: [Schema] = [], notStated: Set<ObjectKind> = []) {
        self.source = source
        self.schemas = schemas
        self.notStated = notStated
    }

    /// The schema with this name, if the catalog has it.
    public func schema(named name: String) -> Schema? {
        schemas.first { $0.name == name }
    }

    /// The table `schema.name`, if present.
    public func table(_ name: QualifiedName) -> Table? {
        schema(named: name.schema)?.tables.first { $0.name == name.name }
    }

    /// Inserts or replaces a schema, keeping names unique.
    public mutating func upsert(_ schema: Schema) {
        if let i = schemas.firstIndex(where: { $0.name == schema.name }) {
            schemas[i] = schema
        } else {
            schemas.append(schema)
        }
    }

    /// Adds a table to its schema, creating the schema when needed.
    public mutating func add(_ table: Table, toSchema schemaName: String) {
        if let i = schemas.firstIndex(where: { $0.name == schemaName }) {
            schemas[i].tables.append(table)
        } else {
            schemas.append(Schema(name: schemaName, tables: [table]))
        }
    }

    /// Adds an enum to its schema, creating the schema when needed.
    public mutating func add(_ enumType: EnumType) {
        if let i = schemas.firstIndex(where: { $0.name == enumType.schema }) {
            schemas[i].enums.append(enumType)
        } else {
            schemas.append(Schema(name: enumType.schema, enums: [enumType]))
        }
    }

    /// Number of tables across all schemas.
    public var tableCount: Int { schemas.reduce(0) { $0 + $1.tables.count } }

    /// The catalog with every collection in its canonical order, so output is deterministic.
    ///
    /// Columns keep their declared order (it is meaningful to a reader of the report); everything else
    /// is sorted by name, then by content.
    public func normalized() -> Catalog {
        var copy = self
        copy.schemas = schemas.map { $0.normalized() }.sorted(byKey: \.name)
        return copy
    }
}
