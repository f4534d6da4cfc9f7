// swift-tools-version:6.0
import PackageDescription

// Dependencies point inward to SchemaModel (see README "Layout"): readers never import each other
// or the diff; the diff and the reports never import a reader; only the executable prints.
let package = Package(
    name: "schema-audit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "schema-audit", targets: ["schema-audit"]),
        .library(name: "SchemaAuditKit", targets: ["SchemaAuditKit"]),
        .library(name: "SchemaModel", targets: ["SchemaModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        .target(name: "SchemaModel"),
        .target(name: "SourceScanning", dependencies: ["SchemaModel"]),
        .target(name: "DrizzleReader", dependencies: ["SchemaModel", "SourceScanning"]),
        .target(name: "SQLAlchemyReader", dependencies: ["SchemaModel", "SourceScanning"]),
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(name: "PostgresCatalog", dependencies: ["SchemaModel", "CLibPQ"]),
        .target(name: "SchemaDiff", dependencies: ["SchemaModel"]),
        .target(name: "SchemaReports", dependencies: ["SchemaModel"]),
        .target(
            name: "SchemaAuditKit",
            dependencies: [
                "SchemaModel", "DrizzleReader", "SQLAlchemyReader", "PostgresCatalog",
                "SchemaDiff", "SchemaReports",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "schema-audit",
            dependencies: [
                "SchemaAuditKit", "SchemaModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The synthetic-application generator behind `make bench` (Benchmarks/README.md).
        .target(name: "BenchmarkGenerator"),
        .executableTarget(
            name: "schema-audit-bench",
            dependencies: [
                "BenchmarkGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", dependencies: ["SchemaModel", "SourceScanning", "PostgresCatalog", "SchemaAuditKit"], path: "Tests/TestSupport"),
        .testTarget(name: "SchemaModelTests", dependencies: ["SchemaModel"]),
        .testTarget(name: "SourceScanningTests", dependencies: ["SourceScanning"]),
        .testTarget(name: "DrizzleReaderTests", dependencies: ["DrizzleReader", "TestSupport"]),
        .testTarget(name: "SQLAlchemyReaderTests", dependencies: ["SQLAlchemyReader", "TestSupport"]),
        .testTarget(name: "PostgresCatalogTests", dependencies: ["PostgresCatalog", "TestSupport"]),
        .testTarget(name: "SchemaDiffTests", dependencies: ["SchemaDiff", "TestSupport"]),
        .testTarget(name: "SchemaReportsTests", dependencies: ["SchemaReports", "TestSupport"]),
        .testTarget(name: "SchemaAuditKitTests", dependencies: ["SchemaAuditKit", "TestSupport"]),
        .testTarget(
            name: "BenchmarkGeneratorTests",
            dependencies: ["BenchmarkGenerator", "SchemaAuditKit", "TestSupport"]
        ),
        .testTarget(
            name: "LiveTests",
            dependencies: ["SchemaAuditKit", "PostgresCatalog", "TestSupport"]
        ),
    ]
)
