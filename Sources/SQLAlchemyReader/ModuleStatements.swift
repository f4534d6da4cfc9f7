import SchemaModel

/// Module-level statements that add to tables: classic `Table(...)`, `Index(...)`, DDL listeners.
extension ModelBuilder {
    mutating func processModuleStatement(_ stmt: PyStmt, in module: ModuleID) {
        switch stmt {
        case .assign(let targets, .call(let callee, let args, let at), _):
            guard resolver.resolve(callee, in: module).externalName == "Table" else { return }
            if let index = classicTable(args: args, at: at, module: module, base: nil) {
                for case .name(let variable, _) in targets { tableOfVariable[ModuleLookupKey(module: module, name: variable)] = index }
            }
        case .expression(.call(let callee, let args, let at), _):
            switch resolver.resolve(callee, in: module).externalName {
            case "Index": moduleIndex(args, at: at, in: module)
            case "listen": eventListen(args, at: at, in: module)
            default: break
            }
        case .function(let fn):
            for decorator in fn.decorators {
                guard case .call(let callee, let args, let at) = decorator,
                    resolver.resolve(callee, in: module).externalName == "listens_for"
                else { continue }
                let target = args.first.flatMap { listenerTarget($0.value, in: module) }
                let event = args.dropFirst().first?.value.stringValue ?? ""
                guard event == "after_create" || event == "before_create" else { continue }
                var sqls: [(String, Int)] = []
                collectSQL(fn.body, into: &sqls, module: module)
                if sqls.isEmpty {
                    warning("DDL listener '\(fn.name)' builds its SQL at run time; its effect is not audited", at: at, in: module)
                }
                for (sql, offset) in sqls { addDDL(sql, target: target, at: offset, in: module) }
            }
        default:
            break
        }
    }

    /// `Index("ix_name", Model.col, ...)` outside a class: attached to the table its first column is on.
    private mutating func moduleIndex(_ args: [PyArg], at: Int, in module: ModuleID) {
        let positional = args.filter { $0.keyword == nil }
        var tableIndex: Int?
        for arg in positional.dropFirst() {
            let expr = arg.value
            if let key = firstModelReference(expr, in: module, depth: 0), let t = tableOfClass[key] {
                tableIndex = t
                break
            }
            if case .attribute(.attribute(.name(let variable, _), "c", _), _, _) = expr, let t = tableOfVariable[ModuleLookupKey(module: module, name: variable)] {
                tableIndex = t
                break
            }
        }
        guard let t = tableIndex else {
            warning("cannot tell which table this Index belongs to", at: at, in: module)
            return
        }
        if let item = index(args, at: at, in: module, spec: tables[t]) { tables[t].items.append(item) }
    }

    /// The model of the first `Model.attr` inside an index key (`User.email.desc()`, `func.lower(User.email)`).
    private func firstModelReference(_ expr: PyExpr, in module: ModuleID, depth: Int) -> ClassKey? {
        guard depth < 20 else { return nil }
        if case .classAttribute(let key, _) = resolver.resolve(expr, in: module) { return key }
        switch expr {
        case .call(let callee, let args, _):
            if let key = firstModelReference(callee, in: module, depth: depth + 1) { return key }
            for arg in args {
                if let key = firstModelReference(arg.value, in: module, depth: depth + 1) { return key }
            }
        case .attribute(let owner, _, _):
            return firstModelReference(owner, in: module, depth: depth + 1)
        default:
            break
        }
        return nil
    }

    /// The table a listener is attached to: `Model.__table__`, a `Table` variable; nil for metadata.
    private func listenerTarget(_ expr: PyExpr, in module: ModuleID) -> Int? {
        if case .attribute(let owner, "__table__", _) = expr, case .classRef(let key) = resolver.resolve(owner, in: module) {
            return tableOfClass[key]
        }
        if case .name(let variable, _) = expr { return tableOfVariable[ModuleLookupKey(module: module, name: variable)] }
        return nil
    }

