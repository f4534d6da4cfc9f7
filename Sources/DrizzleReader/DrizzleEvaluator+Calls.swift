import SchemaModel

/// Calls and member accesses: how Drizzle builders, `sql` helpers and tables behave.
extension DrizzleEvaluator {
    static let supabaseRoles: [String: String] = [
        "anonRole": "anon", "authenticatedRole": "authenticated", "serviceRole": "service_role",
        // drizzle-orm/src/supabase/rls.ts: `pgRole('postgres_role').existing()`.
        "postgresRole": "postgres_role", "supabaseAuthAdminRole": "supabase_auth_admin",
    ]

    /// ``supabaseRoles`` of `builtin`, by comparing names: hashing the name cost more than comparing it
    /// with these five (each policy names one).
    static func supabaseRole(_ builtin: String) -> String? {
        switch builtin {
        case "authenticatedRole": return "authenticated"
        case "anonRole": return "anon"
        case "serviceRole": return "service_role"
        case "postgresRole": return "postgres_role"
        case "supabaseAuthAdminRole": return "supabase_auth_admin"
        default: return nil
        }
    }

    /// `pgSchema(...)` methods that create schema objects, and the builder each one stands for.
    static let schemaMethods: [String: String] = [
        "table": "pgTable", "enum": "pgEnum", "view": "pgView", "materializedView": "pgMaterializedView",
        "sequence": "pgSequence",
    ]

    func call(_ callee: DrizzleValue, _ args: [DrizzleValue], site: Site) -> DrizzleValue {
        switch callee {
        case .builtin(let name):
            if let helper = sqlHelper(name, args) { return helper }
            switch name {
            case "Object.values", "Object.keys":
                guard case .object(let object) = args.first else { return .unknown("'\(name)' of a value that is not a constant object", site.location) }
                return .array(object.entries.map { name == "Object.values" ? $0.value : .string($0.key) })
            case "Object.freeze": return args.first ?? .undefined
            default:
                return .chain(Chain(root: name, args: args, site: site))
            }
        case .method(var chain, let name):
            if chain.root == "pgSchema", let builder = DrizzleEvaluator.schemaMethods[name] {
                return .chain(Chain(root: builder, args: args, site: site, target: Box(.chain(chain))))
            }
            chain.calls.append(Chain.Call(name: name, args: args, site: site))
            return .chain(chain)
        case .chain(let chain):
            switch chain.root {
            case "pgTableCreator":
                return .chain(Chain(root: "pgTable", args: args, site: site, target: Box(chain.args.first ?? .undefined)))
            case "pgEnum":
                return .chain(Chain(root: "__enum", args: args, site: site, target: Box(.chain(chain))))
            case "customType":
                return .chain(Chain(root: "__custom", args: args, site: site, target: Box(.chain(chain))))
            default:
                return .unknown("call of '\(chain.root)(...)' result", site.location)
            }
        case .closure(let closure):
            return invoke(closure, args)
        case .columnMethod(var ref, let name):
            switch name {
            case "asc": ref.descending = false
            case "desc": ref.descending = true
            case "nullsFirst": ref.nullsFirst = true
            case "nullsLast": ref.nullsFirst = false
            case "op": ref.operatorClass = args.first?.stringValue
            default: return .unknown("column method '\(name)'", site.location)
            }
            return .column(ref)
        case .sql:
            return callee  // `.mapWith()`, `.as()`, `.inlineParams()` keep the SQL
        case .unknown:
            return callee  // keep the first reason (an unresolved import, say)
        default:
            return .unknown("call of a value that is not a Drizzle builder", site.location)
        }
    }

    func member(_ base: DrizzleValue, _ name: String, _ site: Site) -> DrizzleValue {
        switch base {
        case .object(let object):
            return object[name] ?? .undefined
        case .namespace(let module):
            var visited: Set<Int> = []
            return exported(module, name, &visited) ?? .unknown("module does not export '\(name)'", site.location)
        case .builtin(let builtin):
            if builtin == "*" { return .builtin(name) }
            if builtin == "authUsers" {
                let column = DrizzleCasing.snakeCase(name)
                return .column(ColumnRef(table: QualifiedName(schema: "auth", name: "users"), column: column, rawName: column))
            }
            return .builtin(builtin + "." + name)
        case .chain(let chain):
            if isTable(chain), let ref = columnRef(chain, key: name) { return .column(ref) }
            return .method(chain, name)
        case .column(let ref):
            return .columnMethod(ref, name)
        case .sql:
            return base
        case .array(let items) where name == "length":
            return .number(Double(items.count), String(items.count))
        case .unknown:
            return base
        default:
            return .unknown("member '\(name)' of a value that is not an object", site.location)
        }
    }

    // MARK: - Tables as values

    func isTable(_ chain: Chain) -> Bool {
        chain.root == "pgTable" || chain.root == "pgTable.withRLS"
    }

    /// The schema a builder's object lives in: its `pgSchema` target's name, else the default.
    func schemaName(of chain: Chain) -> String {
        if case .chain(let schema)? = chain.target?.value, schema.root == "pgSchema",
            let name = schema.args.first?.stringValue
        {
            return name
        }
        return defaultSchema
    }

    /// The qualified name of a table chain, applying a `pgTableCreator` prefix function.
    func tableName(_ chain: Chain) -> QualifiedName? {
        guard var name = chain.args.first?.stringValue else { return nil }
        if case .closure(let creator)? = chain.target?.value {
            guard let prefixed = invoke(creator, [.string(name)]).stringValue else { return nil }
            name = prefixed
        }
        return QualifiedName(schema: schemaName(of: chain), name: name)
    }

