import SchemaModel

/// Columns from class attributes: `Mapped[...]` annotations, `mapped_column(...)`, `Column(...)`,
/// SQLModel `Field(...)`.
extension ModelBuilder {
    static let ignoredAttributeCalls: Set<String> = [
        "relationship", "Relationship", "association_proxy", "synonym", "composite", "query_expression",
        "dynamic_loader", "backref", "column_property", "hybrid_property", "validates", "WriteOnlyMapped",
    ]

    /// The inner type of `Mapped[X]` (also `orm.Mapped`, `sa.orm.Mapped`), else nil.
    func mappedInner(_ annotation: PyExpr?, in module: ModuleID) -> PyExpr? {
        guard case .index(let base, let items, _)? = annotation, items.count == 1 else { return nil }
        let name = resolver.resolve(base, in: module).externalName ?? base.dottedName?.lastDottedComponent
        return name == "Mapped" ? items[0] : nil
    }

    /// Splits `Optional[X]`, `Union[X, None]` and `X | None` into `X` and whether None is allowed.
    func unwrapOptional(_ expr: PyExpr, in module: ModuleID) -> (PyExpr, Bool) {
        switch expr {
        case .index(let base, let items, _):
            let name = resolver.resolve(base, in: module).externalName ?? base.dottedName
            if name == "Optional", let inner = items.first { return (inner, true) }
            if name == "Union" {
                let rest = items.filter { !isNone($0) }
                if rest.count < items.count, let first = rest.first { return (first, true) }
            }
            if name == "Annotated", let inner = items.first { return unwrapOptional(inner, in: module) }
        case .binary("|", let left, let right, _):
            if isNone(right) { return (unwrapOptional(left, in: module).0, true) }
            if isNone(left) { return (unwrapOptional(right, in: module).0, true) }
        case .string(let text, false, _):
            if text.hasPrefix("Optional["), text.hasSuffix("]") {
                return (.name(String(text.dropFirst(9).dropLast()), at: expr.offset), true)
            }
        default:
            break
        }
        return (expr, false)
    }

    private func isNone(_ expr: PyExpr) -> Bool {
        if case .name("None", _) = expr { return true }
        return false
    }

    /// A column from one class attribute, or nil when the attribute is not a column.
    func column(
        attribute: String, annotation: PyExpr?, value: PyExpr?, at: Int, module: ModuleID, base: BaseInfo,
        sqlModel: Bool
    ) -> ColumnSpec? {
        if attribute.hasPrefix("__") { return nil }
        if let annotation, let name = resolver.resolve(annotation, in: module).externalName ?? annotationHead(annotation, in: module),
            name == "ClassVar"
        {
            return nil
        }
        var inner = mappedInner(annotation, in: module)
        // `intpk = Annotated[int, mapped_column(primary_key=True)]` used as `Mapped[intpk]`.
        var annotatedArgs: [PyArg] = []
        if let found = inner, let (plain, extra) = annotatedAlias(found, in: module) {
            inner = plain
            annotatedArgs = extra
        }
        if !annotatedArgs.isEmpty, value == nil {
            return columnCall(attribute: attribute, annotation: inner, args: annotatedArgs, at: at, module: module, base: base, isMappedColumn: true)
        }
        if case .call(let callee, let args, let callAt)? = value {
            let calleeName = resolver.resolve(callee, in: module).externalName ?? callee.dottedName
            switch calleeName {
            case "mapped_column", "Column":
                return columnCall(attribute: attribute, annotation: inner, args: args + annotatedArgs, at: callAt, module: module, base: base, isMappedColumn: calleeName == "mapped_column")
            case "Field" where sqlModel:
                return sqlModelField(attribute: attribute, annotation: annotation, args: args, at: callAt, module: module, base: base)
            case "deferred":
                if let first = args.first { return column(attribute: attribute, annotation: annotation, value: first.value, at: at, module: module, base: base, sqlModel: sqlModel) }
                return nil
            default:
                if let calleeName, Self.ignoredAttributeCalls.contains(calleeName) { return nil }
                if sqlModel, annotation != nil, inner == nil {
                    return sqlModelField(attribute: attribute, annotation: annotation, args: [], at: at, module: module, base: base)
                }
                return nil
            }
        }
        if let inner, value == nil {
            let (pythonType, optional) = unwrapOptional(inner, in: module)
            if isRelationshipTarget(pythonType, in: module) { return nil }
            let type = typeForAnnotation(pythonType, in: module, base: base, sqlModel: false)
            return ColumnSpec(
                key: attribute, name: attribute, type: type, rawType: text(annotationRange(at: at, module: module), in: module),
                nullable: optional, location: location(at, in: module))
        }
        if sqlModel, annotation != nil, inner == nil {
            if let value, case .call = value { return nil }
            var spec = sqlModelField(attribute: attribute, annotation: annotation, args: [], at: at, module: module, base: base)
            if let value, !isNone(value) { spec?.clientDefault = exprText(value, in: module) }
            return spec
        }
        return nil
    }

