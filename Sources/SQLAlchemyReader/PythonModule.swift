import SchemaModel
import SourceScanning

/// A parsed Python module with its top-level names.
///
/// A class, so that the many lookups during model building share one instance instead of copying
/// its fields; it is filled in once by ``PythonProject`` and never changed afterwards.
final class PythonModule: @unchecked Sendable {
    /// What a top-level name is bound to.
    enum Binding: Sendable {
        /// A class defined in this module, by index into ``classes``.
        case classDef(Int)
        case function(PyFunction)
        case value(PyExpr)
        /// A local module (`import models`, `from . import models`).
        case module(ModuleID)
        /// `from <local module> import name`.
        case importedName(module: ModuleID, name: String)
        /// A name from outside the project, fully dotted (`sqlalchemy.orm.Mapped`).
        case external(String)
    }

    let path: String
    /// This module's number in its ``PythonProject``.
    let id: ModuleID
    let file: SourceFile
    let body: [PyStmt]
    var classes: [PyClass] = []
    var bindings: [String: Binding] = [:]
    /// `from <local> import *` sources, consulted in order for names not bound here.
    var starImports: [ModuleID] = []
    /// `from <library> import *` module names: unresolved names are assumed to come from the first.
    var externalStarImports: [String] = []
    /// Local modules this one imports with `from ... import` (for cycle detection).
    var importedModules: [(id: ModuleID, at: Int)] = []
    /// Local modules bound by `import x` or `from . import x` (loaded, not checked for cycles).
    var plainImports: [ModuleID] = []
    /// Whether lexing or parsing the file reported anything: its syntax tree may then hold statements
    /// recovered mid-line, so model building does not reuse results by statement text there.
    var hasSyntaxErrors = false

    init(path: String, id: ModuleID, file: SourceFile, body: [PyStmt]) {
        self.path = path
        self.id = id
        self.directory = SourcePath.directory(of: path)
        self.file = file
        self.body = body
    }

    /// The directory the module is in (computed once: import resolution asks for it per import).
    let directory: String
    var isPackageInit: Bool { path.hasSuffix("/__init__.py") || path == "__init__.py" }
}

/// A module of a ``PythonProject``, by number: cheap to hash and compare, unlike its path, which
/// matters because model building looks names up per module hundreds of thousands of times.
struct ModuleID: Hashable, Sendable {
    var index: Int
}

/// Every module the reader looked at: the inputs and the local modules they import.
struct PythonProject: Sendable {
    let files: SourceFileProvider
    /// Modules by ``ModuleID``; nil for a path that was found but could not be read.
    private(set) var slots: [PythonModule?] = []
    /// Each known path's number (assigned when the path is first seen, so imports can refer to
    /// modules not loaded yet).
    private(set) var ids: [String: ModuleID] = [:]
    /// Modules in the order they were loaded (inputs first), for deterministic output.
    private(set) var order: [ModuleID] = []
    var log = DiagnosticLog()
    /// `localModule` answers by importing directory, level and dotted name; the same imports recur
    /// in every module of a package.
    private var localModules = LocalModuleCache()
    /// Paths read (and parsed ahead) at the start of loading: an import of one of them is found
    /// without asking the file provider, which read the whole file again just to see it exists.
    private var readPaths: Set<String> = []

    init(files: SourceFileProvider) {
        self.files = files
    }

    /// The memo of import answers as it stands, as a value (see ``withPrivateCaches(answers:)``).
    var localModuleAnswers: [LocalModuleCache.Key: String?] { localModules.answers }

    /// A copy sharing the modules (read-only once loaded) but with its own memo of import answers,
    /// starting from `answers`, for use on another thread: the memo is the one thing lookups still
    /// write. The answers must be taken on the thread that owns this project, before handing them
    /// over: that thread may be adding to its memo meanwhile.
    func withPrivateCaches(answers: [LocalModuleCache.Key: String?]) -> PythonProject {
        var copy = self
        copy.localModules = LocalModuleCache(answers: answers)
        return copy
    }

    /// How many module numbers were handed out (loaded or not).
    var moduleCount: Int { slots.count }

    /// The loaded module with this number.
    func module(_ id: ModuleID) -> PythonModule? { slots[id.index] }

    /// The path of a module (as found, for locations and messages).
    func path(_ id: ModuleID) -> String { paths[id.index] }
    private var paths: [String] = []

    /// The number of a known path.
    func id(ofPath path: String) -> ModuleID? { ids[path] }