    /// The column definitions of a table chain: a literal object, or the callback form
    /// `pgTable('t', (t) => ({ id: t.integer() }))`.
    func columnObject(_ chain: Chain) -> DrizzleObject? {
        guard chain.args.count > 1 else { return nil }
        switch chain.args[1] {
        case .object(let object): return object
        case .closure(let closure):
            if case .object(let object) = invoke(closure, [.builtin("*")]) { return object }
            return nil
        default: return nil
        }
    }

    /// The name drizzle-orm gives a column before casing (explicit name, else the key) and its
    /// database name.
    func columnNames(key: String, value: DrizzleValue) -> (raw: String, database: String) {
        if case .chain(let chain) = value, let explicit = chain.args.first?.stringValue {
            return (explicit, explicit)
        }
        return (key, casedName(key))
    }

    func columnRef(_ chain: Chain, key: String) -> ColumnRef? {
        guard let object = columnObject(chain), let value = object[key], let table = tableName(chain) else { return nil }
        let names = columnNames(key: key, value: value)
        return ColumnRef(table: table, column: names.database, rawName: names.raw)
    }

    // MARK: - SQL

    func sqlTemplate(_ pieces: [String], _ values: [DrizzleValue]) -> SQLFragment {
        var fragment = SQLFragment()
        for (index, piece) in pieces.enumerated() {
            if !piece.isEmpty { fragment.parts.append(.text(piece)) }
            if index < values.count { fragment.append(sqlOperand(values[index])) }
        }
        return fragment
    }

    /// A value interpolated into SQL: columns and tables by name, constants inlined as literals.
    func sqlOperand(_ value: DrizzleValue) -> SQLFragment {
        switch value {
        case .sql(let fragment): return fragment
        case .column(let ref): return SQLFragment(parts: [.column(ref)])
        case .string(let s): return .text("'" + s.sqlEscaped + "'")
        case .number(_, let spelling): return .text(spelling)
        case .boolean(let b): return .text(b ? "true" : "false")
        case .null: return .text("null")
        case .array(let items):
            var fragment = SQLFragment()
            for (index, item) in items.enumerated() {
                if index > 0 { fragment.parts.append(.text(", ")) }
                fragment.append(sqlOperand(item))
            }
            return fragment
        case .chain(let chain) where isTable(chain):
            if let name = tableName(chain) { return SQLFragment(parts: [.table(name)]) }
        case .builtin("authUid"): return .text("(select auth.uid())")
        case .builtin("realtimeTopic"): return .text("realtime.topic()")
        case .builtin("sql.empty"): return SQLFragment()
        default: break
        }
        return SQLFragment(parts: [.unresolved("?")])
    }

    /// drizzle-orm's SQL helpers (`eq`, `and`, `inArray`, `sql.raw`, ...), rendered as drizzle-orm
    /// renders them, with parameters inlined as literals.
    static let binaryOperators = ["eq": " = ", "ne": " <> ", "gt": " > ", "gte": " >= ", "lt": " < ", "lte": " <= ",
                                  "like": " like ", "ilike": " ilike ", "notLike": " not like ", "notIlike": " not ilike "]

    /// Every name ``sqlHelper(_:_:)`` handles: one hash lookup rejects the builders, which are most calls.
    static let sqlHelperNames: Set<String> = Set(binaryOperators.keys).union([
        "sql.raw", "sql.identifier", "and", "or", "not", "isNull", "isNotNull", "inArray", "notInArray", "exists", "notExists",
    ])

    func sqlHelper(_ name: String, _ args: [DrizzleValue]) -> DrizzleValue? {
        guard DrizzleEvaluator.sqlHelperNames.contains(name) else { return nil }
        if args.count == 2, let op = DrizzleEvaluator.binaryOperators[name] {
            var f = sqlOperand(args[0])
            f.parts.append(.text(op))
            f.append(sqlOperand(args[1]))
            return .sql(f)
        }
        switch name {
        case "sql.raw":
            return .sql(.text(args.first?.stringValue ?? "?"))
        case "sql.identifier":
            return .sql(.text("\"" + (args.first?.stringValue ?? "?") + "\""))
        case "and", "or":
            let present = args.filter { if case .undefined = $0 { return false } else { return true } }
            if present.isEmpty { return .sql(SQLFragment()) }
            var f = SQLFragment.text("(")
            for (index, arg) in present.enumerated() {
                if index > 0 { f.parts.append(.text(name == "and" ? " and " : " or ")) }
                f.append(sqlOperand(arg))
            }
            f.parts.append(.text(")"))
            return .sql(f)
        case "not":
            var f = SQLFragment.text("not ")
            f.append(sqlOperand(args.first ?? .undefined))
            return .sql(f)
        case "isNull", "isNotNull":
            var f = sqlOperand(args.first ?? .undefined)
            f.parts.append(.text(name == "isNull" ? " is null" : " is not null"))
            return .sql(f)
        case "inArray", "notInArray":
            guard args.count == 2 else { return nil }
            var f = sqlOperand(args[0])
            f.parts.append(.text(name == "inArray" ? " in (" : " not in ("))
            f.append(sqlOperand(args[1]))
            f.parts.append(.text(")"))
            return .sql(f)
        case "exists", "notExists":
            var f = SQLFragment.text(name == "exists" ? "exists " : "not exists ")
            f.append(sqlOperand(args.first ?? .undefined))
            return .sql(f)
        default:
            return nil
        }
    }
}
