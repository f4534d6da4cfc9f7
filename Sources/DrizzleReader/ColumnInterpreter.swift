import SchemaModel

/// Turns one column builder chain into a ``Column`` and the constraints it declares inline.
extension DrizzleEvaluator {
    struct ColumnResult {
        var column: Column
        var isPrimaryKey = false
        var unique: UniqueConstraint?
        var foreignKeys: [ForeignKey] = []
    }

    /// Builders that take `(name?, config?)` and always produce the same SQL type.
    static let fixedTypes: [String: String] = [
        "integer": "integer", "smallint": "smallint", "bigint": "bigint", "serial": "serial",
        "smallserial": "smallserial", "bigserial": "bigserial", "boolean": "boolean", "text": "text",
        "real": "real", "doublePrecision": "double precision", "json": "json", "jsonb": "jsonb", "uuid": "uuid",
        "date": "date", "inet": "inet", "cidr": "cidr", "macaddr": "macaddr", "macaddr8": "macaddr8",
        "point": "point", "line": "line", "bytea": "bytea", "geometry": "geometry(point)",
        "citext": "citext", "tsvector": "tsvector",
    ]

    /// Modifiers that do not change what the database sees.
    static let neutralModifiers: Set<String> = ["$type", "array", "$inferSelect", "$inferInsert", "mapWith"]

