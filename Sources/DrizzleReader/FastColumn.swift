import SchemaModel
import SourceScanning

/// Interprets a ``DrizzleEvaluator/FastColumn`` the way ``DrizzleEvaluator/interpretColumn(key:value:keyLocation:table:)``
/// interprets the evaluated chain, for the modifiers ``DrizzleEvaluator/fastTable(_:_:_:)`` plans.
extension DrizzleEvaluator {
    /// The column, or nil when it is not stated (the general path has then logged why, so the table is
    /// read again the general way).
    func interpretFastColumn(_ column: FastColumn, _ module: Int, table: QualifiedName) -> ColumnResult? {
        // Not handled here after all: exactly what the general path does with this column.
        let value = evaluateColumnSyntax(column, module)
        return interpretColumn(key: column.key, value: value, keyLocation: location(module, column.keyOffset), table: table)
    }

    /// What a column adds to its table, as separate values so that the caller can move each into place.
    typealias ColumnParts = (column: Column, isPrimaryKey: Bool, unique: UniqueConstraint?, foreignKeys: [ForeignKey])

    /// The column's value as the general path evaluates it: with its table's binding marked as being
    /// evaluated, as it is while the general path evaluates the table.
    private func evaluateColumnSyntax(_ column: FastColumn, _ module: Int) -> DrizzleValue {
        let inserted = inProgress.insert(column.binding).inserted
        defer { if inserted { inProgress.remove(column.binding) } }
        switch column.source {
        case .expr(let expr):
            return evaluate(expr, module, [:])
        case .tokens(let start):
            return evaluate(TSParser.parseExpression(bytes: modules[module].file.bytes, tokens: modules[module].syntax.tokens, at: start), module, [:])
        }
    }

    func fastColumnParts(_ column: FastColumn, _ module: Int, table: QualifiedName) -> ColumnParts? {
        let database = column.explicit ?? casedName(column.key)
        let raw = column.explicit ?? column.key
        let (type, isSerial, lowered) = column.typeParts?.parts ?? columnTypeParts(column.spelling, enumType: column.enumType)
        let keyLocation = location(module, column.keyOffset)
        let provenance = Provenance(source: .drizzle, location: keyLocation)
        let rawType = modules[module].file.text(column.rootStart..<column.rootEnd)
        // The column's attributes are gathered first and the column built once: building it first and
        // setting them cost a copy and a destruction of the whole column.
        var isNullable = true
        var defaultExpression: String?
        var columnIdentity: Identity?
        var isPrimaryKey = false
        var unique: UniqueConstraint?
        var foreignKeys: [ForeignKey] = []
        if isSerial {
            let sequence = Identifier.generatedName(table.name, database, suffix: "seq")
            let qualified = table.schema == defaultSchema ? sequence : "\(table.schema).\(sequence)"
            defaultExpression = "nextval('\(qualified)'::regclass)"
            isNullable = false
        }
        for modifier in column.modifiers {
            switch modifier {
            case .notNull:
                isNullable = false
            case .primaryKey:
                isNullable = false
                isPrimaryKey = true
            case .unique:
                unique = UniqueConstraint(name: Identifier.truncated("\(table.name)_\(raw)_unique"), columns: [database],
                                          nullsNotDistinct: false, provenance: provenance)
            case .defaultValue(let value):
                guard let rendered = renderDefault(value, sqlType: lowered, isArray: type.arrayDimensions > 0) else { return nil }
                defaultExpression = rendered
            case .defaultNow: defaultExpression = "now()"
            case .defaultRandom: defaultExpression = "gen_random_uuid()"
            case .references(let reference, let actions):
                let call = Chain.Call(name: "references", args: [.column(reference), actions])
                guard let fk = inlineForeignKey(call, column: (raw, database), table: table, provenance: provenance) else { return nil }
                foreignKeys.append(fk)
            case .identity(let name):
                columnIdentity = identity(Chain.Call(name: name, args: []))
                isNullable = false
            case .typed:
                break
            }
        }
        let built = Column(name: database, type: type, rawType: rawType, isNullable: isNullable, defaultExpression: defaultExpression,
                           identity: columnIdentity, notStated: [], provenance: provenance)
        return (built, isPrimaryKey, unique, foreignKeys)
    }

