import SchemaModel
import SourceScanning

/// Reads SQLAlchemy model files statically into a ``Catalog``.
public enum SQLAlchemyReader {}