    /// `event.listen(target, "after_create", DDL("...") [.execute_if(...)])`.
    private mutating func eventListen(_ args: [PyArg], at: Int, in module: ModuleID) {
        guard args.count >= 3, let event = args[1].value.stringValue, event == "after_create" || event == "before_create" else { return }
        let target = listenerTarget(args[0].value, in: module)
        guard let sql = literalDDL(args[2].value, in: module) else {
            warning("DDL listener builds its SQL at run time; its effect is not audited", at: at, in: module)
            return
        }
        addDDL(sql, target: target, at: args[2].value.offset, in: module)
    }

    /// The SQL of `DDL("...")` or `text("...")` (also with `.execute_if(...)`, directly or through a
    /// module-level name), if it is a literal.
    private func literalDDL(_ expr: PyExpr, in module: ModuleID) -> String? {
        var ddlExpr = expr
        if case .call(.attribute(let inner, "execute_if", _), _, _) = ddlExpr { ddlExpr = inner }
        if case .value(let v, _) = resolver.resolve(ddlExpr, in: module) { ddlExpr = v }
        if case .call(.attribute(let inner, "execute_if", _), _, _) = ddlExpr { ddlExpr = inner }
        guard case .call(let callee, let ddlArgs, _) = ddlExpr,
            ["DDL", "text"].contains(resolver.resolve(callee, in: module).externalName ?? "")
        else { return nil }
        return ddlArgs.first?.value.stringValue
    }

    /// The literal SQL strings a module-level listener statement (`event.listen(...)`, a
    /// `@listens_for` function) hands to DDL, with their offsets, for ``Preparation``: what
    /// ``processModuleStatement(_:in:)`` would parse, before table names are substituted.
    func listenerSQL(_ stmt: PyStmt, in module: ModuleID) -> [(String, Int)] {
        switch stmt {
        case .expression(.call(let callee, let args, _), _):
            guard args.count >= 3, resolver.resolve(callee, in: module).externalName == "listen",
                let sql = literalDDL(args[2].value, in: module)
            else { return [] }
            return [(sql, args[2].value.offset)]
        case .function(let fn):
            let listens = fn.decorators.contains { decorator in
                guard case .call(let callee, _, _) = decorator else { return false }
                return resolver.resolve(callee, in: module).externalName == "listens_for"
            }
            guard listens else { return [] }
            var sqls: [(String, Int)] = []
            collectSQL(fn.body, into: &sqls, module: module)
            return sqls
        default:
            return []
        }
    }

    /// Literal SQL passed to `text(...)`, `DDL(...)` or `.execute("...")` anywhere in a function body.
    private func collectSQL(_ body: [PyStmt], into sqls: inout [(String, Int)], module: ModuleID) {
        func visit(_ expr: PyExpr, depth: Int) {
            guard depth < 50 else { return }
            switch expr {
            case .call(let callee, let args, _):
                let name = resolver.resolve(callee, in: module).externalName ?? callee.dottedName?.lastDottedComponent
                if name == "text" || name == "DDL" || name == "execute" || name == "exec_driver_sql" {
                    if let first = args.first, let sql = first.value.stringValue { sqls.append((sql, first.value.offset)) }
                }
                visit(callee, depth: depth + 1)
                for arg in args { visit(arg.value, depth: depth + 1) }
            case .attribute(let owner, _, _):
                visit(owner, depth: depth + 1)
            default:
                break
            }
        }
        for stmt in body {
            switch stmt {
            case .expression(let e, _), .returnValue(let e?, _): visit(e, depth: 0)
            case .assign(_, let e, _): visit(e, depth: 0)
            default: break
            }
        }
    }

    private mutating func addDDL(_ sql: String, target: Int?, at: Int, in module: ModuleID) {
        var text = sql
        let schema = target.flatMap { tables[$0].schema } ?? options.defaultSchema
        if let t = target, text.containsBytes("%(") {
            text = text.replacingBytes("%(table)s", with: tables[t].name)
                .replacingBytes("%(schema)s", with: schema)
                .replacingBytes("%(fullname)s", with: (tables[t].schema.map { $0 + "." } ?? "") + tables[t].name)
        }
        let statements = prepared?.takeDDL(module: module, offset: at, sql: text, defaultSchema: schema)
            ?? DDLParser.parse(text, defaultSchema: schema, location: location(at, in: module))
        if !statements.isEmpty { ddl.append(statements) }
    }
}
