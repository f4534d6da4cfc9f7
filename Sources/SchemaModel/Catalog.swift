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

    /// Changes the schema named `name` in place, creating it (empty, at the end) when there is none.
    public mutating func updateSchema(named name: String, _ change: (inout Schema) -> Void) {
        if let i = schemas.firstIndex(where: { $0.name == name }) {
            change(&schemas[i])
        } else {
            var schema = Schema(name: name)
            change(&schema)
            schemas.append(schema)
        }
    }

    /// Adds a table to its schema, creating the schema when needed.
    public mutating func add(_ table: Table, toSchema schemaName: String) {
        updateSchema(named: schemaName) { $0.tables.append(table) }
    }

    /// Adds an enum to its schema, creating the schema when needed.
    public mutating func add(_ enumType: EnumType) {
        updateSchema(named: enumType.schema) { $0.enums.append(enumType) }
    }

    /// Adds a sequence to its schema, creating the schema when needed.
    public mutating func add(_ sequence: SchemaSequence, toSchema schemaName: String) {
        updateSchema(named: schemaName) { $0.sequences.append(sequence) }
    }

    /// Number of tables across all schemas.
    public var tableCount: Int { schemas.reduce(0) { $0 + $1.tables.count } }

    /// The catalog with every collection in its canonical order, so output is deterministic.
    ///
    /// Columns keep their declared order (it is meaningful to a reader of the report); everything else
    /// is sorted by name, then by content.
    public func normalized() -> Catalog {
        normalized { count, table in (0..<count).map(table) }
    }

    /// ``normalized()``, with the tables normalized through `map`: it is called once with the
    /// number of tables and a function giving the normalized table at each position (schema by
    /// schema, in order), and returns them in that order. A reader can spread that work, most of
    /// normalizing, over threads.
    public func normalized(mappingTables map: (_ count: Int, _ table: (Int) -> Table) -> [Table]) -> Catalog {
        var places: [(schema: Int, table: Int)] = []
        for s in schemas.indices {
            for t in schemas[s].tables.indices { places.append((s, t)) }
        }
        let tables = map(places.count) { schemas[places[$0].schema].tables[places[$0].table].normalized() }
        var copy = self
        var next = 0
        copy.schemas = schemas.map { schema in
            defer { next += schema.tables.count }
            return schema.normalized(tables: Array(tables[next..<(next + schema.tables.count)]))
        }.sorted(byKey: \.name)
        return copy
    }
}
