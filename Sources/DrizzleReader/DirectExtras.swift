import SchemaModel

/// Extras of a fast-path table (`index`, `uniqueIndex`, `unique`, `check`, `pgPolicy`) turned straight
/// into the model objects ``DrizzleEvaluator/interpretExtra(_:_:_:_:)`` makes of them.
///
/// ``DrizzleEvaluator/fastExtraValue(_:_:_:_:_:)`` builds the value the general path would evaluate
/// (a ``Chain`` with sites, argument values, a config object) only for the interpreter to take it apart
/// again; that round trip was most of reading an extra. These functions make the same checks in the
/// same order (so the same names are looked up, in turn) and build the object directly. They give up,
/// having added nothing, wherever the interpreter would log or the value route differs, and the caller
/// then takes that route.
extension DrizzleEvaluator {
    /// Adds the extra written as `shape` to `table` as interpreting ``fastExtraValue(_:_:_:_:_:)`` would;
    /// false when it is left to that route.
    func addDirectExtra(_ shape: ChainShape, _ module: Int, _ parameter: String?, _ standIn: Chain, _ name: QualifiedName,
                        _ table: inout Table, _ builders: inout BuilderMemo) -> Bool {
        guard shape.builder != parameter, case .builtin(let builder)? = builderValue(module, shape.builder, &builders) else { return false }
        switch builder {
        case "index", "uniqueIndex":
            guard let explicit = optionalName(shape) else { return false }
            var keys: [TableIndex.Key] = []
            var columns: [String] = []
            for method in shape.methods {
                guard method.name == "on" else { return false }
                for arg in method.args {
                    guard let ref = directColumn(arg, parameter, standIn) else { return false }
                    keys.append(TableIndex.Key(column: ref.column))
                    columns.append(ref.column)
                }
            }
            let indexName = explicit ?? "\(name.name)_\(columns.joined(separator: "_"))_index"
            table.indexes.insertInNameOrder(TableIndex(name: Identifier.truncated(indexName), keys: keys, isUnique: builder == "uniqueIndex",
                                                       provenance: provenance(module, shape.rootStart)))
        case "unique":
            guard let explicit = optionalName(shape) else { return false }
            var columns: [String] = []
            var nullsNotDistinct = false
            for method in shape.methods {
                switch method.name {
                case "on": break
                case "nullsNotDistinct": guard method.args.isEmpty else { return false }
                default: return false
                }
                var refs: [String] = []
                refs.reserveCapacity(method.args.count)
                for arg in method.args {
                    guard let ref = directColumn(arg, parameter, standIn) else { return false }
                    refs.append(ref.column)
                }
                // The interpreter reads the last `.on(...)` only.
                if method.name == "on" { columns = refs } else { nullsNotDistinct = true }
            }
            let constraintName = explicit ?? "\(name.name)_\(columns.joined(separator: "_"))_unique"
            table.uniqueConstraints.append(UniqueConstraint(name: Identifier.truncated(constraintName), columns: columns,
                                                            nullsNotDistinct: nullsNotDistinct, provenance: provenance(module, shape.rootStart)))
        case "check":
            guard shape.rootArgs.count == 2, case .string(let checkName, _) = shape.rootArgs[0],
                let expression = directSQL(shape.rootArgs[1], module, parameter, standIn, &builders),
                shape.methods.isEmpty
            else { return false }
            table.checks.append(CheckConstraint(name: Identifier.truncated(checkName), expression: expression,
                                                provenance: provenance(module, shape.rootStart)))
        case "pgPolicy":
            guard let policy = directPolicy(shape, module, parameter, standIn, &builders) else { return false }
            table.policies.insertInNameOrder(policy)
        default:
            return false
        }
        return true
    }

    /// The name argument of an index or unique builder: `.some(nil)` when there is none, nil when the
    /// arguments are anything but at most one string.
    private func optionalName(_ shape: ChainShape) -> String?? {
        guard shape.rootArgs.count <= 1 else { return nil }
        guard let first = shape.rootArgs.first else { return .some(nil) }
        guard case .string(let s, _) = first else { return nil }
        return .some(s)
    }

    private func provenance(_ module: Int, _ offset: Int) -> Provenance {
        Provenance(source: .drizzle, location: location(module, offset))
    }

    /// `t.col` of the extras' parameter as the column it names; nil for anything else.
    private func directColumn(_ expr: TSExpr, _ parameter: String?, _ standIn: Chain) -> ColumnRef? {
        guard let parameter, case .member(.identifier(let base, _), let key, _) = expr, base == parameter else { return nil }
        return columnRef(standIn, key: key)
    }

    /// An `sql` template whose every interpolation is a `t.col`, rendered table-qualified as the
    /// interpreter renders checks and policies; nil for any other expression (the checks and lookups of
    /// ``sqlOfColumns(_:_:_:_:_:)``, in its order).
    func directSQL(_ expr: TSExpr, _ module: Int, _ parameter: String?, _ standIn: Chain,
                           _ builders: inout BuilderMemo) -> String? {
        guard case .template(.identifier(let tag, _)?, let pieces, let values, _) = expr, tag != parameter,
            case .builtin(let tagName)? = builderValue(module, tag, &builders), tagName == "sql" || tagName == "*.sql"
        else { return nil }
        var refs: [ColumnRef] = []
        refs.reserveCapacity(values.count)
        for value in values {
            guard let ref = directColumn(value, parameter, standIn) else { return nil }
            refs.append(ref)
        }
        return renderQualified(pieces, refs)
    }

    /// ``SQLFragment/render(qualified:defaultSchema:)`` of the template's pieces and columns, written
    /// into one byte buffer without building the fragment.
    func renderQualified(_ pieces: [String], _ refs: [ColumnRef]) -> String {
        var size = 0
        for piece in pieces { size += piece.utf8.count }
        for ref in refs { size += ref.table.schema.utf8.count + ref.table.name.utf8.count + ref.column.utf8.count + 8 }
        var out: [UInt8] = []
        out.reserveCapacity(size)
        for (index, piece) in pieces.enumerated() {
            out.appendUTF8(piece)
            guard index < refs.count else { continue }
            out.appendTableQualifier(refs[index].table, defaultSchema: defaultSchema)
            out.appendQuoted(refs[index].column)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension [UInt8] {
    /// Appends `"name"` as drizzle-orm quotes identifiers (it doubles no quotes).
    mutating func appendQuoted(_ name: String) {
        append(UInt8(ascii: "\""))
        appendUTF8(name)
        append(UInt8(ascii: "\""))
    }

    /// Appends `"table".` (or `"schema"."table".` outside `defaultSchema`), the qualifier drizzle-orm
    /// writes before a column in checks, policies and generated columns.
    mutating func appendTableQualifier(_ table: QualifiedName, defaultSchema: String) {
        if table.schema != defaultSchema {
            appendQuoted(table.schema)
            append(UInt8(ascii: "."))
        }
        appendQuoted(table.name)
        append(UInt8(ascii: "."))
    }
}
