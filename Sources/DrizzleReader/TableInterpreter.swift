import SchemaModel

/// Turns table chains (`pgTable(name, columns, extras)`) into ``Table``s with their constraints,
/// indexes and policies, naming unnamed objects the way drizzle-kit 0.x does.
extension DrizzleEvaluator {
    func interpretTable(_ chain: Chain) -> Table? {
        let provenance = Provenance(source: .drizzle, location: chain.location)
        guard let name = tableName(chain) else {
            log.warning("cannot resolve the name of a table", at: chain.location)
            return nil
        }
        var table = Table(name: name.name, provenance: provenance)
        guard let columns = columnObject(chain) else {
            log.warning("cannot resolve the columns of table '\(name.name)'", at: chain.location)
            table.notStated.insert(.column)
            return table
        }
        var primaryColumns: [String] = []
        table.columns.reserveCapacity(columns.entries.count)  // a column is large: no room left over from doubling
        for entry in columns.entries {
            if entry.key.hasPrefix(DrizzleObject.unresolvedSpread) {
                var message = "cannot resolve spread columns of table '\(name.name)'"
                if case .unknown(let reason, _) = entry.value { message += ": \(reason)" }
                log.warning(message, at: entry.location)
                table.notStated.insert(.column)
                continue
            }
            guard let result = interpretColumn(key: entry.key, value: entry.value, keyLocation: entry.location ?? chain.location, table: name)
            else {
                table.notStated.insert(.column)
                continue
            }
            Self.add(result.column, isPrimaryKey: result.isPrimaryKey, unique: result.unique,
                     foreignKeys: result.foreignKeys, to: &table, primaryColumns: &primaryColumns)
        }
        Self.setInlinePrimaryKey(primaryColumns, of: &table)
        if chain.root == "pgTable.withRLS" || chain.has("enableRLS") { table.rowLevelSecurity = true }
        if chain.args.count > 2 { interpretExtras(chain.args[2], chain, name, &table) }
        if !table.policies.isEmpty { table.rowLevelSecurity = true }
        return table
    }

    func interpretExtras(_ extras: DrizzleValue, _ chain: Chain, _ name: QualifiedName, _ table: inout Table) {
        var value = extras
        if case .closure(let closure) = extras { value = invoke(closure, [.chain(chain)]) }
        var items: [DrizzleValue]
        switch value {
        case .array(let list): items = list
        case .object(let object): items = object.entries.map(\.value)
        case .undefined: return
        default:
            log.warning("cannot resolve the extra configuration of table '\(name.name)'", at: chain.location)
            table.notStated.formUnion([.index, .unique, .check, .foreignKey, .policy])
            return
        }
        for item in items { interpretExtra(item, chain, name, &table) }
    }

    /// One item of a table's extra configuration (an index, a constraint, a policy).
    func interpretExtra(_ item: DrizzleValue, _ chain: Chain, _ name: QualifiedName, _ table: inout Table) {
        guard case .chain(let extra) = item else {
            if case .unknown(let reason, let at) = item {
                log.warning("cannot resolve an extra of table '\(name.name)': \(reason)", at: at ?? chain.location)
            }
            return
        }
        let provenance = Provenance(source: .drizzle, location: extra.location)
        switch extra.root {
        case "index", "uniqueIndex":
            if let index = interpretIndex(extra, name, provenance) { table.indexes.append(index) }
        case "primaryKey":
            var columns: [DrizzleValue] = extra.args
            var explicitName: String?
            if case .object(let config)? = extra.args.first {
                if case .array(let list)? = config["columns"] { columns = list }
                explicitName = config["name"]?.stringValue
            }
            let refs = columnRefs(columns, in: name, provenance)
            let generated = "\(name.name)_\(refs.map(\.column).joined(separator: "_"))_pk"
            table.primaryKey = PrimaryKey(name: Identifier.truncated(explicitName ?? generated), columns: refs.map(\.column), provenance: provenance)
            for column in refs.map(\.column) {
                if let i = table.columns.firstIndex(where: { $0.name == column }) { table.columns[i].isNullable = false }
            }
        case "unique":
            let refs = columnRefs(extra.last("on")?.args ?? [], in: name, provenance)
            let generated = "\(name.name)_\(refs.map(\.column).joined(separator: "_"))_unique"
            table.uniqueConstraints.append(UniqueConstraint(
                name: Identifier.truncated(extra.args.first?.stringValue ?? generated), columns: refs.map(\.column),
                nullsNotDistinct: extra.has("nullsNotDistinct"), provenance: provenance))
        case "foreignKey":
            if let fk = interpretForeignKey(extra, name, provenance) {
                table.foreignKeys.append(fk)
            } else {
                table.notStated.insert(.foreignKey)
            }
        case "check":
            guard let checkName = extra.args.first?.stringValue, extra.args.count > 1, case .sql(let body) = extra.args[1], body.isResolved else {
                log.warning("cannot resolve a check constraint of table '\(name.name)'", at: extra.location)
                table.notStated.insert(.check)
                return
            }
            table.checks.append(CheckConstraint(name: Identifier.truncated(checkName), expression: body.render(qualified: true, defaultSchema: defaultSchema), provenance: provenance))
        case "pgPolicy":
            if let policy = interpretPolicy(extra, provenance) { table.policies.append(policy) } else { table.notStated.insert(.policy) }
        default:
            log.warning("unsupported table extra '\(extra.root)' in table '\(name.name)'", at: extra.location)
        }
    }