    func interpretColumn(key: String, value: DrizzleValue, keyLocation: SourceLocation?, table: QualifiedName) -> ColumnResult? {
        let provenance = Provenance(source: .drizzle, location: keyLocation)
        guard case .chain(let chain) = value else {
            var message = "cannot resolve column '\(key)' of table '\(table.name)'"
            if case .unknown(let reason, _) = value { message += ": \(reason)" }
            log.warning(message, at: keyLocation)
            return nil
        }
        let names = columnNames(key: key, value: value)
        var config: DrizzleObject?
        for arg in chain.args {
            if case .object(let object) = arg { config = object }
        }
        var notStated: Set<ObjectKind> = []

        func intOption(_ option: String) -> Int? {
            guard let v = config?[option] else { return nil }
            if case .undefined = v { return nil }
            if let n = v.intValue { return n }
            notStated.insert(.columnType)
            log.warning("cannot resolve '\(option)' of column '\(names.database)' in table '\(table.name)'", at: keyLocation)
            return nil
        }
        func boolOption(_ option: String) -> Bool { config?[option]?.boolValue ?? false }

        // The SQL type drizzle-orm's `getSQLType()` returns for the builder.
        var spelling: String
        var enumType: SQLType?
        if let fixed = DrizzleEvaluator.fixedTypes[chain.root] {
            spelling = fixed
        } else {
            switch chain.root {
            case "varchar", "char":
                let length = intOption("length")
                spelling = length.map { "\(chain.root)(\($0))" } ?? chain.root
            case "numeric", "decimal":
                let precision = intOption("precision")
                let scale = intOption("scale")
                if let precision, let scale { spelling = "numeric(\(precision), \(scale))" } else if let precision { spelling = "numeric(\(precision))" } else { spelling = "numeric" }
            case "timestamp", "time":
                let precision = intOption("precision")
                let separator = chain.root == "timestamp" ? " " : ""
                spelling = chain.root + (precision.map { "\(separator)(\($0))" } ?? "") + (boolOption("withTimezone") ? " with time zone" : "")
            case "interval":
                let fields = config?["fields"]?.stringValue.map { " " + $0 } ?? ""
                // drizzle-orm tests the precision for truthiness here, so 0 is left out.
                spelling = "interval" + fields + (intOption("precision").flatMap { $0 == 0 ? nil : "(\($0))" } ?? "")
            case "vector", "halfvec", "sparsevec", "bit":
                spelling = chain.root + (intOption("dimensions").map { "(\($0))" } ?? "")
            case "__enum":
                guard case .chain(let enumChain)? = chain.target?.value, let enumName = enumChain.args.first?.stringValue else {
                    log.warning("cannot resolve the enum of column '\(names.database)'", at: keyLocation)
                    return nil
                }
                let qualified = QualifiedName(schema: schemaName(of: enumChain), name: enumName)
                enumType = SQLType(qualified.description)
                spelling = qualified.description
            case "__custom":
                guard let type = customTypeName(chain) else {
                    log.warning("cannot resolve the dataType() of custom column '\(names.database)' in table '\(table.name)'", at: keyLocation)
                    notStated.insert(.columnType)
                    spelling = "unknown"
                    break
                }
                spelling = type
            default:
                log.warning("unsupported column builder '\(chain.root)'", at: chain.location ?? keyLocation)
                notStated.insert(.columnType)
                spelling = chain.root.lowercased()
            }
        }

        let (parsedType, isSerial, lowered) = columnTypeParts(spelling, enumType: enumType)
        var type = parsedType
        for call in chain.calls where call.name == "array" { type = type.arrayOf }
        var result = ColumnResult(column: Column(name: names.database, type: type, rawType: chain.raw, notStated: notStated, provenance: provenance))
        if isSerial {
            let sequence = Identifier.generatedName(table.name, names.database, suffix: "seq")
            let qualified = table.schema == defaultSchema ? sequence : "\(table.schema).\(sequence)"
            result.column.defaultExpression = "nextval('\(qualified)'::regclass)"
            result.column.isNullable = false
        }
        var clientDefaults: [String] = []
        for call in chain.calls {
            switch call.name {
            case "notNull": result.column.isNullable = false
            case "primaryKey":
                result.column.isNullable = false
                result.isPrimaryKey = true
            case "unique":
                let name = call.args.first?.stringValue ?? "\(table.name)_\(names.raw)_unique"
                let nulls = call.args.compactMap { $0["nulls"]?.stringValue }.first
                result.unique = UniqueConstraint(name: Identifier.truncated(name), columns: [names.database],
                                                 nullsNotDistinct: nulls == "not distinct", provenance: provenance)
            case "default":
                if let rendered = renderDefault(call.args.first ?? .undefined, sqlType: lowered, isArray: type.arrayDimensions > 0) {
                    result.column.defaultExpression = rendered
                } else {
                    result.column.notStated.insert(.columnDefault)
                    log.warning("cannot resolve the default of column '\(names.database)' in table '\(table.name)'", at: keyLocation)
                }
            case "defaultNow": result.column.defaultExpression = "now()"
            case "defaultRandom": result.column.defaultExpression = "gen_random_uuid()"
            case "$defaultFn", "$default", "$onUpdate", "$onUpdateFn":
                clientDefaults.append(call.raw)
            case "references":
                if let fk = inlineForeignKey(call, column: names, table: table, provenance: provenance) {
                    result.foreignKeys.append(fk)
                } else {
                    result.column.notStated.insert(.foreignKey)
                    log.warning("cannot resolve the reference of column '\(names.database)' in table '\(table.name)'", at: keyLocation)
                }
            case "generatedAlwaysAs":
                var generated = call.args.first ?? .undefined
                if case .closure(let closure) = generated { generated = invoke(closure, []) }
                if case .sql(let fragment) = generated, fragment.isResolved {
                    result.column.generatedExpression = fragment.render(qualified: true, defaultSchema: defaultSchema)
                } else if let literal = renderDefault(generated, sqlType: lowered, isArray: false) {
                    result.column.generatedExpression = literal
                } else {
                    result.column.notStated.insert(.generatedColumn)
                    log.warning("cannot resolve the generated expression of column '\(names.database)'", at: keyLocation)
                }
            case "generatedAlwaysAsIdentity", "generatedByDefaultAsIdentity":
                result.column.identity = identity(call)
                result.column.isNullable = false
            case let name where DrizzleEvaluator.neutralModifiers.contains(name):
                break
            default:
                log.warning("unsupported column modifier '.\(call.name)()' on column '\(names.database)'", at: keyLocation)
            }
        }
        if !clientDefaults.isEmpty { result.column.clientDefault = clientDefaults.joined(separator: "; ") }
        return result
    }

    func identity(_ call: Chain.Call) -> Identity {
        let options = call.args.first
        func int64(_ key: String) -> Int64? {
            guard let v = options?[key] else { return nil }
            // The spelling first: sequence bounds such as 9223372036854775807 do not survive a Double.
            if case .number(let n, let spelling) = v { return Int64(spelling) ?? Int64(exactly: n.rounded()) }
            if let s = v.stringValue { return Int64(s) }
            return nil
        }
        return Identity(
            generation: call.name == "generatedAlwaysAsIdentity" ? .always : .byDefault,
            start: int64("startWith"), increment: int64("increment"), minValue: int64("minValue"),
            maxValue: int64("maxValue"), cache: int64("cache"), cycle: options?["cycle"]?.boolValue)
    }

