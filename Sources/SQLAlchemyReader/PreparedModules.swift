import Dispatch
import SchemaModel
import SourceScanning

/// The columns of one class body evaluated ahead, with what they were evaluated for.
struct PreparedColumns {
    var fingerprint: StatementMemo.BaseFingerprint
    var sqlModel: Bool
    var columns: [ColumnSpec]
    /// Warnings the evaluation raised, in order.
    var warnings: [Diagnostic]
}

/// The statements of one literal DDL string parsed ahead, with what they were parsed for.
struct PreparedDDL {
    var sql: String
    var defaultSchema: String
    var statements: [DDLStatement]
}

/// What one module's preparation produced.
struct ModulePreparation {
    /// By class index within the module.
    var columns: [PreparedColumns?]
    /// What each class body says of its table (``ModelBuilder/classAttributes(_:)``, a function of
    /// the class's syntax alone), by class index; nil where not read ahead.
    var attributes: [ModelBuilder.ClassAttributes?] = []
    /// Each class's own `__table_args__` read ahead, by class index; nil where not.
    var tableArgs: [PreparedTableArgs?] = []
    /// By the offset of the SQL literal (the place ``ModelBuilder`` reports DDL statements at).
    var ddl: [Int: PreparedDDL] = [:]
    /// What the preparation learned about classes on the way (see ``ClassFacts``).
    var facts = ClassFacts()
}

/// Per-class answers that are functions of the parsed project alone, learned while preparing a
/// module and handed to the sequential pass so it does not work them out again.
struct ClassFacts {
    var ancestors: [ClassKey: [Ancestor]] = [:]
    var isDeclarativeBase: [ClassKey: Bool] = [:]
    /// Declarative bases found; only from preparations whose base evaluations raised no warning,
    /// since the sequential pass must still raise those itself, where it first evaluates the base.
    var baseInfo: [ClassKey: BaseInfo?] = [:]
    var generatedBaseInfo: [BuilderCache.GeneratedBaseKey: BaseInfo] = [:]

    /// Adds these answers to `cache` where it has none (all preparations give the same answers).
    ///
    /// Merged dictionary into dictionary, keeping what the cache has: each key is hashed once, where
    /// a lookup and then an insertion per key hashed it twice.
    func seed(_ cache: BuilderCache) {
        cache.ancestors.merge(ancestors) { current, _ in current }
        cache.isDeclarativeBase.merge(isDeclarativeBase) { current, _ in current }
        cache.baseInfo.merge(baseInfo) { current, _ in current }
        cache.generatedBaseInfo.merge(generatedBaseInfo) { current, _ in current }
    }
}

/// Prepared results of all modules.
///
/// Each module's slot is written once by the thread that prepared it (through a raw buffer, so no
/// two threads touch the same array) and read only by the sequential pass after that module's group
/// says the write is done (the group's wait orders the write before the read). Everything but
/// ``store(_:for:)`` runs on the sequential pass's thread.
final class PreparedModules: @unchecked Sendable {
    private let modules: UnsafeMutablePointer<ModulePreparation?>
    private let count: Int
    /// Per module: its preparation's group (nil when none was scheduled), and whether the
    /// sequential pass already saw it finished.
    private let groups: [DispatchGroup?]
    private var finished: [Bool]

    init(moduleCount: Int, scheduled: [ModuleID]) {
        count = moduleCount
        modules = .allocate(capacity: max(moduleCount, 1))
        modules.initialize(repeating: nil, count: moduleCount)
        var groups = [DispatchGroup?](repeating: nil, count: moduleCount)
        for id in scheduled {
            let group = DispatchGroup()
            group.enter()
            groups[id.index] = group
        }
        self.groups = groups
        finished = Array(repeating: false, count: moduleCount)
    }

    deinit {
        // Every scheduled preparation holds this object until it has stored its result.
        modules.deinitialize(count: count)
        modules.deallocate()
    }

    /// Called once per module by the thread that prepared it.
    func store(_ preparation: ModulePreparation, for id: ModuleID) {
        modules[id.index] = preparation
        groups[id.index]!.leave()
    }

    /// Waits until module `id` is prepared (if it was scheduled) and returns the class facts it
    /// learned, once; the sequential pass calls it before it reads the module.
    func arrive(_ id: ModuleID) -> ClassFacts? {
        guard id.index < count, let group = groups[id.index], !finished[id.index] else { return nil }
        group.wait()
        finished[id.index] = true
        defer { modules[id.index]!.facts = ClassFacts() }
        return modules[id.index]!.facts
    }

    /// Waits for every scheduled preparation (so none outlives the reading).
    func waitForAll() {
        for k in 0..<count where !finished[k] { groups[k]?.wait() }
    }

    /// Whether module `id`'s result can be read now, without waiting: the sequential pass reads
    /// another module's classes (a parent, a mixin) before it reaches that module, and computing
    /// them itself gives the same result as waiting would.
    private func isReady(_ index: Int) -> Bool {
        if finished[index] { return true }
        guard let group = groups[index], group.wait(timeout: .now()) == .success else { return false }
        finished[index] = true
        return true
    }

    /// The prepared columns of `key` if they were evaluated for the same base and flag; removed,
    /// since each class body is evaluated at most once per base.
    func takeColumns(_ key: ClassKey, base: BaseInfo, sqlModel: Bool) -> PreparedColumns? {
        // Read and cleared in place through the pointer: a copy of the module's entry would make
        // clearing the slot copy the whole array.
        guard key.module.index < count, isReady(key.module.index), modules[key.module.index] != nil, key.index < modules[key.module.index]!.columns.count,
            let ready = modules[key.module.index]!.columns[key.index], ready.sqlModel == sqlModel,
            ready.fingerprint.matches(base)
        else { return nil }
        modules[key.module.index]!.columns[key.index] = nil
        return ready
    }

    /// The own table arguments of class `key` read ahead, if any; removed (each class is processed once).
    func takeTableArgs(_ key: ClassKey) -> PreparedTableArgs? { take(key, \.tableArgs) }

    /// The attributes of class `key` read ahead, if any; removed, since each class is processed once.
    func takeAttributes(_ key: ClassKey) -> ModelBuilder.ClassAttributes? { take(key, \.attributes) }

    /// Class `key`'s entry in the per-class list `list` of its module's preparation, if that is ready
    /// and has one; cleared in place. Inlined, so each literal key path becomes a plain field access.
    @inline(__always)
    private func take<Entry>(_ key: ClassKey, _ list: WritableKeyPath<ModulePreparation, [Entry?]>) -> Entry? {
        guard key.module.index < count, isReady(key.module.index), modules[key.module.index] != nil,
            key.index < modules[key.module.index]![keyPath: list].count, let ready = modules[key.module.index]![keyPath: list][key.index]
        else { return nil }
        modules[key.module.index]![keyPath: list][key.index] = nil
        return ready
    }

    /// The prepared statements of the DDL string at `offset` of `module`, if they were parsed from
    /// the same text with the same default schema.
    func takeDDL(module: ModuleID, offset: Int, sql: String, defaultSchema: String) -> [DDLStatement]? {
        guard module.index < count, isReady(module.index), modules[module.index] != nil, let ready = modules[module.index]!.ddl[offset],
            ready.defaultSchema == defaultSchema, ready.sql == sql
        else { return nil }
        modules[module.index]!.ddl[offset] = nil
        return ready.statements
    }
}
