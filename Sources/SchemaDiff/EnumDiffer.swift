import SchemaModel

/// Compares one enum type across sources: existence, labels missing or extra, and label order.
struct EnumDiffer {
    let name: QualifiedName
    let sources: [SourceView]
    let enums: [EnumType?]

    func states(_ i: Int) -> Bool { !sources[i].notStated.contains(.enumType) }

    func run() -> (EnumComparison, [Finding]) {
        let cells: [ComparisonCell] = sources.indices.map { i in
            if let e = enums[i] { return .present(e.labels.joined(separator: ", ")) }
            return states(i) ? .absent : .notStated
        }
        var findings: [Finding] = []
        let key = name.description
        for j in sources.indices.dropFirst() where states(0) && states(j) {
            let ctx = PairContext(referenceLabel: sources[0].label, comparedLabel: sources[j].label,
                                  comparedKind: sources[j].kind, comparedIndex: j, table: nil)
            switch (enums[0], enums[j]) {
            case let (ref?, nil):
                findings.append(ctx.make(
                    .enumMissing, key: key, message: "enum '\(key)' is missing in \(ctx.cmp)",
                    expected: ref.labels.joined(separator: ", "), referenceAt: ref.provenance.location, comparedAt: nil,
                    sql: "CREATE TYPE \(Describe.sql(name)) AS ENUM (" + ref.labels.map { "'\($0)'" }.joined(separator: ", ") + ")"))
            case let (nil, other?):
                findings.append(ctx.make(
                    .enumExtra, key: key, message: "enum '\(key)' exists in \(ctx.cmp) but not in \(ctx.ref)",
                    actual: other.labels.joined(separator: ", "), referenceAt: nil, comparedAt: other.provenance.location,
                    hint: ctx.extraHint(sql: "DROP TYPE \(Describe.sql(name))", what: "the enum")))
            case let (ref?, other?):
                findings += compareLabels(ref, other, ctx: ctx, key: key)
            case (nil, nil):
                break
            }
        }
        let matches = !findings.contains { $0.severity != .info }
        return (EnumComparison(name: name, cells: cells, matches: matches), findings)
    }

    private func compareLabels(_ ref: EnumType, _ other: EnumType, ctx: PairContext, key: String) -> [Finding] {
        var out: [Finding] = []
        let at = (ref.provenance.location, other.provenance.location)
        let refSet = Set(ref.labels), otherSet = Set(other.labels)
        for label in ref.labels where !otherSet.contains(label) {
            out.append(ctx.make(
                .enumValueMissing, key: key + "." + label, message: "enum '\(key)' lacks value '\(label)' in \(ctx.cmp)",
                expected: label, referenceAt: at.0, comparedAt: at.1,
                sql: "ALTER TYPE \(Describe.sql(name)) ADD VALUE '\(label)'"))
        }
        for label in other.labels where !refSet.contains(label) {
            out.append(ctx.make(
                .enumValueExtra, key: key + "." + label, message: "enum '\(key)' has value '\(label)' in \(ctx.cmp) but not in \(ctx.ref)",
                actual: label, referenceAt: at.0, comparedAt: at.1,
                hint: ctx.isDatabase
                    ? "declare '\(label)' in \(ctx.ref) (PostgreSQL cannot drop an enum value without recreating the type)"
                    : "declare '\(label)' in \(ctx.ref), or remove it from \(ctx.cmp)"))
        }
        // Order of the labels both sides have: enum values compare and sort by declaration order.
        let commonRef = ref.labels.filter { otherSet.contains($0) }
        let commonOther = other.labels.filter { refSet.contains($0) }
        if commonRef != commonOther {
            out.append(ctx.make(
                .enumValueOrderMismatch, key: key,
                message: "enum '\(key)' orders its values \(Describe.list(commonOther)) in \(ctx.cmp) but \(Describe.list(commonRef)) in \(ctx.ref)",
                expected: commonRef.joined(separator: ", "), actual: commonOther.joined(separator: ", "),
                referenceAt: at.0, comparedAt: at.1,
                hint: ctx.isDatabase ? "recreate the type in \(ctx.cmp) with the order of \(ctx.ref) (values sort by declaration order)" : nil))
        }
        return out
    }
}
