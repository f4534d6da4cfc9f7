/// A class defined in a project module.
struct ClassKey: Hashable, Sendable {
    var module: ModuleID
    var index: Int
}

/// What an expression names once imports and aliases are followed.
enum Resolved: Sendable {
    case classRef(ClassKey)
    case function(PyFunction, module: ModuleID)
    /// A module-level value (its expression and the module it is written in).
    case value(PyExpr, module: ModuleID)
    case module(ModuleID)
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

    /// The kind of table argument ``externalName`` names, if any: what comparing it with each kind's
    /// name gives, found on the bytes with one scan and without making the name a `String`. A name
    /// with non-ASCII bytes is compared as `String`s are (canonical equivalence).
    var tableItemKind: TableItemKind? {
        guard case .external(let dotted) = self else { return nil }
        let fast: TableItemKind?? = dotted.utf8.withContiguousStorageIfAvailable { bytes -> TableItemKind?? in
            var start = bytes.count
            while start > 0 {
                let byte = bytes[start - 1]
                if byte == UInt8(ascii: ".") { break }
                if byte >= 0x80 { return nil }
                start -= 1
            }
            let part = UnsafeBufferPointer(rebasing: bytes[start...])
            for kind in TableItemKind.allCases where Self.equal(part, kind.name) { return .some(kind) }
            return .some(nil)
        } ?? nil
        if let fast { return fast }
        let name = dotted.lastDottedComponent
        return TableItemKind.allCases.first { name == $0.name.description }
    }

    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        guard bytes.count == count else { return false }
        let expected = name.utf8Start
        for j in 0..<count where bytes[j] != expected[j] { return false }
        return true
    }
}

/// Name resolution across the project's modules: follows imports, star imports and simple aliases.
struct Resolver: Sendable {
    let project: PythonProject
    private let names = NameLookupTable()
    private static let builtins: Set<String> = [
        "int", "str", "bool", "float", "bytes", "dict", "list", "set", "tuple", "object", "type", "None",
        "True", "False",
    ]

    init(project: PythonProject) {
        self.project = project
    }

    func module(_ id: ModuleID) -> PythonModule? { project.module(id) }

    func classDef(_ key: ClassKey) -> PyClass { project.module(key.module)!.classes[key.index] }

    /// Resolves `expr` written in `module`. Values that are plain aliases (`Base = OtherBase`) are
    /// followed; other values are returned as `.value`.
    func resolve(_ expr: PyExpr, in module: ModuleID, depth: Int = 0) -> Resolved {
        guard depth < 32 else { return .unknown }
        switch expr {
        case .name(let name, _):
            return follow(cachedLookup(name, in: module), depth: depth)
        case .attribute(let base, let name, _):
            switch resolve(base, in: module, depth: depth + 1) {
            case .external(let dotted):
                // Made at its size in one go: `dotted + "." + name` made (and allocated) the
                // intermediate `dotted.` as well.
                var joined = ""
                joined.reserveCapacity(dotted.utf8.count + 1 + name.utf8.count)
                joined += dotted
                joined += "."
                joined += name
                return .external(joined)
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

    private func cachedLookup(_ name: String, in id: ModuleID) -> Resolved {
        if let hit = names.value(name, module: id.index) { return hit }
        let found = lookup(name, in: id, visited: [])
        names.insert(name, module: id.index, value: found)
        return found
    }

    /// The binding of `name` in a module, following `from x import name` and star imports.
    ///
    /// `visited` holds the (module, name) pairs being followed, at most 64 and usually none or one:
    /// a short array scanned linearly, extended only when an import is followed, costs far less
    /// than building a set on every lookup (lookups missing the memo were a tenth of resolving).
    func lookup(_ name: String, in id: ModuleID, visited: [ModuleLookupKey]) -> Resolved {
        let visit = ModuleLookupKey(module: id, name: name)
        guard let module = project.module(id), !visited.contains(visit), visited.count < 64 else {
            return .unknown
        }
        var seen: [ModuleLookupKey] {
            var extended = visited
            extended.append(visit)
            return extended
        }
        if let binding = module.bindings[name] {
            switch binding {
            case .classDef(let index): return .classRef(ClassKey(module: id, index: index))
            case .function(let fn): return .function(fn, module: id)
            case .value(let value): return .value(value, module: id)
            case .module(let target): return .module(target)
            case .importedName(let target, let imported):
                let found = lookup(imported, in: target, visited: seen)
                if case .unknown = found, let sub = project.localModule(dotted: imported, level: 1, from: project.module(target) ?? module) {
                    if let subID = project.id(ofPath: sub), project.module(subID) != nil { return .module(subID) }
                    return .unknown
                }
                return found
            case .external(let dotted): return .external(dotted)
            }
        }
        let following = module.starImports.isEmpty ? [] : seen
        for star in module.starImports {
            let found = lookup(name, in: star, visited: following)
            if case .unknown = found { continue }
            return found
        }
        if Self.builtins.contains(name) { return .external("builtins." + name) }
        if let library = module.externalStarImports.first { return .external(library + "." + name) }
        return .unknown
    }
}

/// A (module, name) pair, to stop import cycles while following names.
struct ModuleLookupKey: Hashable, Sendable {
    var module: ModuleID
    var name: String
}

extension String {
    /// `JSONB` for `sqlalchemy.dialects.postgresql.JSONB`; scans UTF-8 bytes (no grapheme work, no
    /// generic index arithmetic: this runs for nearly every name the reader resolves).
    var lastDottedComponent: String {
        var copy = self
        return copy.withUTF8 { bytes -> String in
            var k = bytes.count
            while k > 0 {
                k -= 1
                if bytes[k] == UInt8(ascii: ".") {
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[(k + 1)...]), as: UTF8.self)
                }
            }
            return self
        }
    }
}
