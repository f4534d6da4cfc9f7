/// A class defined in a project module.
struct ClassKey: Hashable, Sendable, Comparable {
    var module: String
    var index: Int

    static func < (lhs: ClassKey, rhs: ClassKey) -> Bool { (lhs.module, lhs.index) < (rhs.module, rhs.index) }
}

/// What an expression names once imports and aliases are followed.
enum Resolved: Sendable {
    case classRef(ClassKey)
    case function(PyFunction, module: String)
    /// A module-level value (its expression and the module it is written in).
    case value(PyExpr, module: String)
    case module(String)
    /// A name from outside the project, dotted (`sqlalchemy.dialects.postgresql.JSONB`).
    case external(String)
    /// `Model.attr` for a project class.
    case classAttribute(ClassKey, String)
    case unknown

    /// The last component of an external name (`JSONB`), else nil.
    var externalName: String? {
        if case .external(let dotted) = self {
            return dotted.lastDottedComponent
        }
        return nil
    }
}

/// Name resolution across the project's modules: follows imports, star imports and simple aliases.
struct Resolver: Sendable {
    let project: PythonProject
    private let cache = BuilderCache()
    private static let builtins: Set<String> = [
        "int", "str", "bool", "float", "bytes", "dict", "list", "set", "tuple", "object", "type", "None",
        "True", "False",
    ]

    init(project: PythonProject) {
        self.project = project
    }

    func module(_ path: String) -> PythonModule? { project.modules[path] }

    func classDef(_ key: ClassKey) -> PyClass { project.modules[key.module]!.classes[key.index] }

    /// Resolves `expr` written in `module`. Values that are plain aliases (`Base = OtherBase`) are
    /// followed; other values are returned as `.value`.
    func resolve(_ expr: PyExpr, in module: String, depth: Int = 0) -> Resolved {
        guard depth < 32 else { return .unknown }
        switch expr {
        case .name(let name, _):
            return follow(cachedLookup(name, in: module), depth: depth)
        case .attribute(let base, let name, _):
            switch resolve(base, in: module, depth: depth + 1) {
            case .external(let dotted): return .external(dotted + "." + name)
            case .module(let path): return follow(cachedLookup(name, in: path), depth: depth)
            case .classRef(let key): return .classAttribute(key, name)
            default: return .unknown
            }
        case .string(let text, false, _):
            // A forward reference written as a string annotation: `Mapped["Profile"]`.
            if !text.isEmpty, text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) {
                return resolve(.name(text, at: expr.offset), in: module, depth: depth + 1)
            }
            return .unknown
        default:
            return .unknown
        }
    }

    private func follow(_ resolved: Resolved, depth: Int) -> Resolved {
        if case .value(let value, let module) = resolved {
            switch value {
            case .name, .attribute:
                let next = resolve(value, in: module, depth: depth + 1)
                if case .unknown = next { return resolved }
                return next
            default:
                return resolved
            }
        }
        return resolved
    }

    private func cachedLookup(_ name: String, in path: String) -> Resolved {
        if let hit = cache.lookups[path]?[name] { return hit }
        let found = lookup(name, in: path, visited: [])
        cache.lookups[path, default: [:]][name] = found
        return found
    }

    /// The binding of `name` in a module, following `from x import name` and star imports.
    func lookup(_ name: String, in path: String, visited: Set<String>) -> Resolved {
        guard let module = project.modules[path], !visited.contains(path + ":" + name), visited.count < 64 else {
            return .unknown
        }
        var seen = visited
        seen.insert(path + ":" + name)
        if let binding = module.bindings[name] {
            switch binding {
            case .classDef(let index): return .classRef(ClassKey(module: path, index: index))
            case .function(let fn): return .function(fn, module: path)
            case .value(let value): return .value(value, module: path)
            case .module(let target): return .module(target)
            case .importedName(let target, let imported):
                let found = lookup(imported, in: target, visited: seen)
                if case .unknown = found, let sub = project.localModule(dotted: imported, level: 1, from: project.modules[target] ?? module) {
                    return project.modules[sub] != nil ? .module(sub) : .unknown
                }
                return found
            case .external(let dotted): return .external(dotted)
            }
        }
        for star in module.starImports {
            let found = lookup(name, in: star, visited: seen)
            if case .unknown = found { continue }
            return found
        }
        if Self.builtins.contains(name) { return .external("builtins." + name) }
        if let library = module.externalStarImports.first { return .external(library + "." + name) }
        return .unknown
    }
}

extension String {
    /// `JSONB` for `sqlalchemy.dialects.postgresql.JSONB`; scans UTF-8 bytes (no grapheme work).
    var lastDottedComponent: String {
        let bytes = utf8
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")) else { return self }
        return String(self[bytes.index(after: dot)...])
    }
}
