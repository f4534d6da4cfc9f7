import Foundation

/// Reads accepted findings from an earlier JSON report (`compare --format json`) for `--baseline`.
public enum Baseline {
    /// The `fingerprint` of every finding in the JSON report at `path`.
    public static func fingerprints(path: String) throws -> Set<String> {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AuditError("cannot read baseline '\(path)': no such file")
        }
        guard let document = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let findings = document["findings"] as? [[String: Any]]
        else {
            throw AuditError("baseline '\(path)' is not a schema-audit JSON report")
        }
        return Set(findings.compactMap { $0["fingerprint"] as? String })
    }
}
