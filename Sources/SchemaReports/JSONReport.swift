import SchemaModel

/// The machine-readable report, `"formatVersion": 1`. Fields are documented in
/// `SchemaReports.docc/JSONReportFormat.md`; adding a field keeps the version, renaming or removing one
/// raises it.
public enum JSONReport {
    /// The current format version.
    public static let formatVersion = 1

    /// The JSON document: sorted keys, two-space indentation, final newline.
    public static func render(_ result: DiffResult, sources: [SourceDescriptor], options: RenderOptions = RenderOptions()) -> String {
        document(result, sources: sources, options: options).rendered()
    }

    static func document(_ result: DiffResult, sources: [SourceDescriptor], options: RenderOptions) -> JSONValue {
        let summary = ReportSummary(result: result, failOn: options.failOn)
        let descriptors = ReportSummary.descriptors(result, sources)
        return .object([
            "formatVersion": .int(formatVersion),
            "tool": .string("schema-audit"),
            "reference": .string(result.referenceLabel),
            "verdict": .string(summary.passed ? "pass" : "fail"),
            "failOn": .string(options.failOn?.rawValue ?? "never"),
            "sources": .array(descriptors.enumerated().map { i, d in source(d, isReference: i == 0, result: result) }),
            "summary": .object([
                "errors": .int(result.count(.error)),
                "warnings": .int(result.count(.warning)),
                "info": .int(result.count(.info)),
                "ignored": .int(result.ignoredCount),
                "tables": .int(result.tables.count),
                "matchingTables": .int(result.tables.filter(summary.tableMatches).count),
                "enums": .int(result.enums.count),
                "byKind": .array(summary.kindLines.map { line in
                    .object([
                        "kind": .string(line.title), "objects": .int(line.objects), "matching": .int(line.matching),
                        "errors": .int(line.errors), "warnings": .int(line.warnings), "info": .int(line.info),
                    ])
                }),
            ]),
            "findings": .array(result.findings.map(finding)),
        ])
    }

    static func source(_ d: SourceDescriptor, isReference: Bool, result: DiffResult) -> JSONValue {
        .object([
            "label": .string(d.label),
            "kind": .string(d.kind.rawValue),
            "origin": .string(d.origin),
            "files": .array(d.files.map(JSONValue.string)),
            "schemas": .array(d.schemas.map(JSONValue.string)),
            "isReference": .bool(isReference),
            "diagnostics": .array(d.diagnostics.map { diagnostic in
                .object([
                    "severity": .string(diagnostic.severity.rawValue),
                    "message": .string(diagnostic.message),
                    "location": diagnostic.location.map { location in
                        .object(["path": .string(location.path), "line": .int(location.line), "column": .int(location.column)])
                    } ?? .null,
                ])
            }),
            "couldNotCheck": .array(result.limitations.filter { $0.source == d.label }.map { limitation in
                .object([
                    "scope": .optional(limitation.scope),
                    "kinds": .array(limitation.kinds.map { .string($0.rawValue) }),
                ])
            }),
        ])
    }

    static func finding(_ f: Finding) -> JSONValue {
        .object([
            "id": .string(f.id),
            "fingerprint": .string(f.fingerprint),
            "severity": .string(f.severity.rawValue),
            "objectKey": .string(f.objectKey),
            "objectKind": .optional(f.objectKind?.rawValue),
            "table": .optional(f.table?.description),
            "message": .string(f.message),
            "expected": .optional(f.expected),
            "actual": .optional(f.actual),
            "hint": .optional(f.hint),
            "reference": side(f.reference),
            "compared": side(f.compared),
        ])
    }

    static func side(_ side: Finding.Side) -> JSONValue {
        .object([
            "source": .string(side.source),
            "location": side.location.map { location in
                .object(["path": .string(location.path), "line": .int(location.line), "column": .int(location.column)])
            } ?? .null,
        ])
    }
}
