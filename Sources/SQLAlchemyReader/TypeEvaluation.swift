import SchemaModel

/// SQLAlchemy and Python types to PostgreSQL types, as `metadata.create_all()` would emit them.
extension ModelBuilder {
    /// Evaluates a type expression (`String(255)`, `sa.Integer`, `pg.ARRAY(pg.TEXT)`, a TypeDecorator
    /// subclass, a Python enum class) written in `module`. Unknown types warn and are not stated.
    func evaluateType(_ expr: PyExpr, in module: ModuleID, depth: Int = 0) -> TypeSpec {
        guard depth < 16 else { return unknownType(expr, in: module) }
        var callee = expr
        var args: [PyArg] = []
        if case .call(let c, let a, _) = expr {
            callee = c
            args = a
            // `X.with_variant(Y, "postgresql")`: the PostgreSQL variant wins.
            if case .attribute(let owner, "with_variant", _) = c {
                let dialects = a.dropFirst().first.map { variantDialects($0.value) } ?? []
                if dialects.contains("postgresql"), let first = a.first {
                    return evaluateType(first.value, in: module, depth: depth + 1)
                }
                return evaluateType(owner, in: module, depth: depth + 1)
            }
        }
        switch resolver.resolve(callee, in: module) {
        case .external(let dotted):
            let name = dotted.lastDottedComponent
            if let spec = builtinType(name, args: args, module: module, at: expr.offset, depth: depth) { return spec }
            return unknownType(expr, in: module)
        case .classRef(let key):
            return classType(key, args: args, at: expr.offset, in: module, depth: depth)
        case .value(let value, let valueModule):
            if case .call = expr, args.isEmpty == false { return unknownType(expr, in: module) }
            return evaluateType(value, in: valueModule, depth: depth + 1)
        default:
            return unknownType(expr, in: module)
        }
    }

    private func variantDialects(_ expr: PyExpr) -> [String] {
        if let s = expr.stringValue { return [s] }
        return (expr.elements ?? []).compactMap(\.stringValue)
    }

    func unknownType(_ expr: PyExpr, in module: ModuleID) -> TypeSpec {
        let spelled = expr.dottedName ?? {
            if case .call(let c, _, _) = expr { return c.dottedName ?? "expression" }
            return "expression"
        }()
        warn("unknown column type '\(spelled)'", at: expr.offset, in: module)
        return TypeSpec(sqlType: SQLType(spelled.lowercased()), notStated: true)
    }

    /// A project class used as a type: a TypeDecorator (its `impl`), a UserDefinedType with a literal
    /// `get_col_spec`, or a Python enum (a native enum named after the class).
    private func classType(_ key: ClassKey, args: [PyArg], at: Int, in module: ModuleID, depth: Int) -> TypeSpec {
        let cls = resolver.classDef(key)
        if let labels = enumLabels(key) {
            return enumType(labels: labels, defaultName: cls.name.lowercased(), args: [], module: module, at: at)
        }
        for raw in cls.statements {
            let stmt = raw.materialized
            if case .assign(let targets, let value, _) = stmt, case .name("impl", _)? = targets.first {
                return evaluateType(value, in: key.module, depth: depth + 1)
            }
            if case .function(let fn) = stmt, fn.name == "get_col_spec" {
                for case .returnValue(let value?, _) in fn.body {
                    if let spec = value.stringValue {
                        return TypeSpec(sqlType: TypeCanonicalizer.canonicalize(spec))
                    }
                }
            }
        }
        // A subclass of a known SQLAlchemy type (`class Money(Numeric)`) is that type.
        for ancestor in ancestors(of: key) {
            if case .external(let dotted) = ancestor, case let name = dotted.lastDottedComponent,
                name != "TypeDecorator", let spec = builtinType(name, args: args, module: module, at: at, depth: depth)
            {
                return spec
            }
        }
        warn("unknown column type '\(cls.name)'", at: at, in: module)
        return TypeSpec(sqlType: SQLType(cls.name.lowercased()), notStated: true)
    }

    /// The member names of a Python enum class (what SQLAlchemy stores by default), or nil when the
    /// class is not an enum.
    func enumLabels(_ key: ClassKey, values: Bool = false) -> [String]? {
        let isEnum = ancestors(of: key).contains { ancestor in
            if case .external(let dotted) = ancestor {
                return dotted.hasPrefix("enum.") || dotted == "enum" || dotted.hasSuffix("Enum")
            }
            return false
        }
        guard isEnum else { return nil }
        var labels: [String] = []
        // Names and string values only, which a repeated line shares with the line it repeats.
        for raw in resolver.classDef(key).statements {
            let stmt: PyStmt
            if case .repeated(let original, _) = raw { stmt = original.statement } else { stmt = raw }
            if case .assign(let targets, let value, _) = stmt, case .name(let name, _)? = targets.first, !name.hasPrefix("_") {
                if values {
                    labels.append(value.stringValue ?? name)
                } else {
                    labels.append(name)
                }
            }
            if case .annotated(.name(let name, _), _, let value?, _) = stmt, !name.hasPrefix("_") {
                labels.append(values ? (value.stringValue ?? name) : name)
            }
        }
        return labels
    }

