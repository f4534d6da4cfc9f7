import SchemaModel

/// Column plans of ``DrizzleEvaluator/fastTable(_:_:_:)`` made from a column's syntax: the builder's
/// type, its literal options and its modifiers, all checked here so that pass 2 never has to evaluate
/// the column after all.
extension DrizzleEvaluator {
    /// Builders whose type depends only on literal options this file reads.
    static let fastBuilders: Set<String> = ["varchar", "char", "numeric", "decimal", "timestamp", "time"]

    /// The shape of `builder(args).method(args)...`, or nil for any other expression.
    func chainShape(_ expr: TSExpr) -> ChainShape? {
        var methods: [TSMethodCall] = []
        var current = expr
        while case .call(.member(let base, let name, let nameOffset), let args, let start, let end) = current {
            methods.append(TSMethodCall(name: name, args: args, start: start, nameOffset: nameOffset, end: end))
            current = base
        }
        guard case .call(.identifier(let builder, _), let rootArgs, let rootStart, let rootEnd) = current else { return nil }
        methods.reverse()
        return ChainShape(builder: builder, rootArgs: rootArgs, rootStart: rootStart, rootEnd: rootEnd, methods: methods)
    }

    /// The plan for a column written as `builder(literals).modifier(...)...`, or nil.
    func fastColumnPlan(_ key: String, _ keyOffset: Int, _ shape: ChainShape, _ source: ColumnSource, _ module: Int,
                                _ binding: BindingKey, _ builders: inout BuilderMemo) -> FastColumn? {
        let builder = shape.builder
        let rootArgs = shape.rootArgs
        let methods = shape.methods
        guard rootArgs.count <= 2 else { return nil }
        var explicit: String?
        for (index, arg) in rootArgs.enumerated() {
            switch arg {
            case .string(let s, _) where index == 0: explicit = s
            case .object(let props, _) where index == rootArgs.count - 1:
                for prop in props {
                    guard case .value(_, let value, _) = prop, isLiteral(value) else { return nil }
                }
            default: return nil
            }
        }
        guard let (spelling, enumType) = columnType(module, builder, rootArgs.last, &builders) else { return nil }
        let typeParts = lastFixedParts(builders)
        // Everything pass 2 needs is checked here, so that it never has to evaluate this column after all.
        var modifiers: [ColumnModifier] = []
        modifiers.reserveCapacity(methods.count)
        for k in methods.indices {
            let name = methods[k].name
            switch name {
            case "notNull", "primaryKey", "defaultNow", "defaultRandom", "$type", "unique",
                 "generatedAlwaysAsIdentity", "generatedByDefaultAsIdentity":
                guard methods[k].args.isEmpty else { return nil }
                modifiers.append(DrizzleEvaluator.plainModifier(name))
            case "default":
                guard methods[k].args.count == 1, let value = literalValue(methods[k].args[0]) else { return nil }
                modifiers.append(.defaultValue(value))
            case "references":
                guard let (reference, actions) = fastReference(methods[k], module) else { return nil }
                modifiers.append(.references(reference, actions))
            default:
                return nil
            }
        }
        return FastColumn(source: source, binding: binding, key: key, keyOffset: keyOffset, spelling: spelling, enumType: enumType,
                          typeParts: typeParts,
                          explicit: explicit, rootStart: shape.rootStart, rootEnd: shape.rootEnd, modifiers: modifiers)
    }

    /// The modifier of an argument-less method ``fastColumnPlan(_:_:_:_:_:_:_:)`` accepts.
    static func plainModifier(_ name: String) -> ColumnModifier {
        switch name {
        case "notNull": return .notNull
        case "primaryKey": return .primaryKey
        case "defaultNow": return .defaultNow
        case "defaultRandom": return .defaultRandom
        case "unique": return .unique
        case "$type": return .typed
        default: return .identity(name)
        }
    }

