import SchemaModel

/// SARIF 2.1.0 for code scanning: one run, one rule per finding id used (with the registry's
/// explanation), one result per finding located at the compared side's file, else the reference's.
public enum SARIFReport {
    /// The SARIF log (one run) as JSON.
    public static func render(_ result: DiffResult) -> String {
        var ruleIds: [String] = []
        var seen: Set<String> = []
        for finding in result.findings.sorted(by: { $0.id < $1.id }) where seen.insert(finding.id).inserted {
            ruleIds.append(finding.id)
        }
        let ruleIndex = Dictionary(uniqueKeysWithValues: ruleIds.enumerated().map { ($1, $0) })
        let rules: [JSONValue] = ruleIds.map { id in
            let kind = FindingKind(rawValue: id)
            return .object([
                "id": .string(id),
                "shortDescription": .object(["text": .string(kind?.explanation ?? id)]),
                "defaultConfiguration": .object(["level": .string(level(kind?.defaultSeverity ?? .warning))]),
            ])
        }
        let results: [JSONValue] = result.findings.map { f in
            var object: [String: JSONValue] = [
                "ruleId": .string(f.id),
                "ruleIndex": .int(ruleIndex[f.id] ?? 0),
                "level": .string(level(f.severity)),
                // Lets code scanning recognize the same finding across runs even when lines move.
                "partialFingerprints": .object(["schemaAuditFinding/v1": .string(f.fingerprint)]),
                "message": .object(["text": .string(f.message + (f.hint.map { ". Fix: " + $0 } ?? ""))]),
                "properties": .object([
                    "objectKey": .string(f.objectKey), "expected": .optional(f.expected), "actual": .optional(f.actual),
                    "referenceSource": .string(f.reference.source), "comparedSource": .string(f.compared.source),
                ]),
            ]
            if let location = f.primaryLocation {
                object["locations"] = .array([.object([
                    "physicalLocation": .object([
                        "artifactLocation": .object(["uri": .string(location.path)]),
                        "region": .object(["startLine": .int(location.line), "startColumn": .int(location.column)]),
                    ]),
                ])])
            }
            return .object(object)
        }
        return JSONValue.object([
            "$schema": .string("https://json.schemastore.org/sarif-2.1.0.json"),
            "version": .string("2.1.0"),
            "runs": .array([.object([
                "tool": .object(["driver": .object(["name": .string("schema-audit"), "rules": .array(rules)])]),
                "results": .array(results),
            ])]),
        ]).rendered()
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }
}
