import SchemaModel
import SourceScanning

/// Evaluates the statically knowable part of a set of TypeScript modules: constants, objects, arrays,
/// arrow functions, imports across files, and calls of Drizzle builders (kept as ``Chain``s).
///
/// Top-level bindings are evaluated on demand and memoized, so declaration order and import cycles do
/// not matter; a binding that depends on itself evaluates to `unknown` instead of recursing.
final class DrizzleEvaluator {
    struct Module {
        var path: String
        var file: SourceFile
        var syntax: TSModule
        /// Import specifier -> module index; absent for packages and missing files.
        var resolved: [String: Int] = [:]
    }

    // The evaluator is used by one thread at a time and never hands out overlapping accesses to its
    // state, so the dynamic exclusivity checks (a runtime call per access, hundreds of thousands per
    // read) are switched off for its stored properties.
    @exclusivity(unchecked) var modules: [Module] = []
    @exclusivity(unchecked) var casing: DrizzleReader.Casing?
    @exclusivity(unchecked) var defaultSchema: String
    @exclusivity(unchecked) var log = DiagnosticLog()
    /// The files of ``modules``, shared with the positions values carry (and with ``forked()`` copies).
    let sources: SourceSet
    @exclusivity(unchecked) private var typeCache: [String: (TypeCanonicalizer.Result, lowered: String)] = [:]
    @exclusivity(unchecked) var cache: [[String: DrizzleValue]] = []
    /// Top-level bindings being evaluated, as (module, name): a hit means a self-reference.
    @exclusivity(unchecked) var inProgress: Set<BindingKey> = []
    @exclusivity(unchecked) private var callDepth = 0
    @exclusivity(unchecked) var evaluationDepth = 0
    /// Function calls left for this read: recursive helpers (`f = x => [f(x), f(x)]`) cannot hang it.
    /// Grows with the input (``add(_:)``): a real schema makes a few calls per table.
    @exclusivity(unchecked) private var callBudget = 50_000
    /// Stand-in values of the tables read by ``fastTable(_:_:_:)``, for references to their columns.
    @exclusivity(unchecked) var tableShapes: [BindingKey: Chain] = [:]
    /// Forked copies (``forked()``) done with, freed with this evaluator: freeing one as soon as its
    /// run ended took a core from normalizing the catalog, which runs on both.
    @exclusivity(unchecked) var retiredForks: [DrizzleEvaluator] = []
    /// The builtins the last table read by the fast path looked up, kept for the next table of its module.
    @exclusivity(unchecked) var keptBuilders: (module: Int, memo: BuilderMemo) = (-1, BuilderMemo())
    /// The SQL of the `sql` templates read from the tokens of the current table's extras, by their
    /// source span (``templateSQL(_:_:_:_:_:_:)``); emptied for each table.
    @exclusivity(unchecked) var renderedTemplates: [(start: Int, end: Int, sql: String)] = []
    /// The module and 0-based line of the last ``location(_:_:)``, where the next one is looked for first.
    @exclusivity(unchecked) var lastLine = (module: -1, line: 0)
    /// ``standInColumn(_:)`` by explicit name.
    @exclusivity(unchecked) var standInColumns: [String: DrizzleValue] = [:]
    /// ``bindingTarget(_:_:)`` by module and name.
    @exclusivity(unchecked) var bindingTargets: [BindingKey: BindingKey?] = [:]
    /// `ForeignKey.Action(spelling:)` by spelling: every foreign key names one of a few actions.
    @exclusivity(unchecked) var actionCache: [String: ForeignKey.Action?] = [:]
    /// How often a limit made a value unknown: a self-reference, nesting too deep, too many calls.
    /// Where such a value comes out depends on what was evaluated first, so a table read by a
    /// ``forked()`` copy is only kept when neither copy met a limit (``CatalogBuilder``).
    @exclusivity(unchecked) var limitsReached = 0
    /// Modules below this one are read after it, by another evaluator or later by this one (a split
    /// read, ``ParallelBuild``): this one makes the stand-ins of their tables itself
    /// (``borrowedShape(_:)``). 0 for a serial read.
    @exclusivity(unchecked) var borrowBelow = 0
    /// The stand-ins this evaluator made of tables of such modules, to check against the real ones.
    @exclusivity(unchecked) var borrowedShapes: [BindingKey: Chain] = [:]
    /// Columns spread into tables from a top-level object (`...timestamps`), interpreted once each
    /// (``spreadColumn(_:key:value:site:table:)``).
    @exclusivity(unchecked) var spreadColumns: [SpreadEntry: SpreadColumn] = [:]
    /// Function calls left; read by ``CatalogBuilder`` to check that a split read stayed within it.
    var callsLeft: Int { callBudget }

    struct BindingKey: Hashable {
        var module: Int
        var name: String
    }

