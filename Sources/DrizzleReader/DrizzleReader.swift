import SchemaModel
import SourceScanning

/// Reads Drizzle ORM (pg-core) TypeScript schema files statically into a ``Catalog``.
public enum DrizzleReader {}
