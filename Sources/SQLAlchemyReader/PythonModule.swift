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
        /// A local module (`import models`, `from . import models`), by path.
        case module(String)
        /// `from <local module> import name`.
        case importedName(module: String, name: String)
        /// A name from outside the project, fully dotted (`sqlalchemy.orm.Mapped`).
        case external(String)
    }

    let path: String
    let file: SourceFile
    let body: [PyStmt]
    var classes: [PyClass] = []
    var bindings: [String: Binding] = [:]
    /// `from <local> import *` sources, consulted in order for names not bound here.
    var starImports: [String] = []
    /// `from <library> import *` module names: unresolved names are assumed to come from the first.
    var externalStarImports: [String] = []
    /// Local modules this one imports with `from ... import` (for cycle detection).
    var importedModules: [(path: String, at: Int)] = []
    /// Local modules bound by `import x` or `from . import x` (loaded, not checked for cycles).
    var plainImports: [String] = []

    init(path: String, file: SourceFile, body: [PyStmt]) {
        self.path = path
        self.file = file
        self.body = body
    }

    var directory: String { SourcePath.directory(of: path) }
    var isPackageInit: Bool { path.hasSuffix("/__init__.py") || path == "__init__.py" }
}

/// Every module the reader looked at: the inputs and the local modules they import.
struct PythonProject: Sendable {
    let files: SourceFileProvider
    private(set) var modules: [String: PythonModule] = [:]
    /// Paths in the order they were loaded (inputs first), for deterministic output.
    private(set) var order: [String] = []
    var log = DiagnosticLog()

    init(files: SourceFileProvider) {
        self.files = files
    }

    /// Loads the given files and directories and, transitively, the local modules they import.
    mutating func load(paths: [String]) {
        var queue: [String] = []
        for path in paths {
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
        var next = 0
        while next < queue.count {
            let path = queue[next]
            next += 1
            if modules[path] != nil { continue }
            guard let bytes = files.contents(of: path) else { continue }
            let file = SourceFile(path: path, bytes: bytes)
            let body = PythonParser.parse(file, log: &log)
            let module = PythonModule(path: path, file: file, body: body)
            bind(module)
            queue += module.importedModules.map(\.path)
            queue += module.starImports
            queue += module.plainImports
            modules[path] = module
            order.append(path)
        }
        reportImportCycles()
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
    private func bind(_ module: PythonModule) {
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
                    if let local = localModule(dotted: item.name, level: 0, from: module) {
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
                let local = localModule(dotted: name, level: level, from: module)
                for item in names {
                    if item.name == "*" {
                        if let local { module.starImports.append(local) } else { module.externalStarImports.append(name) }
                        continue
                    }
                    let bound = item.alias ?? item.name
                    if let local {
                        module.bindings[bound] = .importedName(module: local, name: item.name)
                        module.importedModules.append((local, at))
                    } else if let sub = localModule(dotted: name.isEmpty ? item.name : name + "." + item.name, level: level, from: module) {
                        module.bindings[bound] = .module(sub)
                        module.plainImports.append(sub)
                    } else {
                        module.bindings[bound] = .external(name.isEmpty ? item.name : name + "." + item.name)
                    }
                }
            case .expression, .returnValue:
                break
            }
        }
    }

    /// The path of a project module for `import a.b` / `from ..a import`, if it exists.
    func localModule(dotted: String, level: Int, from module: PythonModule) -> String? {
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
                if files.contents(of: candidate) != nil { return candidate }
                continue
            }
            for candidate in [SourcePath.join(base, relative + ".py"), SourcePath.join(base, relative + "/__init__.py")]
            where files.contents(of: candidate) != nil {
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
        for path in order {
            guard let module = modules[path], !module.isPackageInit else { continue }
            for (target, at) in module.importedModules where target != path {
                guard let other = modules[target], !other.isPackageInit else { continue }
                if other.importedModules.contains(where: { $0.path == path }), path < target {
                    log.warning("circular import between '\(path)' and '\(target)'", at: module.file.location(at: at))
                }
            }
        }
    }
}