    private func int(_ expr: PyExpr?) -> Int? {
        if case .number(let text, _)? = expr { return Int(String(text.filter { $0 != "_" })) }
        return nil
    }

    private func bool(_ expr: PyExpr?) -> Bool? {
        if case .name(let name, _)? = expr { return name == "True" ? true : (name == "False" ? false : nil) }
        return nil
    }

    private func argument(_ args: [PyArg], _ position: Int, _ keyword: String) -> PyExpr? {
        if let kw = args.first(where: { $0.keyword == keyword }) { return kw.value }
        // Counted in place: filtering the positional arguments into a new array was an allocation
        // for every sized type (`String(120)`, `Numeric(14, 4)` twice).
        var remaining = position
        for arg in args where arg.keyword == nil && !arg.isStar {
            if remaining == 0 { return arg.value }
            remaining -= 1
        }
        return nil
    }

    /// Generic and `postgresql` dialect types by class name.
    func builtinType(_ name: String, args: [PyArg], module: ModuleID, at: Int, depth: Int) -> TypeSpec? {
        func plain(_ type: SQLType) -> TypeSpec { TypeSpec(sqlType: type) }
        guard let kind = BuiltinTypeName.bySpelling[name] else { return nil }
        switch kind {
        case .integer: return plain(.integer)
        case .smallint: return plain(.smallint)
        case .bigint: return plain(.bigint)
        case .varchar:
            return plain(.varchar(int(argument(args, 0, "length"))))
        case .char: return plain(.char(int(argument(args, 0, "length")) ?? 1))
        case .text: return plain(.text)
        case .boolean: return plain(.boolean)
        case .float:
            if let p = int(argument(args, 0, "precision")) { return plain(p <= 24 ? .real : .doublePrecision) }
            return plain(.doublePrecision)
        case .doublePrecision: return plain(.doublePrecision)
        case .real: return plain(.real)
        case .numeric:
            return plain(.numeric(precision: int(argument(args, 0, "precision")), scale: int(argument(args, 1, "scale"))))
        case .dateTime:
            let tz = bool(argument(args, 0, "timezone")) ?? false
            var type: SQLType = tz ? .timestampWithTimeZone : .timestamp
            if let p = int(args.first(where: { $0.keyword == "precision" })?.value) { type.modifiers = [String(p)] }
            return plain(type)
        case .date: return plain(.date)
        case .time:
            let tz = bool(argument(args, 0, "timezone")) ?? false
            var type: SQLType = tz ? .timeWithTimeZone : .time
            if let p = int(args.first(where: { $0.keyword == "precision" })?.value) { type.modifiers = [String(p)] }
            return plain(type)
        case .interval: return plain(.interval)
        case .bytea: return plain(.bytea)
        case .json: return plain(.json)
        case .jsonb: return plain(.jsonb)
        case .uuid: return plain(.uuid)
        case .inet: return plain(SQLType("inet"))
        case .cidr: return plain(SQLType("cidr"))
        case .macaddr: return plain(SQLType("macaddr"))
        case .macaddr8: return plain(SQLType("macaddr8"))
        case .tsvector: return plain(SQLType("tsvector"))
        case .tsquery: return plain(SQLType("tsquery"))
        case .money: return plain(SQLType("money"))
        case .oid: return plain(SQLType("oid"))
        case .hstore: return plain(SQLType("hstore"))
        case .citext: return plain(SQLType("citext"))
        case .bit: return plain(SQLType("bit", modifiers: [String(int(argument(args, 0, "length")) ?? 1)]))
        case .range:
            return plain(SQLType(name.lowercased()))
        case .vector:
            return plain(SQLType("vector", modifiers: int(argument(args, 0, "dim")).map { [String($0)] } ?? []))
        case .array:
            guard let item = argument(args, 0, "item_type") else { return nil }
            var spec = evaluateType(item, in: module, depth: depth + 1)
            let dimensions = int(args.first(where: { $0.keyword == "dimensions" })?.value) ?? 1
            spec.sqlType.arrayDimensions += max(1, dimensions)
            return spec
        case .enumeration:
            return enumFromCall(args, module: module, at: at)
        }
    }

    private func enumFromCall(_ args: [PyArg], module: ModuleID, at: Int) -> TypeSpec {
        var labels: [String] = []
        // Most enums list their labels as arguments: one allocation instead of growing from empty.
        labels.reserveCapacity(args.count)
        var defaultName: String?
        let useValues = args.contains { $0.keyword == "values_callable" }
        for arg in args where arg.keyword == nil && !arg.isStar {
            if let label = arg.value.stringValue {
                labels.append(label)
            } else if case .classRef(let key) = resolver.resolve(arg.value, in: module), let members = enumLabels(key, values: useValues) {
                labels += members
                defaultName = resolver.classDef(key).name.lowercased()
            }
        }
        if args.contains(where: { $0.isStar }) {
            if case .list(let items, _)? = args.first(where: { $0.isStar })?.value, true {
                labels += items.compactMap(\.stringValue)
            } else if let star = args.first(where: { $0.isStar }), case .value(let v, _) = resolver.resolve(star.value, in: module) {
                labels += (v.elements ?? []).compactMap(\.stringValue)
            }
        }
        return enumType(labels: labels, defaultName: defaultName, args: args, module: module, at: at)
    }