    func inlineForeignKey(_ call: Chain.Call, column: (raw: String, database: String), table: QualifiedName,
                          provenance: Provenance) -> ForeignKey? {
        var target = call.args.first ?? .undefined
        if case .closure(let closure) = target { target = invoke(closure, []) }
        guard case .column(let ref) = target else { return nil }
        let actions = call.args.count > 1 ? call.args[1] : .undefined
        let name = "\(table.name)_\(column.database)_\(ref.table.name)_\(ref.column)_fk"
        return ForeignKey(
            name: Identifier.truncated(name), columns: [column.database], referencedTable: ref.table,
            referencedColumns: [ref.column], onDelete: action(actions["onDelete"]), onUpdate: action(actions["onUpdate"]),
            provenance: provenance)
    }

    func action(_ value: DrizzleValue?) -> ForeignKey.Action {
        guard let spelling = value?.stringValue else { return .noAction }
        if let known = actionCache[spelling] { return known ?? .noAction }
        let action = ForeignKey.Action(spelling: spelling)
        actionCache[spelling] = .some(action)
        return action ?? .noAction
    }

    /// The literal `dataType()` of a `customType({...})` column, called with the column's config.
    func customTypeName(_ column: Chain) -> String? {
        guard case .chain(let custom)? = column.target?.value, let options = custom.args.first,
            let dataType = options["dataType"]
        else { return nil }
        if let literal = dataType.stringValue { return literal }
        guard case .closure(let closure) = dataType else { return nil }
        let config = column.args.first { if case .object = $0 { return true } else { return false } } ?? .undefined
        return invoke(closure, [config]).stringValue
    }

    /// A `.default(value)` as drizzle-kit writes it into the DDL; nil when the value is not static.
    func renderDefault(_ value: DrizzleValue, sqlType: String, isArray: Bool) -> String? {
        switch value {
        case .sql(let fragment):
            return fragment.isResolved ? fragment.render(qualified: false, defaultSchema: defaultSchema) : nil
        case .string(let s): return "'" + s.sqlEscaped + "'"
        case .number(_, let spelling): return spelling
        case .boolean(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array, .object:
            if sqlType == "json" || sqlType == "jsonb" {
                guard let json = jsonString(value) else { return nil }
                return "'\(json)'::\(sqlType)"
            }
            if isArray, case .array(let items) = value {
                guard let text = arrayLiteral(items) else { return nil }
                return "'\(text)'"
            }
            return nil
        default:
            return nil
        }
    }

    /// `JSON.stringify` for constant values.
    func jsonString(_ value: DrizzleValue) -> String? {
        switch value {
        case .string(let s):
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                case "\r": out += "\\r"
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        case .number(let n, _): return DrizzleEvaluator.spell(n)
        case .boolean(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            var parts: [String] = []
            for item in items {
                guard let part = jsonString(item) else { return nil }
                parts.append(part)
            }
            return "[" + parts.joined(separator: ",") + "]"
        case .object(let object):
            var parts: [String] = []
            for entry in object.entries {
                if case .undefined = entry.value { continue }
                guard let key = jsonString(.string(entry.key)), let part = jsonString(entry.value) else { return nil }
                parts.append(key + ":" + part)
            }
            return "{" + parts.joined(separator: ",") + "}"
        default: return nil
        }
    }

    /// drizzle-kit's `buildArrayString`: `{1,2}`, `{"a","b"}`.
    func arrayLiteral(_ items: [DrizzleValue]) -> String? {
        var parts: [String] = []
        for item in items {
            switch item {
            case .number(let n, _): parts.append(DrizzleEvaluator.spell(n))
            case .boolean(let b): parts.append(b ? "true" : "false")
            case .string(let s): parts.append("\"\(s)\"")
            case .array(let inner):
                guard let text = arrayLiteral(inner) else { return nil }
                parts.append(text)
            default: return nil
            }
        }
        return "{" + parts.joined(separator: ",") + "}"
    }
}
