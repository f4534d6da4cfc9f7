import SchemaModel

/// `Column(...)` / `mapped_column(...)` / SQLModel `Field(...)` arguments.
extension ModelBuilder {
    func columnCall(
        attribute: String, annotation: PyExpr?, args: [PyArg], at: Int, module: ModuleID, base: BaseInfo,
        isMappedColumn: Bool
    ) -> ColumnSpec {
        var name = attribute
        var typeExpr: PyExpr?
        var typeRange: Range<Int>?
        var foreignKeys: [ForeignKeySpec] = []
        var identity: Identity?
        var computed: String?
        var sequence: SequenceSpec?
        // The type argument before the last one, when there are two: one may be a sequence by name.
        var earlierType: (expr: PyExpr, range: Range<Int>)?
        var columnChecks: [TableItemSpec] = []
        var positionalIndex = 0
        for arg in args where arg.keyword == nil && !arg.isStar {
            defer { positionalIndex += 1 }
            if positionalIndex == 0, let literal = arg.value.stringValue {
                name = literal
                continue
            }
            if case .call(let callee, let callArgs, let callAt) = arg.value {
                switch resolver.resolve(callee, in: module).externalName {
                case "ForeignKey":
                    if let fk = foreignKey(callArgs, column: name, at: callAt, module: module) { foreignKeys.append(fk) }
                    continue
                case "Identity":
                    identity = identitySpec(callArgs)
                    continue
                case "Computed":
                    computed = callArgs.first?.value.stringValue ?? sqlText(callArgs.first?.value, in: module)
                    continue
                case "CheckConstraint":
                    if let sql = callArgs.first.flatMap({ $0.value.stringValue ?? sqlText($0.value, in: module) }) {
                        let checkName = callArgs.first(where: { $0.keyword == "name" })?.value.stringValue
                        columnChecks.append(.check(expression: sql, name: checkName, location: location(callAt, in: module)))
                    } else {
                        warn("cannot read CheckConstraint expression statically", at: callAt, in: module)
                    }
                    continue
                case "Sequence":
                    sequence = sequenceSpec(arguments: callArgs) ?? sequence
                    continue
                case "FetchedValue":
                    continue
                default:
                    break
                }
            }
            if let typeExpr, let typeRange { earlierType = (typeExpr, typeRange) }
            typeExpr = arg.value
            typeRange = arg.valueStart..<arg.valueEnd
        }
        // `Column(Integer, id_seq)`: a sequence bound to a name, told from the type only by resolving.
        if let earlier = earlierType, let last = typeExpr {
            if let found = sequenceSpec(last, in: module) {
                sequence = found
                typeExpr = earlier.expr
                typeRange = earlier.range
            } else if let found = sequenceSpec(earlier.expr, in: module) {
                sequence = found
            }
        }
        if let kwType = args.first(where: { $0.keyword == "type_" }) {
            typeExpr = kwType.value
            typeRange = kwType.valueStart..<kwType.valueEnd
        }
        if let kwName = args.first(where: { $0.keyword == "name" })?.value.stringValue { name = kwName }
        // Foreign keys named before the column name is known carry the attribute name: fix them up.
        for k in foreignKeys.indices { foreignKeys[k].columns = [name] }

        let (pythonType, optional) = annotation.map { unwrapOptional($0, in: module) } ?? (nil, false)
        var type: TypeSpec
        var rawType: String
        if let typeExpr {
            type = evaluateType(typeExpr, in: module)
            rawType = typeRange.map { text($0, in: module) } ?? type.sqlType.description
        } else if let pythonType, !isRelationshipTarget(pythonType, in: module) {
            type = typeForAnnotation(pythonType, in: module, base: base, sqlModel: false)
            rawType = "Mapped[" + (pythonTypeName(pythonType, in: module) ?? "?") + "]"
        } else if !foreignKeys.isEmpty {
            // The type comes from the referenced column; filled in when tables are known.
            type = TypeSpec(sqlType: SQLType("integer"), notStated: true)
            rawType = "(from foreign key)"
        } else {
            warn("column '\(name)' has no type", at: at, in: module)
            type = TypeSpec(sqlType: SQLType("unknown"), notStated: true)
            rawType = "?"
        }

        let primaryKey = boolArg(args, "primary_key") ?? false
        var nullable: Bool
        if let stated = boolArg(args, "nullable") {
            nullable = stated
        } else if primaryKey {
            nullable = false
        } else if isMappedColumn, annotation != nil {
            nullable = optional
        } else {
            nullable = true
        }
        if identity != nil { nullable = false }
        var spec = ColumnSpec(key: attribute, name: name, type: type, rawType: rawType, nullable: nullable, location: location(at, in: module))
        spec.primaryKey = primaryKey
        spec.unique = boolArg(args, "unique") ?? false
        spec.index = boolArg(args, "index") ?? false
        spec.autoincrement = boolArg(args, "autoincrement")
        spec.identity = identity
        spec.computed = computed
        spec.foreignKeys = foreignKeys
        spec.checks = columnChecks
        spec.sequence = sequence
        spec.comment = args.first(where: { $0.keyword == "comment" })?.value.stringValue
        if let server = args.first(where: { $0.keyword == "server_default" }) {
            if let sql = serverDefault(server.value, in: module) {
                spec.serverDefault = sql
            } else {
                spec.serverDefaultNotStated = true
            }
        }
        var client: [String] = []
        for keyword in ["default", "insert_default", "onupdate"] {
            if let arg = args.first(where: { $0.keyword == keyword }) {
                client.append(keyword + "=" + text(arg.valueStart..<arg.valueEnd, in: module))
            }
        }
        if !client.isEmpty { spec.clientDefault = client.joined(separator: ", ") }
        return spec
    }