    /// For an annotation naming an `Annotated[T, mapped_column(...)]` alias (possibly inside
    /// `Optional[...]`): the annotation with `T` in its place and the `mapped_column` arguments.
    func annotatedAlias(_ annotation: PyExpr, in module: ModuleID) -> (PyExpr, [PyArg])? {
        let (inner, optional) = unwrapOptional(annotation, in: module)
        guard case .value(.index(let base, let items, _), let aliasModule) = resolver.resolve(inner, in: module),
            resolver.resolve(base, in: aliasModule).externalName == "Annotated" || base.dottedName == "Annotated",
            let plain = items.first
        else { return nil }
        var args: [PyArg] = []
        for item in items.dropFirst() {
            if case .call(let callee, let callArgs, _) = item, resolver.resolve(callee, in: aliasModule).externalName == "mapped_column" {
                args += callArgs
            }
        }
        // The arguments' offsets are in the alias's module, outside the statement.
        cache.dependsOnState = true
        let rebuilt: PyExpr = optional ? .index(.name("Optional", at: plain.offset), [plain], at: plain.offset) : plain
        return (rebuilt, args)
    }

    private func annotationHead(_ expr: PyExpr, in module: ModuleID) -> String? {
        if case .index(let base, _, _) = expr { return resolver.resolve(base, in: module).externalName ?? base.dottedName }
        return nil
    }

    /// `Mapped["Profile"]`, `Mapped[List["Image"]]`, `Mapped[Profile]` for a mapped class: relationships.
    func isRelationshipTarget(_ expr: PyExpr, in module: ModuleID) -> Bool {
        switch expr {
        case .string(let text, _, _):
            if ["int", "str", "bool", "float", "datetime", "date", "Decimal", "UUID", "uuid.UUID", "dict", "list", "bytes"].contains(text) {
                return false
            }
            if case .classRef(let key) = resolver.resolve(expr, in: module) { return enumLabels(key) == nil && !isTypeClass(key) }
            return true
        case .index(let base, _, _):
            let name = resolver.resolve(base, in: module).externalName ?? base.dottedName ?? ""
            return ["List", "list", "Set", "set", "DynamicMapped", "WriteOnlyMapped"].contains(name)
                && (isRelationshipTarget(unwrapFirst(expr), in: module))
        default:
            if case .classRef(let key) = resolver.resolve(expr, in: module) {
                return enumLabels(key) == nil && !isTypeClass(key)
            }
            return false
        }
    }

    private func unwrapFirst(_ expr: PyExpr) -> PyExpr {
        if case .index(_, let items, _) = expr, let first = items.first { return first }
        return expr
    }

    /// Whether a project class is a column type (a TypeDecorator or UserDefinedType subclass).
    func isTypeClass(_ key: ClassKey) -> Bool {
        ancestors(of: key).contains { ancestor in
            if case .external(let dotted) = ancestor {
                return dotted.hasSuffix("TypeDecorator") || dotted.hasSuffix("UserDefinedType") || dotted.hasSuffix("TypeEngine")
            }
            return false
        }
    }

    /// Source text of an expression from its first byte to the end of its line group (used only for
    /// display of client defaults and raw types).
    func exprText(_ expr: PyExpr, in module: ModuleID) -> String {
        switch expr {
        case .string(let s, _, _): return "'" + s + "'"
        case .number(let n, _): return n
        case .name(let n, _): return n
        default: return expr.dottedName ?? "expression"
        }
    }

    private func annotationRange(at: Int, module: ModuleID) -> Range<Int> {
        // The attribute line up to its end, trimmed: `id: Mapped[int]`.
        guard let bytes = project.module(module)?.file.bytes else { return at..<at }
        var end = at
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x23 { end += 1 }
        var start = at
        while start < end, bytes[start] != UInt8(ascii: ":") { start += 1 }
        start = min(end, start + 1)
        while start < end, bytes[start] == 0x20 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }
}
