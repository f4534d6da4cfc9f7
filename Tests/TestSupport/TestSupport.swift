import SchemaModel

/// Helpers shared by the test targets: fixture paths, the live test database.
public enum TestSupport {}
