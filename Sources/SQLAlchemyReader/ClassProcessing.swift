import SchemaModel

/// Declarative classes to tables: table names, inheritance, mixins.
extension ModelBuilder {
    /// What a class body states about its table.
    struct ClassAttributes {
        enum TableName {
            case literal(PyExpr)
            case none
            case declared(PyFunction)
        }

        var tableName: TableName?
        var isAbstract = false
        var tableArgs: PyExpr?
        var table: PyExpr?
    }

    func classAttributes(_ cls: PyClass) -> ClassAttributes {
        var attributes = ClassAttributes()
        // Only dunder names matter here; most attributes are columns, told apart by their first byte.
        func isDunder(_ name: String) -> Bool { name.utf8.first == UInt8(ascii: "_") }
        // Repeated lines are never dunder attributes (``RepeatedLines``): the raw statements do.
        for stmt in cls.statements {
            switch stmt {
            case .assign(let targets, let value, _):
                for case .name(let name, _) in targets where isDunder(name) {
                    switch name {
                    case "__tablename__":
                        if case .name("None", _) = value { attributes.tableName = ClassAttributes.TableName.none } else { attributes.tableName = .literal(value) }
                    case "__abstract__": if case .name("True", _) = value { attributes.isAbstract = true }
                    case "__table_args__": attributes.tableArgs = value
                    case "__table__": attributes.table = value
                    default: break
                    }
                }
            case .annotated(.name(let name, _), _, let value?, _) where isDunder(name):
                if name == "__tablename__" { attributes.tableName = .literal(value) }
                if name == "__table_args__" { attributes.tableArgs = value }
                if name == "__abstract__", case .name("True", _) = value { attributes.isAbstract = true }
            case .function(let fn) where isDunder(fn.name):
                if fn.name == "__tablename__" { attributes.tableName = .declared(fn) }
                if fn.name == "__table_args__" {
                    for case .returnValue(let value?, _) in fn.body { attributes.tableArgs = value }
                }
            default:
                break
            }
        }
        return attributes
    }

