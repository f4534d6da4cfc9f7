import Dispatch
import SchemaModel
import SourceScanning

/// Work done ahead of model building, one module per task on all cores.
///
/// Model building runs in source order on one thread because a class may depend on tables built
/// before it. Most of its cost does not: the columns of a class body and the statements of a
/// literal `DDL(...)` depend only on the parsed project. So before the sequential pass, each module
/// evaluates those on a thread of its own (with its own caches, so nothing mutable is shared), and
/// the sequential pass takes a prepared result where it would otherwise compute the same thing.
///
/// A prepared result is used only where it provably equals what the sequential pass would compute:
/// - class columns are kept only when their evaluation read no tables built so far, and are used
///   only for the same class, the same way of reading columns (``StatementMemo/BaseFingerprint``)
///   and the same SQLModel flag; the warnings they raised are replayed at the point where the
///   sequential pass would have raised them, so diagnostics keep their order and the cap;
/// - DDL statements are used only for the same SQL text, default schema and place
///   (``DDLParser/parse(_:defaultSchema:location:)`` is a function of those alone).
/// Everything else is computed by the sequential pass as before, so output never depends on
/// thread timing: at worst a prepared result goes unused.
enum Preparation {
    /// Below this many modules with classes or listeners the threads cost more than they save.
    static let minimumModules = 2

    /// Prepares every loaded module of `project`; nil when the project is too small to gain.
    static func run(project: PythonProject, options: SQLAlchemyReader.Options) -> PreparedModules? {
        let ids = project.order.filter { id in
            guard let module = project.module(id) else { return false }
            return !module.classes.isEmpty || module.body.count > module.classes.count
        }
        guard ids.count >= minimumModules else { return nil }
        let prepared = PreparedModules(moduleCount: project.moduleCount)
        DispatchQueue.concurrentPerform(iterations: ids.count) { k in
            let id = ids[k]
            // Private caches: the name, ancestry and statement memos are filled as they are used.
            let worker = ModelBuilder(project: project.withPrivateCaches(), options: options)
            prepared.store(worker.prepare(id), for: id)
        }
        return prepared
    }
}

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
    func seed(_ cache: BuilderCache) {
        for (key, value) in ancestors where cache.ancestors[key] == nil { cache.ancestors[key] = value }
        for (key, value) in isDeclarativeBase where cache.isDeclarativeBase[key] == nil { cache.isDeclarativeBase[key] = value }
        for (key, value) in baseInfo where cache.baseInfo[key] == nil { cache.baseInfo[key] = .some(value) }
        for (key, value) in generatedBaseInfo where cache.generatedBaseInfo[key] == nil { cache.generatedBaseInfo[key] = value }
    }
}

/// Prepared results of all modules: written once per module from the preparing threads (each slot
/// by exactly one of them, through a raw buffer so no two threads touch the same array), then taken
/// one by one by the sequential pass.
final class PreparedModules: @unchecked Sendable {
    private let modules: UnsafeMutablePointer<ModulePreparation?>
    private let count: Int

    init(moduleCount: Int) {
        count = moduleCount
        modules = .allocate(capacity: max(moduleCount, 1))
        modules.initialize(repeating: nil, count: moduleCount)
    }

    deinit {
        modules.deinitialize(count: count)
        modules.deallocate()
    }

    func store(_ preparation: ModulePreparation, for id: ModuleID) { modules[id.index] = preparation }

    /// Seeds `cache` with the class facts of every prepared module, and drops them from here.
    func seed(_ cache: BuilderCache) {
        for k in 0..<count where modules[k] != nil {
            modules[k]!.facts.seed(cache)
            modules[k]!.facts = ClassFacts()
        }
    }

    /// The prepared columns of `key` if they were evaluated for the same base and flag; removed,
    /// since each class body is evaluated at most once per base.
    func takeColumns(_ key: ClassKey, base: BaseInfo, sqlModel: Bool) -> PreparedColumns? {
        // Read and cleared in place through the pointer: a copy of the module's entry would make
        // clearing the slot copy the whole array.
        guard key.module.index < count, modules[key.module.index] != nil, key.index < modules[key.module.index]!.columns.count,
            let ready = modules[key.module.index]!.columns[key.index], ready.sqlModel == sqlModel,
            ready.fingerprint == StatementMemo.BaseFingerprint(base)
        else { return nil }
        modules[key.module.index]!.columns[key.index] = nil
        return ready
    }

    /// The prepared statements of the DDL string at `offset` of `module`, if they were parsed from
    /// the same text with the same default schema.
    func takeDDL(module: ModuleID, offset: Int, sql: String, defaultSchema: String) -> [DDLStatement]? {
        guard module.index < count, modules[module.index] != nil, let ready = modules[module.index]!.ddl[offset],
            ready.defaultSchema == defaultSchema, ready.sql == sql
        else { return nil }
        modules[module.index]!.ddl[offset] = nil
        return ready.statements
    }
}

extension ModelBuilder {
    /// Evaluates ahead what the sequential pass will ask of module `id` (see ``Preparation``).
    func prepare(_ id: ModuleID) -> ModulePreparation {
        guard let module = project.module(id) else { return ModulePreparation(columns: []) }
        var result = ModulePreparation(columns: Array(repeating: nil, count: module.classes.count))
        var baseWarned = false
        for index in module.classes.indices {
            let key = ClassKey(module: id, index: index)
            // The classes `processClass` reads columns of with their own base; others (mixins,
            // abstract bases, `__table__` classes) are left to the sequential pass.
            guard !isDeclarativeBaseClass(key) else { continue }
            let warningsBefore = queue.count
            let found = baseInfo(for: key)
            if queue.count != warningsBefore {
                baseWarned = true
                _ = queue.drain(from: warningsBefore)
            }
            guard let base = found else { continue }
            let cls = module.classes[index]
            let attributes = classAttributes(cls)
            guard !attributes.isAbstract, attributes.table == nil else { continue }
            let before = queue.count
            cache.readsBuildState = false
            let columns = bodyColumns(key, base: base, sqlModel: base.isSQLModel)
            let warnings = queue.drain(from: before)
            guard !cache.readsBuildState else { continue }
            result.columns[index] = PreparedColumns(
                fingerprint: StatementMemo.BaseFingerprint(base), sqlModel: base.isSQLModel, columns: columns, warnings: warnings)
        }
        for stmt in module.body {
            for (sql, offset) in listenerSQL(stmt, in: id) where !sql.containsBytes("%(") {
                let statements = DDLParser.parse(sql, defaultSchema: options.defaultSchema, location: location(offset, in: id))
                result.ddl[offset] = PreparedDDL(sql: sql, defaultSchema: options.defaultSchema, statements: statements)
            }
        }
        result.facts.ancestors = cache.ancestors
        result.facts.isDeclarativeBase = cache.isDeclarativeBase
        if !baseWarned {
            result.facts.baseInfo = cache.baseInfo
            result.facts.generatedBaseInfo = cache.generatedBaseInfo
        }
        return result
    }
}