    /// The SQL type spelling of a column of `builder` (and its enum type, for an enum column) as
    /// ``interpretColumn(key:value:keyLocation:table:)`` writes it, given its last root argument; nil
    /// when the fast path does not read such a column.
    func columnType(_ module: Int, _ builder: String, _ last: TSExpr?, _ builders: inout BuilderMemo) -> (String, SQLType?)? {
        columnType(builderValue(module, builder, &builders), last, &builders)
    }

    /// ``columnType(_:_:_:_:)`` of the builder whose value `builderValue` has just been looked up in `builders`.
    func columnType(_ builderValue: DrizzleValue?, _ last: TSExpr?, _ builders: inout BuilderMemo) -> (String, SQLType?)? {
        switch builderValue {
        case .builtin(let name)?:
            let memoized = builders.last >= 0 ? builders.entries[builders.last].fixed : DrizzleEvaluator.fixedTypes[name]
            if let fixed = memoized { return (fixed, nil) }
            guard DrizzleEvaluator.fastBuilders.contains(name), let typed = fastSpelling(name, last) else { return nil }
            return (typed, nil)
        case .chain(let enumChain)? where enumChain.root == "pgEnum":
            guard let enumName = enumChain.args.first?.stringValue else { return nil }
            let spelling = QualifiedName(schema: schemaName(of: enumChain), name: enumName).description
            return (spelling, SQLType(spelling))
        default:
            return nil
        }
    }

    private func isLiteral(_ expr: TSExpr) -> Bool {
        switch expr {
        case .string, .number, .boolean, .null: return true
        default: return false
        }
    }

    /// The last literal value given for `option` in a literal config object.
    private func literalOption(_ config: TSExpr?, _ option: String) -> TSExpr? {
        guard case .object(let props, _)? = config else { return nil }
        for prop in props.reversed() {
            if case .value(let key, let value, _) = prop, key == option { return value }
        }
        return nil
    }

    /// An integer option as ``DrizzleValue/intValue`` reads it; `.some(nil)` when it is absent, nil
    /// when it is not an integer (the general path warns about that).
    private func intOption(_ config: TSExpr?, _ option: String) -> Int?? {
        guard let value = literalOption(config, option) else { return .some(nil) }
        guard case .number(let n, _, _) = value, n.isFinite, n == n.rounded(), abs(n) < 1e15 else { return nil }
        return .some(Int(n))
    }

    /// The SQL type spelling of a builder with options, as ``interpretColumn(key:value:keyLocation:table:)``
    /// writes it; nil when an option is not a literal of the right kind.
    private func fastSpelling(_ root: String, _ last: TSExpr?) -> String? {
        var config: TSExpr?
        if case .object? = last { config = last }
        switch root {
        case "varchar", "char":
            guard let length = intOption(config, "length") else { return nil }
            return length.map { "\(root)(\($0))" } ?? root
        case "numeric", "decimal":
            guard let precision = intOption(config, "precision"), let scale = intOption(config, "scale") else { return nil }
            if let precision, let scale { return "numeric(\(precision), \(scale))" }
            if let precision { return "numeric(\(precision))" }
            return "numeric"
        case "timestamp", "time":
            guard let precision = intOption(config, "precision") else { return nil }
            var withTimezone = false
            if let value = literalOption(config, "withTimezone") {
                guard case .boolean(let b, _) = value else {
                    // `boolValue ?? false`: any other literal counts as false.
                    return fastSpellingTimestamp(root, precision, false)
                }
                withTimezone = b
            }
            return fastSpellingTimestamp(root, precision, withTimezone)
        default:
            return nil
        }
    }

    private func fastSpellingTimestamp(_ root: String, _ precision: Int?, _ withTimezone: Bool) -> String {
        let separator = root == "timestamp" ? " " : ""
        return root + (precision.map { "\(separator)(\($0))" } ?? "") + (withTimezone ? " with time zone" : "")
    }
}