    private mutating func id(for path: String) -> ModuleID {
        if let known = ids[path] { return known }
        let id = ModuleID(index: slots.count)
        ids[path] = id
        slots.append(nil)
        paths.append(path)
        return id
    }

    /// Loads the given files and directories and, transitively, the local modules they import.
    mutating func load(paths inputs: [String]) {
        var queue: [String] = []
        for path in inputs {
            if files.isDirectory(path) {
                let found = (files.files(under: path) ?? []).filter { isModelSource($0, root: path) }
                if found.isEmpty {
                    log.error("no Python files in directory '\(path)'", at: nil)
                }
                queue += found
            } else if files.contents(of: path) != nil {
                queue.append(path)
            } else {
                log.error("cannot read '\(path)'", at: nil)
            }
        }
        let preparsed = parseInParallel(queue)
        readPaths = Set(preparsed.keys)
        var loaded: Set<String> = []
        var next = 0
        while next < queue.count {
            let path = queue[next]
            next += 1
            if !loaded.insert(path).inserted { continue }
            let file: SourceFile
            let body: [PyStmt]
            let syntaxErrors: Bool
            if let parsed = preparsed[path] {
                file = parsed.file
                body = parsed.body
                for diagnostic in parsed.diagnostics { log.add(diagnostic) }
                syntaxErrors = !parsed.diagnostics.isEmpty
            } else {
                guard let bytes = files.contents(of: path) else { continue }
                file = SourceFile(path: path, bytes: bytes)
                let before = log.diagnostics.count + log.suppressed
                body = PythonParser.parse(file, log: &log)
                syntaxErrors = log.diagnostics.count + log.suppressed != before
            }
            let module = PythonModule(path: path, id: id(for: path), file: file, body: body)
            module.hasSyntaxErrors = syntaxErrors
            bind(module)
            queue += module.importedModules.map { self.path($0.id) }
            queue += module.starImports.map { self.path($0) }
            queue += module.plainImports.map { self.path($0) }
            slots[module.id.index] = module
            order.append(module.id)
        }
        reportImportCycles()
    }

    /// The files a reading starts from, parsed on all cores (see ``ParallelParsing``); empty for
    /// a few files. Imports found later are parsed one by one as they turn up.
    private func parseInParallel(_ paths: [String]) -> [String: ParallelParsing.Parsed] {
        var seen: Set<String> = []
        let unique = paths.filter { seen.insert($0).inserted }
        guard unique.count >= ParallelParsing.minimumFiles else { return [:] }
        var byPath: [String: ParallelParsing.Parsed] = [:]
        for case let parsed? in ParallelParsing.parse(unique, files: files) { byPath[parsed.file.path] = parsed }
        return byPath
    }

    /// Whether a file found under a directory is a module to read (not a test, migration, cache or
    /// virtual environment).
    private func isModelSource(_ path: String, root: String) -> Bool {
        guard path.hasSuffix(".py") else { return false }
        var base = root
        while base.count > 1, base.hasSuffix("/") { base.removeLast() }
        // Only folders below the given directory count: a project may itself live under `tests/`.
        let relative = path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
        let parts = relative.split(separator: "/")
        let skipped: Set<Substring> = [
            "tests", "test", "migrations", "alembic", "versions", "__pycache__", ".venv", "venv",
            "site-packages", "node_modules", ".git",
        ]
        if parts.dropLast().contains(where: { skipped.contains($0) || $0.hasPrefix(".") }) { return false }
        let name = parts.last ?? ""
        return !(name.hasPrefix("test_") || name.hasSuffix("_test.py") || name == "conftest.py")
    }