    init(defaultSchema: String, sources: SourceSet = SourceSet()) {
        self.defaultSchema = defaultSchema
        self.sources = sources
    }

    /// A copy with this evaluator's modules, memos and call budget and an empty log, for reading some
    /// of the tables on another thread. It shares the (no longer changing) ``sources``; everything it
    /// changes is its own.
    func forked() -> DrizzleEvaluator {
        let copy = DrizzleEvaluator(defaultSchema: defaultSchema, sources: sources)
        copy.modules = modules
        copy.casing = casing
        copy.typeCache = typeCache
        copy.cache = cache
        copy.callBudget = callBudget
        copy.tableShapes = tableShapes
        copy.bindingTargets = bindingTargets
        copy.actionCache = actionCache
        copy.limitsReached = limitsReached
        return copy
    }

    func add(_ module: Module) -> Int {
        modules.append(module)
        sources.files.append(module.file)
        callBudget += module.file.bytes.count / 10
        cache.append([:])
        return modules.count - 1
    }

    /// `TypeCanonicalizer.parse` and the lower-cased spelling, memoized: schemas repeat a handful of
    /// spellings many times.
    func canonicalType(_ spelling: String) -> (TypeCanonicalizer.Result, lowered: String) {
        if let known = typeCache[spelling] { return known }
        let parsed = (TypeCanonicalizer.parse(spelling), spelling.lowercased())
        typeCache[spelling] = parsed
        return parsed
    }

    func site(_ module: Int, _ start: Int, _ rawStart: Int? = nil, _ end: Int? = nil) -> Site {
        Site(sources: sources, module: module, start: start, rawStart: rawStart ?? start, end: end ?? start)
    }

    func location(_ module: Int, _ offset: Int) -> SourceLocation {
        let file = sources.files[module]
        // Locations are mostly asked for in source order, a column or extra per line: the line of the
        // last one, or one a few lines on, is checked before searching the whole table.
        if lastLine.module == module {
            let starts = file.lines.lineStarts
            var line = lastLine.line
            if line < starts.count, starts[line] <= offset {
                var steps = 0
                while steps < 4, line + 1 < starts.count, starts[line + 1] <= offset {
                    line += 1
                    steps += 1
                }
                if line + 1 == starts.count || offset < starts[line + 1] {
                    lastLine.line = line
                    return SourceLocation(path: file.path, line: line + 1, column: offset - starts[line] + 1)
                }
            }
        }
        let found = file.location(at: offset)
        lastLine = (module, found.line - 1)
        return found
    }

    func text(_ module: Int, _ start: Int, _ end: Int) -> String {
        modules[module].file.text(start..<end)
    }

    /// The database name of a column written without one: the key, cased as the project says.
    func casedName(_ key: String) -> String {
        switch casing {
        case .snakeCase?: return DrizzleCasing.snakeCase(key)
        case .camelCase?: return DrizzleCasing.camelCase(key)
        case nil: return key
        }
    }

    // MARK: - Names across modules

    static func isDrizzlePackage(_ specifier: String) -> Bool {
        specifier == "drizzle-orm" || specifier.hasPrefix("drizzle-orm/")
    }

    /// The value of top-level binding `name` in `module`, evaluated once.
    func topLevel(_ module: Int, _ name: String) -> DrizzleValue? {
        if let cached = cache[module][name] { return cached }
        guard let binding = topLevelBinding(module, name) else { return nil }
        let key = BindingKey(module: module, name: name)
        if inProgress.contains(key) {
            limitsReached += 1
            return .unknown("'\(name)' refers to itself", nil)
        }
        inProgress.insert(key)
        defer { inProgress.remove(key) }
        let value: DrizzleValue
        switch binding {
        case .value(let expr):
            value = evaluate(expr, module, [:])
        case .tsEnum(let members, _):
            var object = DrizzleObject()
            var scope = Scope()
            for (member, expr) in members {
                let v = evaluate(expr, module, scope)
                scope.bind(member, v)
                object.set(member, v, nil)
            }
            value = .object(object)
        case .imported(let specifier, let imported, let offset):
            value = importValue(module, specifier, imported, offset)
        case .namespace(let specifier, let offset):
            if DrizzleEvaluator.isDrizzlePackage(specifier) {
                value = .builtin("*")
            } else if let target = modules[module].resolved[specifier] {
                value = .namespace(target)
            } else {
                value = .unknown("'\(name)' is imported from '\(specifier)', which is not read", location(module, offset))
            }
        }
        cache[module][name] = value
        return value
    }