    mutating func processClass(_ key: ClassKey) {
        guard !processed.contains(key), !inProgress.contains(key) else { return }
        inProgress.insert(key)
        defer {
            inProgress.remove(key)
            processed.insert(key)
        }
        if isDeclarativeBaseClass(key) { return }
        guard let base = baseInfo(for: key) else { return }
        let cls = resolver.classDef(key)
        if base.isSQLModel {
            let isTable = cls.bases.contains { $0.keyword == "table" && { if case .name("True", _) = $0.value { return true }; return false }($0) }
            guard isTable else { return }
        }
        // Read ahead with the class's columns when it was prepared (the same function of its syntax).
        let own = prepared?.takeAttributes(key) ?? classAttributes(cls)
        if own.isAbstract { return }
        let ancestry = ancestors(of: key)
        var mappedParent: ClassKey?
        for case .local(let ancestor) in ancestry {
            processClass(ancestor)
            if tableOfClass[ancestor] != nil {
                mappedParent = ancestor
                break
            }
        }

        if let tableExpr = own.table, case .call(_, let args, let at) = tableExpr {
            if let index = classicTable(args: args, at: at, module: key.module, base: base) {
                tableOfClass[key] = index
                tables[index].classKey = key
            }
            return
        }

        // The first class in MRO order that says anything about __tablename__ decides.
        var decision: (ClassAttributes.TableName, ClassKey)? = own.tableName.map { ($0, key) }
        if decision == nil {
            for case .local(let ancestor) in ancestry {
                if let name = classAttributes(resolver.classDef(ancestor)).tableName {
                    decision = (name, ancestor)
                    break
                }
            }
        }
        var tableName: String?
        switch decision {
        case (.literal(let expr), let owner)?:
            if owner != key, tableOfClass[owner] != nil {
                tableName = nil  // inherited from a mapped class: single-table inheritance
            } else if let literal = expr.stringValue {
                tableName = literal
            } else if case .value(let v, _) = resolver.resolve(expr, in: owner.module), let literal = v.stringValue {
                tableName = literal
            } else {
                warning("cannot determine __tablename__ of '\(cls.name)' statically", at: expr.offset, in: owner.module)
                return
            }
        case (.declared(let fn), let owner)?:
            guard let name = declaredTableName(fn, className: cls.name, module: owner.module) else { return }
            tableName = name
        case (ClassAttributes.TableName.none, _)?:
            tableName = nil
        case nil:
            if base.isSQLModel { tableName = cls.name.lowercased() }
        }

        guard let tableName else {
            if let parent = mappedParent, let index = tableOfClass[parent] {
                // Single-table inheritance: the subclass's own columns join the parent's table.
                tableOfClass[key] = index
                let columns = bodyColumns(key, base: base, sqlModel: base.isSQLModel)
                let existing = Set(tables[index].columns.map(\.key))
                tables[index].columns += columns.filter { !existing.contains($0.key) }
            } else {
                warning("class '\(cls.name)' has no __tablename__", at: cls.at, in: key.module)
            }
            return
        }

        var spec = TableSpec(name: tableName, schema: base.schema, location: location(cls.at, in: key.module))
        spec.convention = base.convention
        spec.classKey = key
        // Own columns first, then those of mixins and abstract bases in MRO order; classes above a
        // mapped parent belong to the parent's table (joined-table inheritance).
        var excluded: Set<ClassKey> = []
        if let parent = mappedParent {
            excluded.insert(parent)
            for case .local(let a) in ancestors(of: parent) { excluded.insert(a) }
        }
        // Every list first (in the same order, so warnings come out the same), then one allocation
        // for the table's columns: column specs are large.
        // The class's own list is taken, not shared with the cache (see ``BuilderCache/takeColumns(_:)``):
        // read before (a class listed it as a base), the cached list as ``bodyColumns`` answers;
        // otherwise evaluated as it would, without keeping it. It is never found moved: only this
        // class's own processing (which runs once) moves it.
        let ownKey = BuilderCache.BodyColumnsKey(key: key, base: baseClass(for: key), sqlModel: base.isSQLModel)
        var ownColumns = cache.takeColumns(ownKey) ?? evaluateBodyColumns(key, base: base, sqlModel: base.isSQLModel)
        var inherited: [[ColumnSpec]] = []
        var argsSource: (PyExpr, ModuleID)? = own.tableArgs.map { ($0, key.module) }
        for case .local(let ancestor) in ancestry where !excluded.contains(ancestor) {
            inherited.append(bodyColumns(ancestor, base: base, sqlModel: base.isSQLModel))
            if argsSource == nil, let args = classAttributes(resolver.classDef(ancestor)).tableArgs {
                argsSource = (args, ancestor.module)
            }
        }
        let total = inherited.reduce(ownColumns.count) { $0 + $1.count }
        var seen = KeySet(capacity: total)
        var ownDistinct = true
        for index in ownColumns.indices where !seen.insert(ownColumns[index].key) { ownDistinct = false }
        // The table's list when every own column is kept, in order: the class's own list, moved
        // (it is referenced only here), so only inherited columns are copied. An empty list stays
        // in the cache: there is nothing to move, and a table's prefix of nothing says nothing.
        var ownMoved = 0
        if ownDistinct && !ownColumns.isEmpty {
            ownMoved = ownColumns.count
            spec.columns = ownColumns
            ownColumns = []
            spec.columns.reserveCapacity(total)
        } else {
            cache.restore(ownKey, ownColumns)
            seen = KeySet(capacity: total)
            spec.columns.reserveCapacity(total)
            for column in ownColumns where seen.insert(column.key) { spec.columns.append(column) }
        }
        for list in inherited {
            for column in list where seen.insert(column.key) { spec.columns.append(column) }
        }
        if let (args, module) = argsSource {
            // The class's own arguments may have been read ahead (see ``PreparedTableArgs``).
            let ready = own.tableArgs != nil ? prepared?.takeTableArgs(key) : nil
            if ready == nil || !applyPrepared(ready!, to: &spec) { applyTableArgs(args, in: module, to: &spec, base: base) }
        }
        let nameKey = (spec.schema ?? "") + "." + spec.name
        if let existing = tableByName[nameKey] {
            // A second class for the same table (or an inheritance cycle): one table, merged columns.
            warning("table '\(spec.name)' is mapped by more than one class", at: cls.at, in: key.module)
            let known = Set(tables[existing].columns.map(\.name))
            tables[existing].columns += spec.columns.filter { !known.contains($0.name) }
            tableOfClass[key] = existing
            if ownMoved > 0 { cache.restore(ownKey, Array(spec.columns[0..<ownMoved])) }
            return
        }
        tables.append(spec)
        if ownMoved > 0 { cache.recordMoved(ownKey, BuilderCache.MovedColumns(table: tables.count - 1, count: ownMoved)) }
        tableByName[nameKey] = tables.count - 1
        tableOfClass[key] = tables.count - 1
    }

