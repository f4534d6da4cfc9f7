import SchemaModel

/// Collects the exported Drizzle objects of all modules into a catalog, as drizzle-kit collects the
/// exports of the schema files it is given.
struct CatalogBuilder {
    let evaluator: DrizzleEvaluator

    /// What Drizzle cannot state at all: triggers, comments, FORCE ROW LEVEL SECURITY.
    static let notStated: Set<ObjectKind> = [.trigger, .comment, .forceRowLevelSecurity]

    /// Reads every table, each in turn, and the other exported objects.
    func build() -> Catalog {
        var catalog = Catalog(source: .drizzle, notStated: CatalogBuilder.notStated)
        var tables: [QualifiedName: Table] = [:]
        var tableOrder: [QualifiedName] = []
        var linkedPolicies: [(QualifiedName, Policy)] = []
        var seenEnums: Set<QualifiedName> = []

        for index in evaluator.modules.indices {
            let syntax = evaluator.modules[index].syntax
            var exportedLocals: Set<String> = []
            for export in syntax.exports.values {
                if case .local(let local) = export { exportedLocals.insert(local) }
            }
            for name in syntax.order where exportedLocals.contains(name) {
                guard case .value(let expr)? = syntax.bindings[name], case .call = expr else { continue }
                if let fast = evaluator.fastTable(index, name, expr) {
                    if tables.index(forKey: fast.key) != nil {
                        evaluator.log.warning("table '\(fast.key)' is declared more than once", at: fast.location)
                        continue
                    }
                    tables[fast.key] = fast.table
                    tableOrder.append(fast.key)
                    continue
                }
                guard case .chain(let chain)? = evaluator.topLevel(index, name) else { continue }
                switch chain.root {
                case "pgTable", "pgTable.withRLS":
                    guard let table = evaluator.interpretTable(chain) else { continue }
                    let key = QualifiedName(schema: evaluator.schemaName(of: chain), name: table.name)
                    if tables.index(forKey: key) != nil {
                        evaluator.log.warning("table '\(key)' is declared more than once", at: chain.location)
                        continue
                    }
                    tables[key] = table
                    tableOrder.append(key)
                case "pgEnum":
                    guard let enumType = evaluator.interpretEnum(chain), seenEnums.insert(enumType.qualifiedName).inserted else { continue }
                    catalog.add(enumType)
                case "pgView", "pgMaterializedView":
                    guard let view = evaluator.interpretView(chain) else { continue }
                    upsertSchema(&catalog, evaluator.schemaName(of: chain)) { $0.views.append(view) }
                case "pgSequence":
                    guard let sequenceName = chain.args.first?.stringValue else { continue }
                    let sequence = SchemaSequence(name: sequenceName, provenance: Provenance(source: .drizzle, location: chain.location))
                    upsertSchema(&catalog, evaluator.schemaName(of: chain)) { $0.sequences.append(sequence) }
                case "pgPolicy":
                    // A standalone policy `.link()`ed to a table (often one the app does not own).
                    guard let link = chain.last("link") else { continue }
                    guard case .chain(let target)? = link.args.first, evaluator.isTable(target),
                        let targetName = evaluator.tableName(target)
                    else {
                        evaluator.log.note("policy '\(chain.args.first?.stringValue ?? name)' is linked to a table that is not declared in the input; not audited", at: chain.location)
                        continue
                    }
                    guard let policy = evaluator.interpretPolicy(chain, Provenance(source: .drizzle, location: chain.location)) else { continue }
                    linkedPolicies.append((targetName, policy))
                default:
                    continue
                }
            }
        }
        for (target, policy) in linkedPolicies {
            guard tables[target] != nil else {
                evaluator.log.note("policy '\(policy.name)' is linked to '\(target)', which is not declared in the input", at: policy.provenance.location)
                continue
            }
            tables[target]?.policies.append(policy)
            tables[target]?.rowLevelSecurity = true
        }
        // Added in name order, the order `normalized()` sorts them into: its sort then finds one run
        // instead of moving large `Table` values around.
        for key in tableOrder.sorted(by: { $0.name < $1.name }) {
            if let table = tables[key] { catalog.add(table, toSchema: key.schema) }
        }
        return catalog.normalized()
    }

    private func upsertSchema(_ catalog: inout Catalog, _ name: String, _ change: (inout Schema) -> Void) {
        var schema = catalog.schema(named: name) ?? Schema(name: name)
        change(&schema)
        catalog.upsert(schema)
    }
}
