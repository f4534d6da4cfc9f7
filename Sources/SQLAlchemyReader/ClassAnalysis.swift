import SchemaModel
import SourceScanning

/// What a declarative base states for the models below it.
struct BaseInfo: Sendable {
    var schema: String?
    var convention: [String: String] = [:]
    /// `type_annotation_map` entries: canonical Python type name -> SQLAlchemy type expression.
    var typeMap: [String: (PyExpr, ModuleID)] = [:]
    var isSQLModel = false
}

/// One entry of a class's linearized ancestry.
enum Ancestor: Sendable {
    case local(ClassKey)
    case external(String)
    /// `Base = declarative_base(...)` or `registry().generate_base()`: the call and its module.
    case generatedBase(PyExpr, module: ModuleID)
}

extension ModelBuilder {
    /// The class's ancestors in method resolution order (approximated depth-first, left to right,
    /// first occurrence kept), not including the class itself.
    func ancestors(of key: ClassKey) -> [Ancestor] {
        if let cached = cache.ancestors[key] { return cached }
        let computed = computeAncestors(of: key)
        cache.ancestors[key] = computed
        return computed
    }

    private func computeAncestors(of key: ClassKey) -> [Ancestor] {
        var out: [Ancestor] = []
        var seen: Set<ClassKey> = [key]
        // Bases from outside the project, seen so far: a class has one or two, and a set made per
        // class cost more than searching the list.
        var externals: [String] = []
        func visit(_ key: ClassKey, depth: Int) {
            guard depth < 40 else { return }
            for base in resolver.classDef(key).bases where base.keyword == nil && !base.isStar {
                switch resolver.resolve(base.value, in: key.module) {
                case .classRef(let parent):
                    if seen.insert(parent).inserted {
                        out.append(.local(parent))
                        visit(parent, depth: depth + 1)
                    }
                case .external(let dotted):
                    if !externals.contains(dotted) {
                        externals.append(dotted)
                        out.append(.external(dotted))
                    }
                case .value(let value, let module):
                    if isGeneratedBaseCall(value, in: module) { out.append(.generatedBase(value, module: module)) }
                default:
                    break
                }
            }
        }
        visit(key, depth: 0)
        return out
    }

    /// `declarative_base(...)`, `registry(...).generate_base()`, `reg.generate_base()`.
    func isGeneratedBaseCall(_ expr: PyExpr, in module: ModuleID) -> Bool {
        guard case .call(let callee, _, _) = expr else { return false }
        if resolver.resolve(callee, in: module).externalName == "declarative_base" { return true }
        if case .attribute(_, "generate_base", _) = callee { return true }
        return false
    }

    static let declarativeRoots: Set<String> = ["DeclarativeBase", "DeclarativeBaseNoMeta"]

    /// Whether a class is itself a declarative base (subclasses `DeclarativeBase` directly or is SQLModel's).
    func isDeclarativeBaseClass(_ key: ClassKey) -> Bool {
        if let known = cache.isDeclarativeBase[key] { return known }
        let computed = computeIsDeclarativeBaseClass(key)
        cache.isDeclarativeBase[key] = computed
        return computed
    }

    private func computeIsDeclarativeBaseClass(_ key: ClassKey) -> Bool {
        resolver.classDef(key).bases.contains { base in
            guard base.keyword == nil, let name = resolver.resolve(base.value, in: key.module).externalName else { return false }
            return Self.declarativeRoots.contains(name)
        }
    }

    /// The declarative base a class descends from, if any, with what it states.
    func baseInfo(for key: ClassKey) -> BaseInfo? {
        if let cached = cache.baseInfo[key] { return cached }
        let computed = computeBaseInfo(for: key)
        cache.baseInfo[key] = .some(computed)
        return computed
    }

    /// The class (if any) whose body defines the declarative base of `key`, for cache keys.
    func baseClass(for key: ClassKey) -> ClassKey? {
        if isDeclarativeBaseClass(key) { return key }
        for case .local(let parent) in ancestors(of: key) where isDeclarativeBaseClass(parent) { return parent }
        return nil
    }

    private func computeBaseInfo(for key: ClassKey) -> BaseInfo? {
        if isDeclarativeBaseClass(key) { return baseInfo(ofBaseClass: key) }
        for ancestor in ancestors(of: key) {
            switch ancestor {
            case .local(let parent) where isDeclarativeBaseClass(parent):
                // Through the cache: every model of a project shares its base.
                return baseInfo(for: parent)
            case .generatedBase(let call, let module):
                let key = BuilderCache.GeneratedBaseKey(module: module, offset: call.offset)
                if let known = cache.generatedBaseInfo[key] { return known }
                let info = baseInfo(ofGeneratedBase: call, module: module)
                cache.generatedBaseInfo[key] = info
                return info
            case .external(let dotted) where dotted.hasSuffix("SQLModel"):
                var info = BaseInfo()
                info.isSQLModel = true
                return info
            default:
                continue
            }
        }
        return nil
    }