    /// SQLModel `Field(...)`: type from the annotation (or `sa_type`), `max_length`, `foreign_key`.
    func sqlModelField(attribute: String, annotation: PyExpr?, args: [PyArg], at: Int, module: ModuleID, base: BaseInfo) -> ColumnSpec? {
        if let saColumn = args.first(where: { $0.keyword == "sa_column" }), case .call(_, let colArgs, let colAt) = saColumn.value {
            return columnCall(attribute: attribute, annotation: nil, args: colArgs, at: colAt, module: module, base: base, isMappedColumn: false)
        }
        guard let annotation else { return nil }
        let (pythonType, optional) = unwrapOptional(annotation, in: module)
        if isRelationshipTarget(pythonType, in: module) { return nil }
        let maxLength = args.first(where: { $0.keyword == "max_length" }).flatMap { arg -> Int? in
            if case .number(let n, _) = arg.value { return Int(n) }
            return nil
        }
        var type: TypeSpec
        if let saType = args.first(where: { $0.keyword == "sa_type" }) {
            type = evaluateType(saType.value, in: module)
        } else if pythonTypeName(pythonType, in: module) == "Decimal" {
            let digits = args.first(where: { $0.keyword == "max_digits" }).flatMap { a -> Int? in if case .number(let n, _) = a.value { return Int(n) }; return nil }
            let places = args.first(where: { $0.keyword == "decimal_places" }).flatMap { a -> Int? in if case .number(let n, _) = a.value { return Int(n) }; return nil }
            type = TypeSpec(sqlType: .numeric(precision: digits, scale: places))
        } else {
            type = typeForAnnotation(pythonType, in: module, base: base, sqlModel: true, maxLength: maxLength)
        }
        let primaryKey = boolArg(args, "primary_key") ?? false
        let nullable = boolArg(args, "nullable") ?? (!primaryKey && optional)
        var spec = ColumnSpec(
            key: attribute, name: attribute, type: type, rawType: type.sqlType.description, nullable: nullable,
            location: location(at, in: module))
        spec.primaryKey = primaryKey
        spec.unique = boolArg(args, "unique") ?? false
        spec.index = boolArg(args, "index") ?? false
        if let fk = args.first(where: { $0.keyword == "foreign_key" })?.value.stringValue {
            var fkSpec = ForeignKeySpec(columns: [attribute], targets: [.string(fk)], location: location(at, in: module))
            if let action = args.first(where: { $0.keyword == "ondelete" })?.value.stringValue, let a = ForeignKey.Action(spelling: action) {
                fkSpec.onDelete = a
            }
            spec.foreignKeys = [fkSpec]
        }
        if let server = args.first(where: { $0.keyword == "sa_column_kwargs" }), case .dict(let entries, _) = server.value {
            for entry in entries where entry.key?.stringValue == "server_default" {
                spec.serverDefault = serverDefault(entry.value, in: module)
            }
        }
        if let d = args.first(where: { $0.keyword == "default" }), !isNoneExpr(d.value) {
            spec.clientDefault = "default=" + text(d.valueStart..<d.valueEnd, in: module)
        } else if let d = args.first(where: { $0.keyword == "default_factory" }) {
            spec.clientDefault = "default_factory=" + text(d.valueStart..<d.valueEnd, in: module)
        }
        return spec
    }