    func importValue(_ module: Int, _ specifier: String, _ name: String, _ offset: Int) -> DrizzleValue {
        if DrizzleEvaluator.isDrizzlePackage(specifier) { return .builtin(name) }
        guard let target = resolvedModule(module, specifier) else {
            return .unknown("'\(name)' is imported from '\(specifier)', which is not read", location(module, offset))
        }
        // Most imports name a binding the target declares and exports itself: taken without the set
        // of visited modules (an allocation per import) that re-exports need against cycles.
        if case .local(let local)? = exportEntry(target, name) {
            if let value = topLevel(target, local) { return value }
            return .unknown("'\(specifier)' does not export '\(name)'", location(module, offset))
        }
        var visited: Set<Int> = []
        return exported(target, name, &visited)
            ?? .unknown("'\(specifier)' does not export '\(name)'", location(module, offset))
    }

    /// The value `module` exports as `name`, following re-exports and `export *`.
    func exported(_ module: Int, _ name: String, _ visited: inout Set<Int>) -> DrizzleValue? {
        guard visited.insert(module).inserted else { return nil }
        if let export = exportEntry(module, name) {
            switch export {
            case .local(let local):
                return topLevel(module, local)
            case .reexport(let specifier, let imported, let offset):
                return importValue(module, specifier, imported, offset)
            case .namespace(let specifier, _):
                if let target = modules[module].resolved[specifier] { return .namespace(target) }
                return DrizzleEvaluator.isDrizzlePackage(specifier) ? .builtin("*") : nil
            }
        }
        for star in modules[module].syntax.exportStars {
            if DrizzleEvaluator.isDrizzlePackage(star.specifier) { return .builtin(name) }
            if let target = modules[module].resolved[star.specifier], let value = exported(target, name, &visited) {
                return value
            }
        }
        return nil
    }

    // MARK: - Expressions

    func evaluate(_ expr: TSExpr, _ module: Int, _ scope: Scope) -> DrizzleValue {
        guard evaluationDepth < 1_000 else {
            limitsReached += 1
            return .unknown("expression nested too deeply", location(module, expr.offset))
        }
        evaluationDepth += 1
        defer { evaluationDepth -= 1 }
        switch expr {
        case .identifier(let name, let offset):
            if !scope.isEmpty, let local = scope[name] { return local }
            if let value = topLevel(module, name) { return value }
            if name == "Object" || name == "JSON" { return .builtin(name) }
            return .unknown("'\(name)' is not defined in this file", location(module, offset))
        case .string(let s, _): return .string(s)
        case .number(let n, let spelling, _): return .number(n, spelling)
        case .boolean(let b, _): return .boolean(b)
        case .null: return .null
        case .undefined: return .undefined
        case .template(let tag, let pieces, let values, let offset):
            let evaluated = values.map { evaluate($0, module, scope) }
            if let tag {
                let tagValue = evaluate(tag, module, scope)
                if case .builtin(let name) = tagValue, name == "sql" || name == "*.sql" {
                    return .sql(sqlTemplate(pieces, evaluated))
                }
                return .unknown("unsupported tagged template", location(module, offset))
            }
            var out = pieces.first ?? ""
            for (index, value) in evaluated.enumerated() {
                switch value {
                case .string(let s): out += s
                case .number(_, let spelling): out += spelling
                case .boolean(let b): out += b ? "true" : "false"
                default: return .unknown("template literal with a value that is not a constant", location(module, offset))
                }
                out += index + 1 < pieces.count ? pieces[index + 1] : ""
            }
            return .string(out)
        case .member(let base, let name, let offset):
            return member(evaluate(base, module, scope), name, site(module, offset))
        case .index(let base, let key, let offset):
            let keyValue = evaluate(key, module, scope)
            let baseValue = evaluate(base, module, scope)
            if let s = keyValue.stringValue { return member(baseValue, s, site(module, offset)) }
            if let n = keyValue.intValue, case .array(let items) = baseValue {
                return n >= 0 && n < items.count ? items[n] : .undefined
            }
            return .unknown("computed member access", location(module, offset))
        case .call(let callee, let args, let start, let end):
            if case .member(.call, _, _) = callee, let chained = evaluateMethodChain(expr, module, scope) { return chained }
            let calleeValue = evaluate(callee, module, scope)
            let argValues = evaluateList(args, module, scope)
            var rawStart = start
            if case .member(_, _, let nameOffset) = callee { rawStart = nameOffset }
            return call(calleeValue, argValues, site: site(module, start, rawStart, end))
        case .new(_, _, let offset):
            return .unknown("'new' expression", location(module, offset))
        case .object(let props, _):
            var object = DrizzleObject()
            object.entries.reserveCapacity(props.count)
            for prop in props {
                switch prop {
                case .value(let key, let value, let keyOffset):
                    object.set(key, evaluate(value, module, scope), site(module, keyOffset))
                case .spread(let inner):
                    let spread = evaluate(inner, module, scope)
                    if case .object(let other) = spread {
                        for entry in other.entries { object.set(entry.key, entry.value, entry.site) }
                    } else {
                        // Kept as a marker entry: a table reports it; other objects ignore it quietly.
                        object.set(DrizzleObject.unresolvedSpread + String(inner.offset), spread, site(module, inner.offset))
                    }
                }
            }
            return .object(object)
        case .array(let items, _):
            return .array(evaluateList(items, module, scope))
        case .lazyArrow(let open, _):
            let arrow = TSParser.parseExpression(bytes: modules[module].file.bytes, tokens: modules[module].syntax.tokens, at: open)
            evaluationDepth -= 1
            defer { evaluationDepth += 1 }
            return evaluate(arrow, module, scope)
        case .lazyObject(let open, _):
            // Evaluated at this depth, as the object would have been had it been parsed with the rest.
            let object = TSParser.parseObject(bytes: modules[module].file.bytes, tokens: modules[module].syntax.tokens, at: open)
            evaluationDepth -= 1
            defer { evaluationDepth += 1 }
            return evaluate(object, module, scope)
        case .arrow(let params, let body, _):
            return .closure(Closure(params: params, body: body, module: module, scope: scope))
        case .spread(let inner, _):
            return evaluate(inner, module, scope)
        case .unary(let op, let operand, let offset):
            let value = evaluate(operand, module, scope)
            if op == "-", case .number(let n, let spelling) = value { return .number(-n, "-" + spelling) }
            if op == "+", case .number = value { return value }
            if op == "!", let b = value.boolValue { return .boolean(!b) }
            return .unknown("unary '\(op)'", location(module, offset))
        case .binary(let op, let lhs, let rhs, let offset):
            return binary(op, evaluate(lhs, module, scope), evaluate(rhs, module, scope), location(module, offset))
        case .conditional(_, _, _, let offset):
            return .unknown("conditional expression", location(module, offset))
        case .unknown(let offset):
            return .unknown("expression not understood", location(module, offset))
        }
    }