    /// Column references among `values`, with a diagnostic for each one that is not a column.
    func columnRefs(_ values: [DrizzleValue], in table: QualifiedName, _ provenance: Provenance) -> [ColumnRef] {
        var refs: [ColumnRef] = []
        for value in values {
            if case .column(let ref) = value { refs.append(ref) } else {
                log.warning("cannot resolve a column of a constraint in table '\(table.name)'", at: provenance.location)
            }
        }
        return refs
    }

    func interpretIndex(_ chain: Chain, _ table: QualifiedName, _ provenance: Provenance) -> TableIndex? {
        var keyValues: [DrizzleValue] = []
        var method = "btree"
        var predicate: String?
        for call in chain.calls {
            switch call.name {
            case "on", "onOnly": keyValues += call.args
            case "using":
                method = call.args.first?.stringValue ?? method
                keyValues += call.args.dropFirst()
            case "where":
                if case .sql(let fragment)? = call.args.first, fragment.isResolved {
                    predicate = fragment.render(qualified: true, defaultSchema: defaultSchema)
                } else {
                    log.warning("cannot resolve the predicate of an index on table '\(table.name)'", at: chain.location)
                }
            case "concurrently", "with": break
            default:
                log.warning("unsupported index option '.\(call.name)()' on table '\(table.name)'", at: chain.location)
            }
        }
        var keys: [TableIndex.Key] = []
        var hasExpression = false
        for value in keyValues {
            switch value {
            case .column(let ref):
                // drizzle-orm defaults every index column to NULLS LAST (so `.desc()` is DESC NULLS LAST),
                // and drizzle-kit writes neither DESC nor NULLS after an operator class.
                let nullsFirst = ref.nullsFirst ?? false
                let descending = ref.operatorClass == nil && ref.descending
                var nulls: Bool? = descending ? (nullsFirst ? nil : false) : (nullsFirst ? true : nil)
                if ref.operatorClass != nil { nulls = nil }
                keys.append(TableIndex.Key(column: ref.column, descending: descending, nullsFirst: nulls, operatorClass: ref.operatorClass))
            case .sql(let fragment) where fragment.isResolved:
                hasExpression = true
                keys.append(TableIndex.Key(expression: fragment.render(qualified: false, defaultSchema: defaultSchema)))
            default:
                log.warning("cannot resolve a key of an index on table '\(table.name)'", at: chain.location)
                return nil
            }
        }
        var name = chain.args.first?.stringValue
        if name == nil {
            if hasExpression {
                log.warning("index on an expression in table '\(table.name)' has no name; drizzle-kit requires one", at: chain.location)
            } else {
                name = "\(table.name)_\(keys.compactMap(\.column).joined(separator: "_"))_index"
            }
        }
        return TableIndex(name: name.map(Identifier.truncated), keys: keys, isUnique: chain.root == "uniqueIndex", method: method,
                          predicate: predicate, provenance: provenance)
    }

    func interpretForeignKey(_ chain: Chain, _ table: QualifiedName, _ provenance: Provenance) -> ForeignKey? {
        guard case .object(let config)? = chain.args.first, case .array(let from)? = config["columns"],
            case .array(let to)? = config["foreignColumns"]
        else {
            log.warning("cannot resolve a foreign key of table '\(table.name)'", at: chain.location)
            return nil
        }
        let fromRefs = columnRefs(from, in: table, provenance)
        let toRefs = columnRefs(to, in: table, provenance)
        guard let target = toRefs.first?.table, fromRefs.count == from.count, toRefs.count == to.count else { return nil }
        let generated = ([table.name] + fromRefs.map(\.column) + [target.name] + toRefs.map(\.column)).joined(separator: "_") + "_fk"
        return ForeignKey(
            name: Identifier.truncated(config["name"]?.stringValue ?? generated), columns: fromRefs.map(\.column),
            referencedTable: target, referencedColumns: toRefs.map(\.column),
            onDelete: action(chain.last("onDelete")?.args.first), onUpdate: action(chain.last("onUpdate")?.args.first),
            provenance: provenance)
    }