    /// Fills a module's top-level bindings from its statements.
    private mutating func bind(_ module: PythonModule) {
        // Room for a binding per statement up front: a large module grew its table a dozen times
        // (nothing iterates the table, so its capacity changes no output).
        module.bindings.reserveCapacity(module.body.count)
        for stmt in module.body {
            switch stmt {
            case .classDef(let cls):
                module.classes.append(cls)
                module.bindings[cls.name] = .classDef(module.classes.count - 1)
            case .function(let fn):
                module.bindings[fn.name] = .function(fn)
            case .assign(let targets, let value, _):
                for target in targets {
                    if case .name(let name, _) = target { module.bindings[name] = .value(value) }
                }
            case .annotated(let target, _, let value, _):
                if case .name(let name, _) = target, let value { module.bindings[name] = .value(value) }
            case .importModule(let names, _):
                for item in names {
                    if let path = localModule(dotted: item.name, level: 0, from: module) {
                        let local = id(for: path)
                        module.bindings[item.alias ?? item.name] = .module(local)
                        module.plainImports.append(local)
                    } else if let alias = item.alias {
                        module.bindings[alias] = .external(item.name)
                    } else {
                        let head = String(item.name.split(separator: ".").first ?? "")
                        module.bindings[head] = .external(head)
                    }
                }
            case .importFrom(let name, let level, let names, let at):
                let local = localModule(dotted: name, level: level, from: module).map { id(for: $0) }
                for item in names {
                    if item.name == "*" {
                        if let local { module.starImports.append(local) } else { module.externalStarImports.append(name) }
                        continue
                    }
                    let bound = item.alias ?? item.name
                    if let local {
                        module.bindings[bound] = .importedName(module: local, name: item.name)
                        module.importedModules.append((local, at))
                    } else if let subPath = localModule(dotted: name.isEmpty ? item.name : name + "." + item.name, level: level, from: module) {
                        let sub = id(for: subPath)
                        module.bindings[bound] = .module(sub)
                        module.plainImports.append(sub)
                    } else {
                        module.bindings[bound] = .external(name.isEmpty ? item.name : name + "." + item.name)
                    }
                }
            case .expression, .returnValue, .repeated:
                break
            }
        }
    }

    /// The path of a project module for `import a.b` / `from ..a import`, if it exists.
    func localModule(dotted: String, level: Int, from module: PythonModule) -> String? {
        let key = LocalModuleCache.Key(directory: module.directory, level: level, dotted: dotted)
        if let hit = localModules.answers[key] { return hit }
        let found = findLocalModule(dotted: dotted, level: level, from: module)
        localModules.answers[key] = .some(found)
        return found
    }

    private func findLocalModule(dotted: String, level: Int, from module: PythonModule) -> String? {
        // Well-known libraries are never project modules, even when a folder shares their name
        // (a fixture directory called `sqlalchemy/`, say).
        if level == 0, let head = dotted.split(separator: ".").first, Self.libraries.contains(String(head)) { return nil }
        let relative = dotted.split(separator: ".").joined(separator: "/")
        var bases: [String] = []
        if level > 0 {
            var dir = module.directory
            for _ in 1..<level { dir = SourcePath.directory(of: dir) }
            bases = [dir]
        } else {
            // A sibling module, then the same path from each enclosing directory (package imports).
            var dir = module.directory
            for _ in 0..<8 {
                bases.append(dir)
                let parent = SourcePath.directory(of: dir)
                if parent == dir { break }
                dir = parent
            }
        }
        for base in bases {
            if relative.isEmpty {
                let candidate = SourcePath.join(base, "__init__.py")
                if readPaths.contains(candidate) || files.contents(of: candidate) != nil { return candidate }
                continue
            }
            for candidate in [SourcePath.join(base, relative + ".py"), SourcePath.join(base, relative + "/__init__.py")]
            where readPaths.contains(candidate) || files.contents(of: candidate) != nil {
                return candidate
            }
        }
        return nil
    }

    static let libraries: Set<String> = [
        "sqlalchemy", "sqlmodel", "alembic", "typing", "typing_extensions", "datetime", "uuid", "decimal", "enum",
        "os", "sys", "re", "json", "dataclasses", "pydantic", "geoalchemy2", "pgvector", "__future__", "collections",
        "functools", "abc", "builtins",
    ]

    /// Warns about modules that import names from each other at top level (Python fails on those
    /// at import time). Package `__init__.py` files are left out: re-exporting is their job.
    private mutating func reportImportCycles() {
        for id in order {
            guard let module = module(id), !module.isPackageInit else { continue }
            let path = module.path
            for (target, at) in module.importedModules where target != id {
                guard let other = self.module(target), !other.isPackageInit else { continue }
                if other.importedModules.contains(where: { $0.id == id }), path < other.path {
                    log.warning("circular import between '\(path)' and '\(other.path)'", at: module.file.location(at: at))
                }
            }
        }
    }
}

/// Memoized ``PythonProject/localModule(dotted:level:from:)`` answers. Filled while loading (one
/// thread), read-only afterwards.
final class LocalModuleCache: @unchecked Sendable {
    struct Key: Hashable {
        var directory: String
        var level: Int
        var dotted: String
    }

    var answers: [Key: String?]

    init(answers: [Key: String?] = [:]) {
        self.answers = answers
    }
}
