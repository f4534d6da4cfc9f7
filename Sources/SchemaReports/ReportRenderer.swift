import SchemaModel

/// Renders findings and catalogs as reports.
public enum ReportRenderer {}