    /// `@declared_attr def __tablename__(cls)`: a literal, `cls.__name__.lower()`, `cls.__name__`, or
    /// an f-string made of those.
    mutating func declaredTableName(_ fn: PyFunction, className: String, module: ModuleID) -> String? {
        for case .returnValue(let value?, _) in fn.body {
            if let literal = value.stringValue { return literal }
            if let evaluated = classNameExpression(value, className: className) { return evaluated }
            if case .string(let template, true, _) = value, let rendered = renderFString(template, className: className) {
                return rendered
            }
            warning("cannot determine __tablename__ returned by '\(fn.name)' statically", at: value.offset, in: module)
            return nil
        }
        warning("cannot determine __tablename__ statically", at: fn.at, in: module)
        return nil
    }

    private func classNameExpression(_ expr: PyExpr, className: String) -> String? {
        switch expr {
        case .attribute(.name(_, _), "__name__", _): return className
        case .call(.attribute(let inner, "lower", _), let args, _) where args.isEmpty:
            return classNameExpression(inner, className: className)?.lowercased()
        default: return nil
        }
    }

    private func renderFString(_ template: String, className: String) -> String? {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { return nil }
            let field = rest[rest.index(after: open)..<close].filter { $0 != " " }
            switch field {
            case "cls.__name__": out += className
            case "cls.__name__.lower()": out += className.lowercased()
            default: return nil
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The columns a class body declares (attributes and `@declared_attr` functions), in order.
    // Never inlined: inlined into `processClass` (mutating) it made the optimizer copy the whole
    // builder twice a class, about 3 M instructions at a thousand models.
    @inline(never)
    func bodyColumns(_ key: ClassKey, base: BaseInfo, sqlModel: Bool) -> [ColumnSpec] {
        let cacheKey = BuilderCache.BodyColumnsKey(key: key, base: baseClass(for: key), sqlModel: sqlModel)
        if let cached = cache.bodyColumns[cacheKey] { return cached }
        if let moved = movedColumns(cacheKey) { return moved }
        let computed = evaluateBodyColumns(key, base: base, sqlModel: sqlModel)
        cache.bodyColumns[cacheKey] = computed
        return computed
    }

    /// ``bodyColumns(_:base:sqlModel:)`` on a cache miss: prepared ahead or computed here, and not
    /// kept (the caller keeps or takes the list).
    func evaluateBodyColumns(_ key: ClassKey, base: BaseInfo, sqlModel: Bool) -> [ColumnSpec] {
        if let ready = prepared?.takeColumns(key, base: base, sqlModel: sqlModel) {
            // Evaluated ahead exactly as below would: raise its warnings here, in the same order.
            for warning in ready.warnings { queue.append(warning) }
            return ready.columns
        }
        return computeBodyColumns(key, base: base, sqlModel: sqlModel)
    }

    private func computeBodyColumns(_ key: ClassKey, base: BaseInfo, sqlModel: Bool) -> [ColumnSpec] {
        // The raw statements: a repeated line is spelled out only when the memo cannot answer for it.
        let body = resolver.classDef(key).statements
        // Column specs are large: one allocation sized by the class body instead of doubling.
        var columns: [ColumnSpec] = []
        columns.reserveCapacity(body.count)
        let baseNumber = baseNumber(base)
        // Statements are read in place by index and a repeated line's head from the line it repeats:
        // binding each statement (and capturing it in the evaluation) copied it, payload retained,
        // twice per line. The evaluation spells a line out only when it runs.
        for index in body.indices {
            let head: (name: String, at: Int, annotated: Bool)
            var line: RepeatedStatement?
            switch body[index] {
            case .repeated(let original, let delta):
                guard let found = original.columnHead else { continue }
                head = (found.name, found.at + delta, found.annotated)
                line = original
            case .annotated, .assign:
                guard let found = body[index].plainColumnHead else { continue }
                head = found
            case .function(let fn) where isDeclaredAttr(fn, module: key.module) && !fn.name.hasPrefix("__"):
                for case .returnValue(let value?, let at) in fn.body {
                    if let c = column(attribute: fn.name, annotation: fn.returns, value: value, at: at, module: key.module, base: base, sqlModel: false) {
                        columns.append(c)
                    }
                    break
                }
                continue
            default:
                continue
            }
            // `__tablename__` and the like are never columns (``column(attribute:...)`` says nil
            // first thing): not worth a memo entry.
            guard !Self.hasDunderPrefix(head.name) else { continue }
            let (name, at, annotated) = head
            func evaluate() -> ColumnSpec? {
                switch body[index].materialized {
                case .annotated(_, let annotation, let value, _):
                    return column(attribute: name, annotation: annotation, value: value, at: at, module: key.module, base: base, sqlModel: sqlModel)
                case .assign(_, let value, _):
                    return column(attribute: name, annotation: nil, value: value, at: at, module: key.module, base: base, sqlModel: false)
                default:
                    return nil
                }
            }
            let memoSQLModel = annotated ? sqlModel : false
            let c: ColumnSpec?
            if let line {
                c = memoizedColumn(repeating: line, at: at, module: key.module, base: baseNumber, sqlModel: memoSQLModel, evaluate: evaluate)
            } else {
                c = memoizedColumn(at: at, module: key.module, base: baseNumber, sqlModel: memoSQLModel, evaluate: evaluate)
            }
            // Moved into the list, not copied: a column spec is large.
            if let c = consume c { columns.append(c) }
        }
        return columns
    }

    /// `name.hasPrefix("__")`, answered from the bytes when they settle it: the prefix test compares
    /// characters, so two underscores followed by a combining mark are not the prefix (the general
    /// test decides those).
    static func hasDunderPrefix(_ name: String) -> Bool {
        var bytes = name.utf8.makeIterator()
        guard bytes.next() == 0x5F, bytes.next() == 0x5F else { return false }
        guard let third = bytes.next() else { return true }
        if third < 0x80 { return true }
        return name.hasPrefix("__")
    }

    private func isDeclaredAttr(_ fn: PyFunction, module: ModuleID) -> Bool {
        fn.decorators.contains { decorator in
            guard let dotted = decorator.dottedName else { return false }
            return dotted.hasSuffix("declared_attr") || dotted.hasSuffix("declared_attr.cascading")
        }
    }
}

/// Column keys already taken by a table: a list while there are few (hashing every key cost more
/// than comparing a dozen short strings), a set beyond that.
struct KeySet {
    private var list: [String] = []
    private var set: Set<String>?

    init() {}

    /// Room for `count` keys in the list up front (at most as many as it holds before it becomes a
    /// set): grown from empty, a table's dozen keys took five allocations.
    init(capacity count: Int) {
        list.reserveCapacity(Swift.min(count, 33))
    }

    /// Adds `key`; false when it was already there.
    mutating func insert(_ key: String) -> Bool {
        if set != nil { return set!.insert(key).inserted }
        if list.contains(key) { return false }
        list.append(key)
        if list.count > 32 { set = Set(list) }
        return true
    }
}
