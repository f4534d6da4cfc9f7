import SchemaModel
public enum SchemaAuditKitPlaceholder {}
