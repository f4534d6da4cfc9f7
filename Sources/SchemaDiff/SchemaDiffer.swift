import SchemaModel

/// Compares catalogs and produces findings.
public enum SchemaDiffer {}
