import Dispatch
import SchemaModel
import SourceScanning

/// Work done ahead of model building, one module per task on all cores.
///
/// Model building runs in source order on one thread because a class may depend on tables built
/// before it. Most of its cost does not: the columns of a class body and the statements of a
/// literal `DDL(...)` depend only on the parsed project. So each module evaluates
/// those on a thread of its own (with its own caches, so nothing mutable is shared) while the
/// sequential pass works through the modules before it, and the sequential pass takes a prepared
/// result where it would otherwise compute the same thing.
///
/// A prepared result is used only where it provably equals what the sequential pass would compute:
/// - class columns are kept only when their evaluation read no tables built so far, and are used
///   only for the same class, the same way of reading columns (``StatementMemo/BaseFingerprint``)
///   and the same SQLModel flag;
/// - DDL statements are used only for the same SQL text, default schema and place
///   (``DDLParser/parse(_:defaultSchema:location:)`` is a function of those alone);
/// - class facts (ancestry, declarative bases) are functions of the project alone; a base whose
///   evaluation warned is not handed over, so the sequential pass still warns where it did.
/// Warnings an evaluation raised are replayed where the sequential pass would have raised them, so
/// diagnostics keep their order and the cap. Everything else is computed by the sequential pass as
/// before, so output never depends on thread timing: at worst a prepared result goes unused.
enum Preparation {
    /// Below this many modules with classes or listeners the threads cost more than they save.
    static let minimumModules = 2

    /// Starts preparing every loaded module of `project` on the shared thread pool, in load order,
    /// and returns at once; nil when the project is too small to gain. The sequential pass waits
    /// for each module before it reads it (``PreparedModules/arrive(_:)``), so it overlaps with the
    /// preparation of the modules after it.
    static func start(project: PythonProject, options: SQLAlchemyReader.Options) -> PreparedModules? {
        let ids = project.order.filter { id in
            guard let module = project.module(id) else { return false }
            return !module.classes.isEmpty || module.body.count > module.classes.count
        }
        guard ids.count >= minimumModules else { return nil }
        let prepared = PreparedModules(moduleCount: project.moduleCount, scheduled: ids)
        let queue = DispatchQueue.global(qos: .userInitiated)
        // Taken here, on the thread that will go on resolving names with the project's own memo.
        let answers = project.localModuleAnswers
        for id in ids {
            queue.async {
                // Private caches: the name, ancestry and statement memos are filled as they are used.
                var worker = ModelBuilder(project: project.withPrivateCaches(answers: answers), options: options)
                prepared.store(worker.prepare(id), for: id)
            }
        }
        return prepared
    }
}

extension ModelBuilder {
    /// Evaluates ahead what the sequential pass will ask of module `id` (see ``Preparation``).
    mutating func prepare(_ id: ModuleID) -> ModulePreparation {
        guard let module = project.module(id) else { return ModulePreparation(columns: []) }
        // This module's classes, and a few bases and mixins from elsewhere.
        cache.reserveForClasses(module.classes.count + 8)
        var result = ModulePreparation(columns: Array(repeating: nil, count: module.classes.count))
        result.attributes = Array(repeating: nil, count: module.classes.count)
        result.tableArgs = Array(repeating: nil, count: module.classes.count)
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
            result.attributes[index] = attributes
            guard !attributes.isAbstract, attributes.table == nil else { continue }
            let before = queue.count
            cache.readsBuildState = false
            let columns = bodyColumns(key, base: base, sqlModel: base.isSQLModel)
            let warnings = queue.drain(from: before)
            guard !cache.readsBuildState else { continue }
            result.columns[index] = PreparedColumns(
                fingerprint: StatementMemo.BaseFingerprint(base), sqlModel: base.isSQLModel, columns: columns, warnings: warnings)
            if let args = attributes.tableArgs {
                result.tableArgs[index] = prepareTableArgs(args, in: id, columns: columns, base: base)
            }
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