    private func enumType(labels: [String], defaultName: String?, args: [PyArg], module: ModuleID, at: Int) -> TypeSpec {
        let name = args.first(where: { $0.keyword == "name" })?.value.stringValue ?? defaultName
        let native = bool(args.first(where: { $0.keyword == "native_enum" })?.value) ?? true
        if !native {
            // Python's len(): code points, not bytes.
            let length = int(args.first(where: { $0.keyword == "length" })?.value) ?? labels.map(\.unicodeScalars.count).max() ?? 0
            var spec = TypeSpec(sqlType: .varchar(length))
            if bool(args.first(where: { $0.keyword == "create_constraint" })?.value) == true {
                spec.enumCheck = (name, labels)
            }
            return spec
        }
        guard let name else {
            warn("enum type has no name; SQLAlchemy cannot create it on PostgreSQL", at: at, in: module)
            return TypeSpec(sqlType: SQLType("enum"), notStated: true)
        }
        var schema = options.defaultSchema
        let stated = args.first(where: { $0.keyword == "schema" })
        if let stated, let s = schemaName(stated.value, in: module) {
            schema = s
        }
        let enumType = EnumType(schema: schema, name: name, labels: labels, provenance: Provenance(source: .sqlalchemy, location: location(at, in: module)))
        var spec = TypeSpec(sqlType: SQLType(schema + "." + name), enumType: enumType)
        spec.inheritsSchema = stated == nil && bool(args.first(where: { $0.keyword == "inherit_schema" })?.value) == true
        return spec
    }

    /// The canonical name of a Python type used in annotations and `type_annotation_map` keys
    /// (`int`, `datetime`, `Decimal`, `UUID`, `dict`), or `local:<module>:<index>` for project classes.
    func pythonTypeName(_ expr: PyExpr, in module: ModuleID, depth: Int = 0) -> String? {
        guard depth < 16 else { return nil }
        var target = expr
        if case .index(let base, _, _) = expr { target = base }
        switch resolver.resolve(target, in: module) {
        case .external(let dotted):
            let last = dotted.lastDottedComponent
            switch last {
            case "Dict": return "dict"
            case "List": return "list"
            case "Any": return "any"
            default: return last
            }
        case .classRef(let key): return "local:\(project.path(key.module)):\(key.index)"
        case .value(let value, let m): return pythonTypeName(value, in: m, depth: depth + 1)
        default: return target.dottedName
        }
    }

    /// SQLAlchemy's default type for a Python annotation (after `type_annotation_map`).
    func typeForAnnotation(_ expr: PyExpr, in module: ModuleID, base: BaseInfo, sqlModel: Bool, maxLength: Int? = nil) -> TypeSpec {
        if let name = pythonTypeName(expr, in: module), let (mapped, mapModule) = base.typeMap[name] {
            return evaluateType(mapped, in: mapModule)
        }
        switch pythonTypeName(expr, in: module) ?? "" {
        case "int": return TypeSpec(sqlType: .integer)
        case "str": return TypeSpec(sqlType: .varchar(sqlModel ? maxLength : nil))
        case "bool": return TypeSpec(sqlType: .boolean)
        case "float": return TypeSpec(sqlType: .doublePrecision)
        case "Decimal": return TypeSpec(sqlType: .numeric)
        case "datetime": return TypeSpec(sqlType: .timestamp)
        case "date": return TypeSpec(sqlType: .date)
        case "time": return TypeSpec(sqlType: .time)
        case "timedelta": return TypeSpec(sqlType: .interval)
        case "UUID": return TypeSpec(sqlType: .uuid)
        case "bytes": return TypeSpec(sqlType: .bytea)
        default:
            if case .classRef(let key) = resolver.resolve(expr, in: module) {
                return classType(key, args: [], at: expr.offset, in: module, depth: 0)
            }
            if let labels = literalLabels(expr, in: module) {
                // SQLAlchemy 2.0 maps `Literal["a", "b"]` to a non-native Enum: VARCHAR as long as the
                // longest label (Python's len()), without a CHECK constraint.
                return TypeSpec(sqlType: .varchar(labels.map(\.unicodeScalars.count).max() ?? 0))
            }
            let spelled = pythonTypeName(expr, in: module) ?? "annotation"
            warn("no SQL type for annotation '\(spelled)'; map it in type_annotation_map or give mapped_column a type", at: expr.offset, in: module)
            return TypeSpec(sqlType: SQLType(spelled.lowercased()), notStated: true)
        }
    }

    /// The labels of `Literal["a", "b", ...]` when every one is a string, else nil.
    private func literalLabels(_ expr: PyExpr, in module: ModuleID) -> [String]? {
        guard case .index(let base, let items, _) = expr, !items.isEmpty, pythonTypeName(base, in: module) == "Literal" else { return nil }
        var labels: [String] = []
        for item in items {
            guard let label = item.stringValue else { return nil }
            labels.append(label)
        }
        return labels
    }
}
