import SchemaModel

/// `__table_args__`, classic `Table(...)`, module-level `Index(...)`.
extension ModelBuilder {
    /// Applies `__table_args__`: a tuple of constraints and indexes with an optional trailing dict, or a dict.
    mutating func applyTableArgs(_ expr: PyExpr, in module: ModuleID, to spec: inout TableSpec, base: BaseInfo) {
        var value = expr
        if case .value(let v, _) = resolver.resolve(expr, in: module) { value = v }
        switch value {
        case .dict(let entries, _):
            applyTableOptions(entries, in: module, to: &spec)
        case .tuple(let items, _), .list(let items, _):
            spec.items.reserveCapacity(spec.items.count + items.count)
            for item in items {
                if case .dict(let entries, _) = item {
                    applyTableOptions(entries, in: module, to: &spec)
                } else if let parsed = tableItem(item, in: module, spec: spec) {
                    spec.items.append(parsed)
                }
            }
        default:
            warning("cannot read __table_args__ statically", at: value.offset, in: module)
        }
    }

    private mutating func applyTableOptions(_ entries: [PyDictEntry], in module: ModuleID, to spec: inout TableSpec) {
        for entry in entries {
            switch entry.key?.stringValue {
            case "schema": spec.schema = schemaName(entry.value, in: module)
            case "comment": spec.comment = entry.value.stringValue
            default: break
            }
        }
    }

    /// A column reference in a constraint or index: `"name"`, `Model.attr`, `column("x")`, or the
    /// attribute name of a column of this table.
    func columnName(_ expr: PyExpr, in module: ModuleID, spec: TableSpec) -> String? {
        if let literal = expr.stringValue {
            return lookUpColumn(literal, in: spec, orKey: true)
        }
        switch expr {
        case .name(let n, _):
            if let column = lookUpColumn(n, in: spec, orKey: false) { return column }
        case .attribute(_, let attr, _):
            if case .classAttribute = resolver.resolve(expr, in: module) {
                return lookUpColumn(attr, in: spec, orKey: true)
            }
            if case .attribute(_, "c", _) = expr.attributeOwner { return attr }
        default:
            break
        }
        return nil
    }

    /// The columns the positional arguments of a constraint name. A method, not a closure in
    /// ``tableItem(_:in:spec:)``: a closure there copied the whole builder for each call it made.
    private func positionalColumns(_ args: [PyArg], in module: ModuleID, spec: TableSpec) -> [String] {
        var columns: [String] = []
        for arg in args where arg.keyword == nil && !arg.isStar {
            if let column = columnName(arg.value, in: module, spec: spec) { columns.append(column) }
        }
        return columns
    }

    /// One `Index`/`UniqueConstraint`/`CheckConstraint`/`ForeignKeyConstraint`/`PrimaryKeyConstraint`.
    mutating func tableItem(_ expr: PyExpr, in module: ModuleID, spec: TableSpec) -> TableItemSpec? {
        guard case .call(let callee, let args, let at) = expr else {
            warning("cannot read table argument statically", at: expr.offset, in: module)
            return nil
        }
        let where_ = location(at, in: module)
        let name = args.first(where: { $0.keyword == "name" })?.value.stringValue
        // Positional arguments are read in place: filtering them into a new array for every
        // constraint and index was an allocation each (thousands per large reading).
        func isPositional(_ arg: PyArg) -> Bool { arg.keyword == nil && !arg.isStar }
        // The kind is tested on the name's bytes: making the name a `String` and comparing it with
        // each kind in turn was a tenth of reading table arguments.
        switch resolver.resolve(callee, in: module).tableItemKind {
        case .unique?:
            return .unique(columns: positionalColumns(args, in: module, spec: spec), name: name, location: where_)
        case .primaryKey?:
            return .primaryKey(columns: positionalColumns(args, in: module, spec: spec), name: name, location: where_)
        case .check?:
            guard let sql = args.first(where: isPositional).flatMap({ $0.value.stringValue ?? sqlText($0.value, in: module) }) else {
                warning("cannot read CheckConstraint expression statically", at: at, in: module)
                return nil
            }
            return .check(expression: sql, name: name, location: where_)
        case .foreignKey?:
            let positional = args.filter(isPositional)
            guard positional.count >= 2, let local = positional[0].value.elements, let remote = positional[1].value.elements else {
                warning("cannot read ForeignKeyConstraint statically", at: at, in: module)
                return nil
            }
            var fk = ForeignKeySpec(
                columns: local.compactMap { columnName($0, in: module, spec: spec) },
                targets: remote.compactMap { foreignKeyTarget($0, in: module) }, location: where_)
            applyForeignKeyOptions(args, to: &fk)
            return .foreignKey(fk)
        case .index?:
            return index(args, at: at, in: module, spec: spec, location: where_)
        case nil:
            warning("unsupported table argument '\(callee.dottedName ?? "expression")'", at: at, in: module)
            return nil
        }
    }