    private func baseInfo(ofBaseClass key: ClassKey) -> BaseInfo {
        var info = BaseInfo()
        for stmt in resolver.classDef(key).body {
            let (name, value): (String?, PyExpr?) = {
                switch stmt {
                case .assign(let targets, let value, _):
                    if case .name(let n, _) = targets.first { return (n, value) }
                case .annotated(.name(let n, _), _, let value, _):
                    return (n, value)
                default: break
                }
                return (nil, nil)
            }()
            guard let name, let value else { continue }
            if name == "metadata" { applyMetadata(value, in: key.module, to: &info) }
            if name == "type_annotation_map" { applyTypeMap(value, in: key.module, to: &info) }
            if name == "registry", case .call(_, let args, _) = value {
                for arg in args {
                    if arg.keyword == "metadata" { applyMetadata(arg.value, in: key.module, to: &info) }
                    if arg.keyword == "type_annotation_map" { applyTypeMap(arg.value, in: key.module, to: &info) }
                }
            }
        }
        return info
    }

    func baseInfo(ofGeneratedBase call: PyExpr, module: ModuleID) -> BaseInfo {
        var info = BaseInfo()
        guard case .call(let callee, let args, _) = call else { return info }
        for arg in args where arg.keyword == "metadata" { applyMetadata(arg.value, in: module, to: &info) }
        // `registry(metadata=...).generate_base()` or `reg.generate_base()` with `reg = registry(...)`.
        if case .attribute(let owner, "generate_base", _) = callee {
            var registryCall: PyExpr? = owner
            if case .value(let v, _) = resolver.resolve(owner, in: module) { registryCall = v }
            if case .call(_, let regArgs, _)? = registryCall {
                for arg in regArgs {
                    if arg.keyword == "metadata" { applyMetadata(arg.value, in: module, to: &info) }
                    if arg.keyword == "type_annotation_map" { applyTypeMap(arg.value, in: module, to: &info) }
                }
            }
        }
        return info
    }

    /// Reads `MetaData(schema=..., naming_convention={...})`, directly or through a module name.
    func applyMetadata(_ expr: PyExpr, in module: ModuleID, to info: inout BaseInfo) {
        var call = expr
        var callModule = module
        if case .value(let value, let m) = resolver.resolve(expr, in: module) {
            call = value
            callModule = m
        }
        guard case .call(_, let args, _) = call else { return }
        for arg in args {
            if arg.keyword == "schema" {
                info.schema = schemaName(arg.value, in: callModule)
            } else if arg.keyword == "naming_convention" {
                var dict = arg.value
                if case .value(let value, _) = resolver.resolve(arg.value, in: callModule) { dict = value }
                if case .dict(let entries, _) = dict {
                    for entry in entries {
                        if let key = entry.key?.stringValue, let value = entry.value.stringValue {
                            info.convention[key] = value
                        }
                    }
                }
            }
        }
    }

    private func applyTypeMap(_ expr: PyExpr, in module: ModuleID, to info: inout BaseInfo) {
        var dict = expr
        if case .value(let value, _) = resolver.resolve(expr, in: module) { dict = value }
        guard case .dict(let entries, _) = dict else { return }
        for entry in entries {
            guard let key = entry.key, let name = pythonTypeName(key, in: module) else { continue }
            info.typeMap[name] = (entry.value, module)
        }
    }

    /// A schema name from a literal, or from the configured override when the code computes it.
    func schemaName(_ expr: PyExpr, in module: ModuleID, depth: Int = 0) -> String? {
        if let literal = expr.stringValue { return literal }
        if case .name("None", _) = expr { return nil }
        if depth < 8, case .value(let value, _) = resolver.resolve(expr, in: module) {
            if let literal = value.stringValue { return literal }
            return schemaName(value, in: module, depth: depth + 1)
        }
        if let override = options.schemaOverride { return override }
        // `os.getenv("X", "app")` / `os.environ.get("X", "app")`: the fallback literal.
        if case .call(_, let args, _) = expr, args.count >= 2, let fallback = args[1].value.stringValue {
            return fallback
        }
        warn("schema name is computed at run time; pass it with --sqlalchemy-schema", at: expr.offset, in: module)
        return nil
    }
}
