import SchemaModel
import SourceScanning

/// Turns the parsed modules into tables: finds declarative classes, classic `Table(...)` objects,
/// module-level `Index(...)` and DDL event listeners, then generates the names PostgreSQL and
/// SQLAlchemy would give implicit objects.
struct ModelBuilder {
    let project: PythonProject
    let resolver: Resolver
    let options: SQLAlchemyReader.Options
    var log: DiagnosticLog
    var tables: [TableSpec] = []
    /// Table index of each class that owns or shares a table (single-table inheritance).
    var tableOfClass: [ClassKey: Int] = [:]
    /// Classes being processed, to stop inheritance cycles.
    var inProgress: Set<ClassKey> = []
    var processed: Set<ClassKey> = []
    /// Classic tables by module and variable name, for `event.listen(users, ...)` and `users.c.id`.
    var tableOfVariable: [ModuleLookupKey: Int] = [:]
    /// Table index by `schema.name` as stated (empty schema: the default), to spot duplicates.
    var tableByName: [String: Int] = [:]
    var enums: [String: EnumType] = [:]
    var enumOrder: [String] = []
    /// DDL listeners' statements, a list per listener in order: each list is kept whole (copying
    /// every statement into one list retained all its strings again).
    var ddl: [[DDLStatement]] = []
    let queue = WarningQueue()
    let cache = BuilderCache()
    /// Results evaluated ahead on all cores (see ``Preparation``); nil when not prepared.
    var prepared: PreparedModules?
    /// Whether ``build()`` prepares modules in parallel first (off only to compare in tests).
    var preparesAhead = true

    init(project: PythonProject, options: SQLAlchemyReader.Options) {
        self.project = project
        self.resolver = Resolver(project: project)
        self.options = options
        self.log = project.log
    }

    mutating func build() -> ReadResult {
        if preparesAhead { prepared = Preparation.start(project: project, options: options) }
        reserveForClasses(project.order.reduce(0) { $0 + (project.module($1)?.classes.count ?? 0) })
        for id in project.order {
            guard let module = project.module(id) else { continue }
            if let facts = prepared?.arrive(id) { facts.seed(cache) }
            // In source order, as Python runs them: a class may use a `Table(...)` defined above it
            // (`ForeignKey(users.c.id)`), and an `Index(...)` or listener below a class uses the class.
            var classIndex = 0
            for stmt in module.body {
                if case .classDef = stmt {
                    processClass(ClassKey(module: id, index: classIndex))
                    classIndex += 1
                } else {
                    processModuleStatement(stmt, in: id)
                }
            }
        }
        prepared?.waitForAll()
        let catalog = finalize()
        return ReadResult(catalog: catalog, diagnostics: allDiagnostics())
    }

    /// Room for `count` classes in the per-class tables: a large project grew each of them a dozen
    /// times, rehashing every entry each time. Nothing iterates these tables, so their capacity
    /// changes no output.
    mutating func reserveForClasses(_ count: Int) {
        tables.reserveCapacity(count)
        tableOfClass.reserveCapacity(count)
        tableByName.reserveCapacity(count)
        processed.reserveCapacity(count)
        cache.reserveForClasses(count)
    }

    // MARK: diagnostics

    func location(_ offset: Int, in module: ModuleID) -> SourceLocation {
        guard let file = project.module(module)?.file else { return SourceLocation(path: project.path(module), line: 1, column: 1) }
        return file.location(at: min(max(0, offset), file.bytes.count))
    }

    func text(_ range: Range<Int>, in module: ModuleID) -> String {
        project.module(module)?.file.text(range) ?? ""
    }

    /// Records a warning from a non-mutating helper (type evaluation, schema names).
    func warn(_ message: String, at offset: Int, in module: ModuleID) {
        queue.append(Diagnostic(.warning, message, at: location(offset, in: module)))
    }

    mutating func warning(_ message: String, at offset: Int, in module: ModuleID) {
        log.warning(message, at: location(offset, in: module))
    }

    /// All diagnostics in file order (those without a location first), so output is deterministic.
    func allDiagnostics() -> [Diagnostic] {
        var seen: Set<String> = []
        let all = (log.diagnostics + queue.drain()).filter { seen.insert($0.description).inserted }
        return all.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case (nil, nil): return a.offset < b.offset
            case (nil, _): return true
            case (_, nil): return false
            case (let x?, let y?): return x == y ? a.offset < b.offset : x < y
            }
        }.map(\.element)
    }
}

/// Collects warnings raised by non-mutating helpers until the builder returns its result, so
/// evaluation code can stay free of `inout` plumbing. One per reading; never shared across threads.
final class WarningQueue: @unchecked Sendable {
    private var items: [Diagnostic] = []

    func append(_ diagnostic: Diagnostic) { items.append(diagnostic) }

    /// How many warnings are queued.
    var count: Int { items.count }

    func drain() -> [Diagnostic] {
        defer { items.removeAll() }
        return items
    }

    /// Removes and returns the warnings queued since there were `count` of them.
    func drain(from count: Int) -> [Diagnostic] {
        guard count < items.count else { return [] }
        defer { items.removeSubrange(count...) }
        return Array(items[count...])
    }
}
