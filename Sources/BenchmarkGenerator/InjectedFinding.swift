/// One finding `schema-audit compare --reference sqlalchemy` must report for the drifted database.
public struct InjectedFinding: Hashable, Comparable, Sendable {
    /// The finding id, e.g. `column_type_mismatch`.
    public var id: String
    /// The finding's object key, e.g. `public.invoices_0042.description`.
    public var objectKey: String
    /// The table the finding belongs to (`schema.table`), nil for enum findings.
    public var table: String?

    /// A finding expected from the drift.
    public init(id: String, objectKey: String, table: String?) {
        self.id = id
        self.objectKey = objectKey
        self.table = table
    }

    /// By id, then object key.
    public static func < (a: InjectedFinding, b: InjectedFinding) -> Bool {
        (a.id, a.objectKey) < (b.id, b.objectKey)
    }

    /// `injected.json`: a sorted JSON array, one object per line.
    public static func json(_ findings: [InjectedFinding]) -> String {
        let lines = findings.sorted().map { f in
            "  {\"id\": \(quoted(f.id)), \"objectKey\": \(quoted(f.objectKey)), \"table\": "
                + (f.table.map(quoted) ?? "null") + "}"
        }
        return lines.isEmpty ? "[]\n" : "[\n" + lines.joined(separator: ",\n") + "\n]\n"
    }

    private static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                if scalar.value < 0x20 {
                    out += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