    /// A literal argument as its value.
    func literalValue(_ expr: TSExpr) -> DrizzleValue? {
        switch expr {
        case .string(let s, _): return .string(s)
        case .number(let n, let spelling, _): return .number(n, spelling)
        case .boolean(let b, _): return .boolean(b)
        case .null: return .null
        default: return nil
        }
    }

    /// The column and actions of `.references(() => table.col, { onDelete: '...' })` with `table` a
    /// top-level table read by ``fastTable(_:_:_:)`` already; nil otherwise.
    func fastReference(_ method: TSMethodCall, _ module: Int) -> (ColumnRef, DrizzleValue)? {
        guard method.args.count == 1 || method.args.count == 2,
            case .arrow(let params, .member(.identifier(let target, _), let targetColumn, let memberOffset), _) = method.args[0],
            params.isEmpty
        else { return nil }
        var actions: DrizzleValue = .undefined
        if method.args.count == 2 {
            guard case .object(let props, _) = method.args[1] else { return nil }
            var object = DrizzleObject()
            for prop in props {
                guard case .value(let key, let value, _) = prop, let literal = literalValue(value) else { return nil }
                object.set(key, literal, nil)
            }
            actions = .object(object)
        }
        guard let binding = bindingTarget(module, target), let shape = tableShapes[binding] ?? borrowedShape(binding),
            case .column(let ref) = member(.chain(shape), targetColumn, site(module, memberOffset))
        else { return nil }
        return (ref, actions)
    }

    /// The top-level `const` binding that `name` denotes in `module`, following imports and re-exports
    /// as ``importValue(_:_:_:_:)`` does; nil when it is anything else or cannot be told without
    /// evaluating.
    func bindingTarget(_ module: Int, _ name: String) -> BindingKey? {
        // Memoized: every reference to a table of another file follows the same import, and the modules'
        // syntax and imports no longer change once tables are read.
        let key = BindingKey(module: module, name: name)
        if let known = bindingTargets[key] { return known }
        let target = findBindingTarget(module, name)
        bindingTargets[key] = .some(target)
        return target
    }

    private func findBindingTarget(_ module: Int, _ name: String) -> BindingKey? {
        switch modules[module].syntax.bindings[name] {
        case .value?:
            return BindingKey(module: module, name: name)
        case .imported(let specifier, let imported, _)?:
            guard !DrizzleEvaluator.isDrizzlePackage(specifier), let target = modules[module].resolved[specifier] else { return nil }
            var visited: Set<Int> = []
            if case .found(let key) = exportTarget(target, imported, &visited) { return key }
            return nil
        default:
            return nil
        }
    }

    enum ExportTarget {
        case found(BindingKey)
        case notFound
        case unknown
    }

    /// ``exported(_:_:_:)`` without evaluating: which binding `module` exports as `name`.
    private func exportTarget(_ module: Int, _ name: String, _ visited: inout Set<Int>) -> ExportTarget {
        guard visited.insert(module).inserted else { return .notFound }
        let syntax = modules[module].syntax
        if let export = syntax.exports[name] {
            switch export {
            case .local(let local):
                if case .value? = syntax.bindings[local] { return .found(BindingKey(module: module, name: local)) }
                if case .imported? = syntax.bindings[local], let key = bindingTarget(module, local) { return .found(key) }
                return .unknown
            case .reexport(let specifier, let imported, _):
                guard !DrizzleEvaluator.isDrizzlePackage(specifier), let target = modules[module].resolved[specifier] else { return .unknown }
                var inner: Set<Int> = []
                if case .found(let key) = exportTarget(target, imported, &inner) { return .found(key) }
                return .unknown
            case .namespace:
                return .unknown
            }
        }
        for star in syntax.exportStars {
            if DrizzleEvaluator.isDrizzlePackage(star.specifier) { return .unknown }
            if let target = modules[module].resolved[star.specifier] {
                switch exportTarget(target, name, &visited) {
                case .found(let key): return .found(key)
                case .unknown: return .unknown
                case .notFound: continue
                }
            }
        }
        return .notFound
    }
}