    func interpretPolicy(_ chain: Chain, _ provenance: Provenance) -> Policy? {
        guard let name = chain.args.first?.stringValue else {
            log.warning("cannot resolve the name of a policy", at: chain.location)
            return nil
        }
        let config = chain.args.count > 1 ? chain.args[1] : .undefined
        var roles: [String] = []
        func addRole(_ value: DrizzleValue) {
            switch value {
            case .string(let s): roles.append(s)
            case .chain(let role) where role.root == "pgRole": roles.append(role.args.first?.stringValue ?? "?")
            case .builtin(let builtin) where DrizzleEvaluator.supabaseRoles[builtin] != nil:
                roles.append(DrizzleEvaluator.supabaseRoles[builtin]!)
            case .array(let list): list.forEach(addRole)
            case .undefined: break
            default: log.warning("cannot resolve a role of policy '\(name)'", at: chain.location)
            }
        }
        addRole(config["to"] ?? .undefined)
        func expression(_ key: String) -> String? {
            guard let value = config[key] else { return nil }
            if case .undefined = value { return nil }
            if case .sql(let fragment) = value, fragment.isResolved { return fragment.render(qualified: true, defaultSchema: defaultSchema) }
            log.warning("cannot resolve the \(key == "using" ? "USING" : "WITH CHECK") expression of policy '\(name)'", at: chain.location)
            return nil
        }
        let command = config["for"]?.stringValue.flatMap { Policy.Command(rawValue: $0.lowercased()) } ?? .all
        return Policy(name: name, isPermissive: config["as"]?.stringValue?.lowercased() != "restrictive", command: command,
                      roles: roles, using: expression("using"), withCheck: expression("withCheck"), provenance: provenance)
    }

    func interpretEnum(_ chain: Chain) -> EnumType? {
        guard let name = chain.args.first?.stringValue else {
            log.warning("cannot resolve the name of an enum", at: chain.location)
            return nil
        }
        var values = chain.args.count > 1 ? chain.args[1] : .undefined
        if case .object(let object) = values { values = .array(object.entries.map(\.value)) }
        guard case .array(let items) = values, items.allSatisfy({ $0.stringValue != nil }) else {
            log.warning("cannot resolve the values of enum '\(name)'", at: chain.location)
            return nil
        }
        return EnumType(schema: schemaName(of: chain), name: name, labels: items.compactMap(\.stringValue),
                        provenance: Provenance(source: .drizzle, location: chain.location))
    }

    func interpretView(_ chain: Chain) -> View? {
        guard let name = chain.args.first?.stringValue else {
            log.warning("cannot resolve the name of a view", at: chain.location)
            return nil
        }
        var definition: String?
        if case .sql(let fragment)? = chain.last("as")?.args.first, fragment.isResolved {
            definition = fragment.render(qualified: true, defaultSchema: defaultSchema)
        }
        return View(name: name, isMaterialized: chain.root == "pgMaterializedView", definition: definition,
                    provenance: Provenance(source: .drizzle, location: chain.location))
    }

    /// Adds one interpreted column to `table` with what it declares inline (a unique constraint,
    /// foreign keys); an inline primary key column joins `primaryColumns`. Shared by the general
    /// path and the fast path of ``fastTable(_:_:_:)``.
    static func add(
        _ column: Column, isPrimaryKey: Bool, unique: UniqueConstraint?, foreignKeys: [ForeignKey],
        to table: inout Table, primaryColumns: inout [String]
    ) {
        if isPrimaryKey { primaryColumns.append(column.name) }
        if let unique { table.uniqueConstraints.append(unique) }
        if !foreignKeys.isEmpty { table.foreignKeys += foreignKeys }
        table.columns.append(column)
    }

    /// The inline PRIMARY KEY of `primaryColumns`, if any: PostgreSQL names it `{table}_pkey`.
    static func setInlinePrimaryKey(_ primaryColumns: [String], of table: inout Table) {
        guard !primaryColumns.isEmpty else { return }
        table.primaryKey = PrimaryKey(name: Identifier.generatedName(table.name, nil, suffix: "pkey"),
                                      columns: primaryColumns, provenance: table.provenance)
    }
}