    /// `Index("name", "col", Model.col.desc(), text("lower(email)"), unique=True, postgresql_using=...,
    /// postgresql_where=text(...), postgresql_include=[...], postgresql_ops={...})`.
    /// `location` is where `at` is, when the caller has it already.
    mutating func index(_ args: [PyArg], at: Int, in module: ModuleID, spec: TableSpec, location known: SourceLocation? = nil) -> TableItemSpec? {
        // The first positional argument is the name, the others are keys (read in place, as above).
        let firstPositional = args.firstIndex { $0.keyword == nil && !$0.isStar }
        var name: String? = firstPositional.flatMap { args[$0].value.stringValue }
        if let k = firstPositional, case .name("None", _) = args[k].value { name = nil }
        var ops: [String: String] = [:]
        if case .dict(let entries, _)? = args.first(where: { $0.keyword == "postgresql_ops" })?.value {
            for entry in entries {
                if let k = entry.key?.stringValue, let v = entry.value.stringValue { ops[k] = v }
            }
        }
        var keys: [TableIndex.Key] = []
        // Sized once: most indexes have a key or two, and growing from empty reallocated for each.
        keys.reserveCapacity(args.count)
        for arg in args[((firstPositional ?? args.count - 1) + 1)...] where arg.keyword == nil && !arg.isStar {
            var expr = arg.value
            var descending = false
            if case .call(.attribute(let inner, let method, _), let callArgs, _) = expr, callArgs.isEmpty, method == "desc" || method == "asc" {
                descending = method == "desc"
                expr = inner
            }
            if case .call(let callee, let callArgs, _) = expr, callArgs.count == 1, let fn = resolver.resolve(callee, in: module).externalName, fn == "desc" || fn == "asc" {
                descending = fn == "desc"
                expr = callArgs[0].value
            }
            if let column = columnName(expr, in: module, spec: spec) {
                keys.append(TableIndex.Key(column: column, descending: descending, operatorClass: ops[column]))
            } else if let sql = sqlText(expr, in: module) {
                keys.append(TableIndex.Key(expression: sql, descending: descending))
            } else {
                warning("cannot read index key statically", at: expr.offset, in: module)
                return nil
            }
        }
        let method = args.first(where: { $0.keyword == "postgresql_using" })?.value.stringValue ?? "btree"
        let predicate = args.first(where: { $0.keyword == "postgresql_where" }).flatMap { sqlText($0.value, in: module) }
        let include = (args.first(where: { $0.keyword == "postgresql_include" })?.value.elements ?? []).compactMap {
            columnName($0, in: module, spec: spec)
        }
        return .index(name: name, keys: keys, unique: boolArg(args, "unique") ?? false, method: method, predicate: predicate, include: include, location: known ?? location(at, in: module))
    }

    /// `Table("name", metadata, Column(...), ..., schema=...)`; returns the table's index.
    mutating func classicTable(args: [PyArg], at: Int, module: ModuleID, base: BaseInfo?) -> Int? {
        let positional = args.filter { $0.keyword == nil && !$0.isStar }
        guard let name = positional.first?.value.stringValue else {
            warning("cannot read the table name statically", at: at, in: module)
            return nil
        }
        var info = base ?? BaseInfo()
        if positional.count > 1 {
            let metadata = positional[1].value
            // `Base.metadata`: the declarative base's MetaData.
            if case .attribute(let owner, "metadata", _) = metadata, case .classRef(let key) = resolver.resolve(owner, in: module) {
                info = baseInfo(for: key) ?? info
            } else if case .attribute(let owner, "metadata", _) = metadata, case .value(let call, let m) = resolver.resolve(owner, in: module),
                isGeneratedBaseCall(call, in: m)
            {
                info = baseInfo(ofGeneratedBase: call, module: m)
            } else {
                applyMetadata(metadata, in: module, to: &info)
            }
        }
        var spec = TableSpec(name: name, schema: info.schema, location: location(at, in: module))
        spec.convention = info.convention
        var pending: [PyExpr] = []
        for arg in positional.dropFirst(2) {
            if case .call(let callee, let colArgs, let colAt) = arg.value, resolver.resolve(callee, in: module).externalName == "Column" {
                spec.columns.append(columnCall(attribute: colArgs.first?.value.stringValue ?? "?", annotation: nil, args: colArgs, at: colAt, module: module, base: info, isMappedColumn: false))
            } else {
                pending.append(arg.value)
            }
        }
        for item in pending {
            if let parsed = tableItem(item, in: module, spec: spec) { spec.items.append(parsed) }
        }
        for arg in args {
            if arg.keyword == "schema" { spec.schema = schemaName(arg.value, in: module) }
            if arg.keyword == "comment" { spec.comment = arg.value.stringValue }
        }
        tables.append(spec)
        tableByName[(spec.schema ?? "") + "." + spec.name] = tables.count - 1
        return tables.count - 1
    }

}

extension PyExpr {
    /// The object an attribute is read from (`a.b` -> `a`).
    var attributeOwner: PyExpr? {
        if case .attribute(let owner, _, _) = self { return owner }
        return nil
    }
}

/// The table arguments ``ModelBuilder/tableItem(_:in:spec:)`` reads, by their SQLAlchemy names.
enum TableItemKind: CaseIterable {
    case index, unique, check, primaryKey, foreignKey

    /// The SQLAlchemy name (the last component of the dotted name).
    var name: StaticString {
        switch self {
        case .index: return "Index"
        case .unique: return "UniqueConstraint"
        case .check: return "CheckConstraint"
        case .primaryKey: return "PrimaryKeyConstraint"
        case .foreignKey: return "ForeignKeyConstraint"
        }
    }
}
