/// A PostgreSQL schema (namespace): its tables, enum types, views and sequences.
public struct Schema: Hashable, Codable, Sendable {
    public var name: String
    public var tables: [Table]
    public var enums: [EnumType]
    public var views: [View]
    public var sequences: [SchemaSequence]

    public init(
        name: String, tables: [Table] = [], enums: [EnumType] = [], views: [View] = [],
        sequences: [SchemaSequence] = []
    ) {
        self.name = name
        self.tables = tables
        self.enums = enums
        self.views = views
        self.sequences = sequences
    }

    /// The table with this name, if present.
    public func table(named name: String) -> Table? { tables.first { $0.name == name } }

    /// The enum with this name, if present.
    public func enumType(named name: String) -> EnumType? { enums.first { $0.name == name } }

    func normalized() -> Schema { normalized(tables: tables.map { $0.normalized() }) }

    /// ``normalized()`` given this schema's tables already normalized, in their order.
    func normalized(tables normalizedTables: [Table]) -> Schema {
        var copy = self
        copy.tables = normalizedTables.sorted(byKey: \.name)
        copy.enums = enums.sorted(byKey: \.name)
        copy.views = views.sorted(byKey: \.name)
        copy.sequences = sequences.sorted(byKey: \.name)
        return copy
    }
}