    /// Evaluates arguments or array items, flattening `...spread` of arrays.
    func evaluateList(_ items: [TSExpr], _ module: Int, _ scope: Scope) -> [DrizzleValue] {
        var out: [DrizzleValue] = []
        out.reserveCapacity(items.count)
        for item in items {
            if case .spread(let inner, let offset) = item {
                if case .array(let values) = evaluate(inner, module, scope) {
                    out += values
                } else {
                    out.append(.unknown("cannot resolve spread array", location(module, offset)))
                }
            } else {
                out.append(evaluate(item, module, scope))
            }
        }
        return out
    }

    func binary(_ op: String, _ lhs: DrizzleValue, _ rhs: DrizzleValue, _ at: SourceLocation) -> DrizzleValue {
        switch (op, lhs, rhs) {
        case ("+", .string(let a), .string(let b)): return .string(a + b)
        case ("+", .string(let a), .number(_, let b)): return .string(a + b)
        case ("+", .number(_, let a), .string(let b)): return .string(a + b)
        case (_, .number(let a, _), .number(let b, _)) where ["+", "-", "*", "/", "%", "**"].contains(op):
            let result: Double
            switch op {
            case "+": result = a + b
            case "-": result = a - b
            case "*": result = a * b
            case "/": result = a / b
            case "%": result = a.truncatingRemainder(dividingBy: b)
            default: result = pow(a, b)
            }
            return .number(result, DrizzleEvaluator.spell(result))
        case ("??", .null, _), ("??", .undefined, _), ("||", .null, _), ("||", .undefined, _): return rhs
        case ("??", _, _) where !lhs.isUnknown: return lhs
        default: return .unknown("operator '\(op)'", at)
        }
    }

    private func pow(_ a: Double, _ b: Double) -> Double {
        guard let n = Int(exactly: b), n >= 0, n < 64 else { return .nan }
        var r = 1.0
        for _ in 0..<n { r *= a }
        return r
    }

    /// A number as JavaScript's `String(n)` writes it for the common cases.
    static func spell(_ n: Double) -> String {
        if let exact = Int64(exactly: n) { return String(exact) }
        return String(n)
    }

    /// Calls a closure with arguments; depth-limited so recursive helpers cannot hang the reader.
    func invoke(_ closure: Closure, _ args: [DrizzleValue]) -> DrizzleValue {
        guard callDepth < 32, callBudget > 0 else {
            limitsReached += 1
            return .unknown("function calls nested too deeply or too many", nil)
        }
        callDepth += 1
        callBudget -= 1
        defer { callDepth -= 1 }
        var scope = closure.scope
        for (index, param) in closure.params.enumerated() where !param.name.isEmpty {
            var value = index < args.count ? args[index] : .undefined
            if case .undefined = value, let fallback = param.defaultValue { value = evaluate(fallback, closure.module, scope) }
            scope.bind(param.name, value)
        }
        return evaluate(closure.body, closure.module, scope)
    }
}
