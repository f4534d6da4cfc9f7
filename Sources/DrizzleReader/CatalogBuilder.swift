import SchemaModel

/// Collects the exported Drizzle objects of all modules into a catalog, as drizzle-kit collects the
/// exports of the schema files it is given.
///
/// The modules are read in order into a ``Collected`` list of objects, which ``finish(_:)`` then puts
/// into the catalog. Large inputs are read in two halves on two threads (``ParallelBuild``), the second
/// half by a copy of the evaluator, and its objects appended to the first half's, in the same order.
struct CatalogBuilder {
    let evaluator: DrizzleEvaluator
    /// Inputs with fewer bytes than this are read on one thread: splitting costs more than it saves.
    var parallelBytes = 128 * 1024

    /// What Drizzle cannot state at all: triggers, comments, FORCE ROW LEVEL SECURITY.
    static let notStated: Set<ObjectKind> = [.trigger, .comment, .forceRowLevelSecurity]

    /// The objects read from a run of modules, in the order the modules declare them.
    struct Collected {
        /// An object that is not a table, put into the catalog in this order.
        enum Object {
            case enumType(EnumType)
            case view(schema: String, View)
            case sequence(schema: String, SchemaSequence)
        }

        var tables: [QualifiedName: Table] = [:]
        var tableOrder: [QualifiedName] = []
        var linkedPolicies: [(QualifiedName, Policy)] = []
        var objects: [Object] = []

        /// Appends the objects of the modules read after these: `later`'s tables must all be new here.
        mutating func append(_ later: consuming Collected) {
            tables.reserveCapacity(tables.count + later.tables.count)
            for key in later.tableOrder {
                tables[key] = later.tables.removeValue(forKey: key)
            }
            tableOrder += later.tableOrder
            linkedPolicies += later.linkedPolicies
            objects += later.objects
        }
    }

    /// Reads every table and the other exported objects.
    func build() -> Catalog { build(split: nil).catalog }

    /// ``build()``, reading the modules from `split` on on a second thread when it is given, else when
    /// the input is large enough (``ParallelBuild/split(_:minimumBytes:)``); also tells whether that
    /// second run's objects were kept (nil: all were read on this thread).
    func build(split forced: Int?) -> (catalog: Catalog, keptSecondRun: Bool?) {
        var collected = Collected()
        let modules = evaluator.modules.indices
        var kept: Bool?
        if let split = forced ?? ParallelBuild.split(evaluator, minimumBytes: parallelBytes), split > 0, split < modules.count {
            kept = ParallelBuild.collect(evaluator, split: split, into: &collected)
        } else {
            CatalogBuilder.collect(modules, evaluator, into: &collected)
        }
        return (finish(consume collected), kept)
    }

    /// Reads the exported objects of `modules` with `evaluator`, appending them to `collected` and
    /// logging a table declared again (also one `collected` already has).
    static func collect(_ modules: Range<Int>, _ evaluator: DrizzleEvaluator, into collected: inout Collected) {
        for index in modules {
            let syntax = evaluator.modules[index].syntax
            var exportedLocals: Set<String> = []
            for export in syntax.exports.values {
                if case .local(let local) = export { exportedLocals.insert(local) }
            }
            for name in syntax.order where exportedLocals.contains(name) {
                guard case .value(let expr)? = syntax.bindings[name], case .call = expr else { continue }
                if let fast = evaluator.fastTable(index, name, expr) {
                    if collected.tables.index(forKey: fast.key) != nil {
                        evaluator.log.warning("table '\(fast.key)' is declared more than once", at: fast.location)
                        continue
                    }
                    collected.tables[fast.key] = fast.table
                    collected.tableOrder.append(fast.key)
                    continue
                }
                guard case .chain(let chain)? = evaluator.topLevel(index, name) else { continue }
                switch chain.root {
                case "pgTable", "pgTable.withRLS":
                    guard let table = evaluator.interpretTable(chain) else { continue }
                    let key = QualifiedName(schema: evaluator.schemaName(of: chain), name: table.name)
                    if collected.tables.index(forKey: key) != nil {
                        evaluator.log.warning("table '\(key)' is declared more than once", at: chain.location)
                        continue
                    }
                    collected.tables[key] = table
                    collected.tableOrder.append(key)
                case "pgEnum":
                    guard let enumType = evaluator.interpretEnum(chain) else { continue }
                    collected.objects.append(.enumType(enumType))
                case "pgView", "pgMaterializedView":
                    guard let view = evaluator.interpretView(chain) else { continue }
                    collected.objects.append(.view(schema: evaluator.schemaName(of: chain), view))
                case "pgSequence":
                    guard let sequenceName = chain.args.first?.stringValue else { continue }
                    let sequence = SchemaSequence(name: sequenceName, provenance: Provenance(source: .drizzle, location: chain.location))
                    collected.objects.append(.sequence(schema: evaluator.schemaName(of: chain), sequence))
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
                    collected.linkedPolicies.append((targetName, policy))
                default:
                    continue
                }
            }
        }
    }

    /// The catalog of everything collected; logs policies linked to tables that are not declared.
    func finish(_ collected: consuming Collected) -> Catalog {
        var catalog = Catalog(source: .drizzle, notStated: CatalogBuilder.notStated)
        var tables = collected.tables
        collected.tables = [:]
        var seenEnums: Set<QualifiedName> = []
        for object in collected.objects {
            switch object {
            case .enumType(let enumType):
                // The first declaration of an enum wins; later ones are dropped quietly.
                guard seenEnums.insert(enumType.qualifiedName).inserted else { continue }
                catalog.add(enumType)
            case .view(let schema, let view):
                upsertSchema(&catalog, schema) { $0.views.append(view) }
            case .sequence(let schema, let sequence):
                upsertSchema(&catalog, schema) { $0.sequences.append(sequence) }
            }
        }
        for (target, policy) in collected.linkedPolicies {
            guard tables[target] != nil else {
                evaluator.log.note("policy '\(policy.name)' is linked to '\(target)', which is not declared in the input", at: policy.provenance.location)
                continue
            }
            tables[target]?.policies.append(policy)
            tables[target]?.rowLevelSecurity = true
        }
        // Added in name order, the order `normalized()` sorts them into: its sort then finds one run
        // instead of moving large `Table` values around.
        // Each table is moved out of the dictionary into its schema (`Catalog.add` would copy it and
        // then release the original, field by field).
        for key in collected.tableOrder.sorted(by: { $0.name < $1.name }) {
            guard tables.index(forKey: key) != nil else { continue }
            if let index = catalog.schemas.firstIndex(where: { $0.name == key.schema }) {
                catalog.schemas[index].tables.append(tables.removeValue(forKey: key)!)
            } else {
                catalog.schemas.append(Schema(name: key.schema, tables: [tables.removeValue(forKey: key)!]))
            }
        }
        let normalized = ParallelBuild.normalized(catalog)
        // The tables as added hold the lists normalizing replaced: nothing waits for freeing them.
        ReleaseInBackground.discard(consume catalog)
        ReleaseInBackground.discard(consume collected)
        return normalized
    }

    private func upsertSchema(_ catalog: inout Catalog, _ name: String, _ change: (inout Schema) -> Void) {
        var schema = catalog.schema(named: name) ?? Schema(name: name)
        change(&schema)
        catalog.upsert(schema)
    }
}