    private func isNoneExpr(_ expr: PyExpr) -> Bool {
        if case .name("None", _) = expr { return true }
        return false
    }

    func boolArg(_ args: [PyArg], _ keyword: String) -> Bool? {
        guard let arg = args.first(where: { $0.keyword == keyword }) else { return nil }
        if case .name(let n, _) = arg.value { return n == "True" ? true : (n == "False" ? false : nil) }
        return nil
    }

    /// `ForeignKey("schema.table.col" | Model.attr, ondelete=..., onupdate=..., name=...)`.
    func foreignKey(_ args: [PyArg], column: String, at: Int, module: ModuleID) -> ForeignKeySpec? {
        guard let targetArg = args.first(where: { $0.keyword == nil }) ?? args.first(where: { $0.keyword == "column" }) else {
            return nil
        }
        var spec = ForeignKeySpec(columns: [column], targets: [], location: location(at, in: module))
        guard let target = foreignKeyTarget(targetArg.value, in: module) else {
            warn("cannot resolve foreign key target", at: targetArg.value.offset, in: module)
            return nil
        }
        spec.targets = [target]
        applyForeignKeyOptions(args, to: &spec)
        return spec
    }

    func foreignKeyTarget(_ expr: PyExpr, in module: ModuleID) -> ForeignKeyTarget? {
        if let literal = expr.stringValue { return .string(literal) }
        switch resolver.resolve(expr, in: module) {
        case .classAttribute(let key, let attr): return .classAttribute(key, attr)
        case .value(let v, _): if let s = v.stringValue { return .string(s) }
        default: break
        }
        // `users.c.id` for a classic table variable, `Model.__table__.c.id`.
        if case .attribute(.attribute(let owner, "c", _), let col, _) = expr {
            cache.dependsOnState = true
            cache.readsBuildState = true
            if case .attribute(let cls, "__table__", _) = owner, case .classRef(let key) = resolver.resolve(cls, in: module) {
                return .classAttribute(key, col)
            }
            if case .name(let variable, _) = owner, let index = tableOfVariable[ModuleLookupKey(module: module, name: variable)] {
                let t = tables[index]
                return .string((t.schema.map { $0 + "." } ?? "") + t.name + "." + col)
            }
        }
        return nil
    }

    func applyForeignKeyOptions(_ args: [PyArg], to spec: inout ForeignKeySpec) {
        for arg in args {
            switch arg.keyword {
            case "ondelete": if let s = arg.value.stringValue, let a = Self.foreignKeyAction(s) { spec.onDelete = a }
            case "onupdate": if let s = arg.value.stringValue, let a = Self.foreignKeyAction(s) { spec.onUpdate = a }
            case "name": spec.name = arg.value.stringValue
            case "deferrable": spec.deferrable = boolArg([arg], "deferrable") ?? false
            case "initially": spec.initiallyDeferred = arg.value.stringValue?.uppercased() == "DEFERRED"
            default: break
            }
        }
    }

