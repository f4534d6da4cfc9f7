import SchemaModel

/// Collects the exported Drizzle objects of all modules into a catalog, as drizzle-kit collects the
/// exports of the schema files it is given.
///
/// The modules are read in order into a ``Collected`` list of objects, which ``finish(_:)`` then puts
/// into the catalog. Large inputs are read on two threads (``ParallelBuild``), the last modules by a
/// copy of the evaluator, and their objects appended to the first run's, in module order.
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

        /// The tables in the order they were declared, held apart from the index: a table is a large
        /// value, and a dictionary of them moved every table at each growth (and again when the second
        /// half was appended), each move into fresh pages. Set to nil once moved into the catalog.
        var tables: [Table?] = []
        /// The qualified name of each of ``tables``.
        var tableOrder: [QualifiedName] = []
        /// The position in ``tables`` of each qualified name.
        var tableIndex: [QualifiedName: Int] = [:]
        var linkedPolicies: [(QualifiedName, Policy)] = []
        var objects: [Object] = []
        /// The runs appended after this one (``append(_:)``), each kept whole: moving their tables into
        /// this one's lists was done on one thread, between reading on two and normalizing on two.
        var later: [Collected] = []

        /// Room for `count` tables, so that adding them moves none.
        mutating func reserve(_ count: Int) {
            tables.reserveCapacity(count)
            tableOrder.reserveCapacity(count)
            tableIndex.reserveCapacity(count)
        }

        /// Whether a table of this name was collected, here or in a run appended.
        func contains(_ key: QualifiedName) -> Bool {
            tableIndex[key] != nil || later.contains { $0.contains(key) }
        }

        /// Adds a table not collected yet.
        mutating func add(_ table: consuming Table, _ key: QualifiedName) {
            tableIndex[key] = tables.count
            tables.append(table)
            tableOrder.append(key)
        }

        /// Appends the objects of the modules read after these: `later`'s tables must all be new here.
        mutating func append(_ later: consuming Collected) {
            self.later.append(later)
        }

        /// This run and the runs appended, in order, each without runs appended (taken from `self`).
        mutating func takeRuns() -> [Collected] {
            var runs: [Collected] = []
            swap(&runs, &later)
            var first = Collected()
            swap(&first, &self)
            runs.insert(first, at: 0)
            return runs
        }

        /// An upper bound on the tables `modules` declare: their exported names.
        static func estimate(_ modules: Range<Int>, _ evaluator: DrizzleEvaluator) -> Int {
            var count = 0
            for index in modules { count += evaluator.modules[index].syntax.exports.count }
            return count
        }
    }

    /// Reads every table and the other exported objects.
    func build() -> Catalog { build(split: nil).catalog }

    /// ``build()``, reading modules on a second thread when the input is large enough
    /// (``ParallelBuild/shouldSplit(_:minimumBytes:)``), or when `split` is given: then that thread reads
    /// exactly the modules from `split` on (for tests). Also tells whether that second run's objects
    /// were kept (nil: all were read on this thread).
    func build(split forced: Int?) -> (catalog: Catalog, keptSecondRun: Bool?) {
        var collected = Collected()
        let modules = evaluator.modules.indices
        collected.reserve(Collected.estimate(0..<modules.count, evaluator))
        var kept: Bool?
        if let forced, forced > 0, forced < modules.count {
            kept = ParallelBuild.collect(evaluator, meetingAt: forced, into: &collected)
        } else if forced == nil, ParallelBuild.shouldSplit(evaluator, minimumBytes: parallelBytes) {
            kept = ParallelBuild.collect(evaluator, into: &collected)
        } else {
            CatalogBuilder.collect(modules, evaluator, into: &collected)
        }
        return (finish(consume collected), kept)
    }

    /// Reads the exported objects of `modules` with `evaluator`, appending them to `collected` and
    /// logging a table declared again (also one `collected` already has).
    static func collect(_ modules: Range<Int>, _ evaluator: DrizzleEvaluator, into collected: inout Collected) {
        reserveShapes(modules, evaluator)
        for index in modules { collect(module: index, evaluator, into: &collected) }
    }

    /// Room for the stand-ins of the tables `modules` declare: each table read leaves its stand-in in
    /// ``DrizzleEvaluator/tableShapes``, and with room made up front the map grows once.
    static func reserveShapes(_ modules: Range<Int>, _ evaluator: DrizzleEvaluator) {
        evaluator.tableShapes.reserveCapacity(evaluator.tableShapes.count + Collected.estimate(modules, evaluator))
    }

    /// ``collect(_:_:into:)`` of one module.
    static func collect(module index: Int, _ evaluator: DrizzleEvaluator, into collected: inout Collected) {
        let syntax = evaluator.modules[index].syntax
        var exportedLocals: Set<String> = []
        for export in syntax.exports.values {
            if case .local(let local) = export { exportedLocals.insert(local) }
        }
        for name in syntax.order where exportedLocals.contains(name) {
            guard case .value(let expr)? = syntax.bindings[name], case .call = expr else { continue }
            if let fast = evaluator.fastTable(index, name, expr) {
                if collected.contains(fast.key) {
                    evaluator.log.warning("table '\(fast.key)' is declared more than once", at: fast.location)
                    continue
                }
                collected.add(fast.table, fast.key)
                continue
            }
            guard case .chain(let chain)? = evaluator.topLevel(index, name) else { continue }
            switch chain.root {
            case "pgTable", "pgTable.withRLS":
                guard let table = evaluator.interpretTable(chain) else { continue }
                let key = QualifiedName(schema: evaluator.schemaName(of: chain), name: table.name)
                if collected.contains(key) {
                    evaluator.log.warning("table '\(key)' is declared more than once", at: chain.location)
                    continue
                }
                collected.add(table, key)
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

    /// The catalog of everything collected; logs policies linked to tables that are not declared.
    func finish(_ collected: consuming Collected) -> Catalog {
        var catalog = Catalog(source: .drizzle, notStated: CatalogBuilder.notStated)
        // The runs' lists, read in run order: what appending the runs into one list would give.
        var runs = collected.takeRuns()
        var tables: [[Table?]] = []
        for k in runs.indices {
            var list: [Table?] = []
            swap(&list, &runs[k].tables)
            tables.append(list)
        }
        var seenEnums: Set<QualifiedName> = []
        for run in runs {
            for object in run.objects {
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
        }
        for run in runs {
            for (target, policy) in run.linkedPolicies {
                guard let owner = runs.firstIndex(where: { $0.tableIndex[target] != nil }), let index = runs[owner].tableIndex[target] else {
                    evaluator.log.note("policy '\(policy.name)' is linked to '\(target)', which is not declared in the input", at: policy.provenance.location)
                    continue
                }
                tables[owner][index]?.policies.append(policy)
                tables[owner][index]?.rowLevelSecurity = true
            }
        }
        // Added in name order, the order `normalized()` sorts them into: its sort then finds one run
        // instead of moving large `Table` values around.
        // Each table is moved out of the list into its schema (`Catalog.add` would copy it and then
        // release the original, field by field). Indices are sorted with the names' comparison, so
        // tables of equal names keep the order sorting the names gave.
        var order: [QualifiedName] = []
        var place: [(run: Int, index: Int)] = []
        for (run, part) in runs.enumerated() {
            order += part.tableOrder
            for index in part.tableOrder.indices { place.append((run, index)) }
        }
        var placed = 0
        for position in order.indices.sorted(by: { order[$0].name < order[$1].name }) {
            let key = order[position]
            var moved: Table?
            swap(&moved, &tables[place[position].run][place[position].index])
            guard let table = consume moved else { continue }
            // Room for every table left at a schema's first: a catalog has one schema or a few, and
            // growing the list by doubling moved each large `Table` again at every step.
            let left = order.count - placed
            catalog.updateSchema(named: key.schema) { schema in
                if schema.tables.isEmpty { schema.tables.reserveCapacity(left) }
                schema.tables.append(table)
            }
            placed += 1
        }
        let normalized = ParallelBuild.normalized(catalog)
        // The tables as added hold the lists normalizing replaced: nothing waits for freeing them.
        ReleaseInBackground.discard(consume catalog)
        ReleaseInBackground.discard(consume runs)
        return normalized
    }

    private func upsertSchema(_ catalog: inout Catalog, _ name: String, _ change: (inout Schema) -> Void) {
        var schema = catalog.schema(named: name) ?? Schema(name: name)
        change(&schema)
        catalog.upsert(schema)
    }
}