    /// ``ForeignKey/Action/init(spelling:)``, with the usual spellings (`CASCADE`, `SET NULL`, ...,
    /// upper or lower case) answered directly: the general parse lowercases, splits and joins the
    /// spelling, thousands of times in a large reading, to the same answer for these.
    static func foreignKeyAction(_ spelling: String) -> ForeignKey.Action? {
        switch spelling {
        case "CASCADE", "cascade": return .cascade
        case "SET NULL", "set null": return .setNull
        case "RESTRICT", "restrict": return .restrict
        case "NO ACTION", "no action": return .noAction
        case "SET DEFAULT", "set default": return .setDefault
        default: return ForeignKey.Action(spelling: spelling)
        }
    }

    private func identitySpec(_ args: [PyArg]) -> Identity {
        var identity = Identity(generation: boolArg(args, "always") == true ? .always : .byDefault)
        func number(_ keyword: String) -> Int64? {
            guard let arg = args.first(where: { $0.keyword == keyword }) else { return nil }
            switch arg.value {
            case .number(let n, _): return Int64(n)
            case .unary("-", .number(let n, _), _): return Int64(n).map { -$0 }
            default: return nil
            }
        }
        identity.start = number("start")
        identity.increment = number("increment")
        identity.minValue = number("minvalue")
        identity.maxValue = number("maxvalue")
        identity.cache = number("cache")
        identity.cycle = boolArg(args, "cycle")
        return identity
    }

    /// `server_default` as the SQL SQLAlchemy emits: `text("...")` verbatim, string literals quoted,
    /// `func.now()` as `now()`, `sa.true()` as `true`. Nil (with a warning) when it cannot be known.
    func serverDefault(_ expr: PyExpr, in module: ModuleID) -> String? {
        if let literal = expr.stringValue { return literal.sqlStringLiteral }
        if let sql = sqlText(expr, in: module) ?? nextValueSQL(expr, in: module) { return sql }
        warn("server_default cannot be read statically", at: expr.offset, in: module)
        return nil
    }

    /// SQL for `text("...")`, `literal_column("...")`, `func.x(...)`, `sa.true()`/`false()`/`null()`.
    func sqlText(_ expr: PyExpr?, in module: ModuleID, depth: Int = 0) -> String? {
        guard let expr, depth < 16 else { return nil }
        switch expr {
        case .number(let n, _): return n
        case .string(let s, false, _): return "'" + s + "'"
        case .call(let callee, let args, _):
            let resolved = resolver.resolve(callee, in: module)
            switch resolved.externalName {
            case "text", "literal_column", "DDL": return args.first?.value.stringValue
            case "true": return "true"
            case "false": return "false"
            case "null": return "NULL"
            default: break
            }
            // func.now(), sa.func.gen_random_uuid(), func.coalesce(...)
            if case .attribute(let owner, let function, _) = callee,
                owner.dottedName == "func" || owner.dottedName?.hasSuffix(".func") == true
                    || resolver.resolve(owner, in: module).externalName == "func"
            {
                if function == "current_timestamp" || function == "current_date" || function == "current_time"
                    || function == "localtimestamp" || function == "current_user"
                {
                    return function.uppercased()
                }
                var parts: [String] = []
                for arg in args {
                    guard let part = sqlText(arg.value, in: module, depth: depth + 1) else { return nil }
                    parts.append(part)
                }
                return function + "(" + parts.joined(separator: ", ") + ")"
            }
            return nil
        default:
            switch resolver.resolve(expr, in: module) {
            case .value(let v, let m): return sqlText(v, in: m, depth: depth + 1)
            // `Model.attr` inside an expression (`func.lower(User.email)`): the column.
            case .classAttribute(_, let attr): return attr
            default: return nil
            }
        }
    }
}
