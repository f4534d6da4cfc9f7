import SchemaModel

/// From table specs to the catalog: generated names (PostgreSQL's and the MetaData naming
/// convention's), serial defaults, foreign key targets, enums and DDL-stated objects.
extension ModelBuilder {
    mutating func finalize() -> Catalog {
        var catalog = Catalog(source: .sqlalchemy)
        let indexByName = TableLookup(tables.map { QualifiedName(schema: $0.schema ?? options.defaultSchema, name: $0.name) })
        // Each table is built from its spec and the (now fixed) tables it refers to: independent work.
        let snapshot = self
        let lookup = indexByName
        var built = ParallelMap.map(tables.count) { k in snapshot.table(from: snapshot.tables[k], lookup: lookup) }
        // DDL listeners: RLS, policies, triggers. What each table's DDL states, as bits (the kinds
        // come in two groups), and the last table looked up: a listener's statements name one table.
        let statesRLS: UInt8 = 1, statesTrigger: UInt8 = 2
        var stated = [UInt8](repeating: 0, count: built.count)
        var last: (name: QualifiedName, index: Int?)?
        for statement in ddl {
            let name: QualifiedName
            switch statement {
            case .enableRowLevelSecurity(let t, _), .forceRowLevelSecurity(let t, _), .policy(let t, _), .trigger(let t, _): name = t
            }
            let found: Int?
            if let last, last.name == name {
                found = last.index
            } else {
                found = indexByName[schema: name.schema, name: name.name]
                last = (name, found)
            }
            guard let k = found else {
                log.warning("DDL listener refers to table '\(name)' that no model defines", at: nil)
                continue
            }
            switch statement {
            case .enableRowLevelSecurity:
                built[k].rowLevelSecurity = true
                stated[k] |= statesRLS
            case .forceRowLevelSecurity:
                built[k].forceRowLevelSecurity = true
                stated[k] |= statesRLS
            case .policy(_, let policy):
                built[k].policies.append(policy)
                stated[k] |= statesRLS
            case .trigger(_, let trigger):
                built[k].triggers.append(trigger)
                stated[k] |= statesTrigger
            }
        }
        let ddlKinds: Set<ObjectKind> = [.trigger, .policy, .rowLevelSecurity, .forceRowLevelSecurity]
        if ddl.isEmpty {
            catalog.notStated = ddlKinds
        } else {
            for k in built.indices where stated[k] != statesRLS | statesTrigger {
                if stated[k] & statesRLS == 0 { built[k].notStated.formUnion([.rowLevelSecurity, .forceRowLevelSecurity, .policy]) }
                if stated[k] & statesTrigger == 0 { built[k].notStated.insert(.trigger) }
            }
        }
        for (k, spec) in tables.enumerated() { catalog.add(built[k], toSchema: spec.schema ?? options.defaultSchema) }
        // Enums used by columns, once each.
        var seenEnums: Set<String> = []
        for spec in tables {
            for column in spec.columns {
                if let e = column.type.enumType, seenEnums.insert(e.schema + "." + e.name).inserted { catalog.add(e) }
            }
        }
        // Normalizing sorts each table's objects by keys built as strings: the longest stretch on one
        // thread at the end of a large reading, so the tables are normalized on all cores.
        return catalog.normalized { count, table in ParallelMap.map(count, table) }
    }

    private func table(from spec: TableSpec, lookup: TableLookup) -> Table {
        let schema = spec.schema ?? options.defaultSchema
        let provenance = Provenance(source: .sqlalchemy, location: spec.location)
        var table = Table(name: spec.name, comment: spec.comment, provenance: provenance)
        var pkColumns = spec.columns.filter(\.primaryKey).map(\.name)
        var pkName: String?
        var pkLocation = spec.columns.first(where: \.primaryKey)?.location ?? spec.location
        for case .primaryKey(let columns, let name, let location) in spec.items {
            pkColumns = columns
            pkName = name
            pkLocation = location
        }
        let naming = NamingConvention(templates: spec.convention, table: spec.name, schema: spec.schema)
        table.columns.reserveCapacity(spec.columns.count)  // a column is large: no room left over from doubling
        for column in spec.columns {
            var type = column.type
            if column.rawType == "(from foreign key)", let fk = column.foreignKeys.first, let target = resolveTarget(fk.targets.first, schema: schema, lookup: lookup), target.index >= 0,
                let referenced = tables[target.index].columns.first(where: { $0.name == target.column })
            {
                type = referenced.type
                type.enumType = nil
            }
            var c = Column(
                name: column.name, type: type.sqlType, rawType: column.rawType,
                isNullable: column.nullable && !pkColumns.contains(column.name),
                defaultExpression: column.serverDefault, clientDefault: column.clientDefault, identity: column.identity,
                generatedExpression: column.computed, comment: column.comment,
                provenance: Provenance(source: .sqlalchemy, location: column.location))
            if type.notStated { c.notStated.insert(.columnType) }
            if column.serverDefaultNotStated { c.notStated.insert(.columnDefault) }
            // Serial: the single integer primary key column with autoincrement left at "auto".
            if pkColumns.count == 1, pkColumns[0] == column.name, type.isInteger, !type.notStated, column.autoincrement != false,
                column.serverDefault == nil, column.identity == nil, column.computed == nil,
                column.foreignKeys.isEmpty || column.autoincrement == true
            {
                let sequence = Identifier.generatedName(spec.name, column.name, suffix: "seq")
                let qualified = schema == "public" ? sequence : schema + "." + sequence
                c.defaultExpression = "nextval('\(qualified)'::regclass)"
                c.isNullable = false
            }
            table.columns.append(c)
            if column.unique && !column.index {
                table.uniqueConstraints.append(UniqueConstraint(
                    name: naming.name("uq", columns: [column], given: nil) ?? Identifier.generatedName(spec.name, column.name, suffix: "key"),
                    columns: [column.name], provenance: Provenance(source: .sqlalchemy, location: column.location)))
            }
            if column.index {
                table.indexes.append(TableIndex(
                    name: naming.name("ix", columns: [column], given: nil) ?? naming.defaultIndexName(column),
                    keys: [TableIndex.Key(column: column.name)], isUnique: column.unique,
                    provenance: Provenance(source: .sqlalchemy, location: column.location)))
            }
            for fk in column.foreignKeys { if let built = foreignKey(fk, spec: spec, schema: schema, naming: naming, lookup: lookup) { table.foreignKeys.append(built) } }
            if let check = type.enumCheck {
                let sql = column.name + " IN (" + check.labels.map { "'" + $0 + "'" }.joined(separator: ", ") + ")"
                table.checks.append(CheckConstraint(name: naming.name("ck", columns: [column], given: check.name) ?? check.name ?? Identifier.generatedName(spec.name, column.name, suffix: "check"), expression: sql, provenance: Provenance(source: .sqlalchemy, location: column.location)))
            }
        }
        if !pkColumns.isEmpty {
            let pkSpecs = pkColumns.compactMap { n in spec.columns.first { $0.name == n } }
            table.primaryKey = PrimaryKey(
                name: naming.name("pk", columns: pkSpecs, given: pkName) ?? pkName ?? Identifier.generatedName(spec.name, nil, suffix: "pkey"),
                columns: pkColumns, provenance: Provenance(source: .sqlalchemy, location: pkLocation))
        }
        var checkNames: Set<String> = Set(table.checks.compactMap(\.name))
        // Column-level checks first, then the table's items (without building the joined array).
        func add(_ item: TableItemSpec) {
            switch item {
            case .primaryKey:
                break
            case .unique(let columns, let name, let location):
                let specs = columns.compactMap { n in spec.columns.first { $0.name == n } }
                table.uniqueConstraints.append(UniqueConstraint(
                    name: naming.name("uq", columns: specs, given: name) ?? name ?? Identifier.generatedName(spec.name, columns.joined(separator: "_"), suffix: "key"),
                    columns: columns, provenance: Provenance(source: .sqlalchemy, location: location)))
            case .check(let expression, let name, let location):
                var finalName = naming.name("ck", columns: [], given: name) ?? name
                if finalName == nil {
                    let referenced = SQLColumns.referenced(in: expression, among: spec.columns.map(\.name))
                    let base = Identifier.generatedName(spec.name, referenced.count == 1 ? referenced[0] : nil, suffix: "check")
                    var candidate = base
                    var n = 0
                    while checkNames.contains(candidate) {
                        n += 1
                        candidate = Identifier.generatedName(spec.name, referenced.count == 1 ? referenced[0] : nil, suffix: "check\(n)")
                    }
                    finalName = candidate
                }
                checkNames.insert(finalName!)
                table.checks.append(CheckConstraint(name: finalName, expression: expression, provenance: Provenance(source: .sqlalchemy, location: location)))
            case .foreignKey(let fk):
                if let built = foreignKey(fk, spec: spec, schema: schema, naming: naming, lookup: lookup) { table.foreignKeys.append(built) }
            case .index(let name, let keys, let unique, let method, let predicate, let include, let location):
                let specs = keys.compactMap { key in spec.columns.first { $0.name == key.column } }
                table.indexes.append(TableIndex(
                    name: naming.name("ix", columns: specs, given: name) ?? name, keys: keys, isUnique: unique, method: method,
                    predicate: predicate, includedColumns: include, provenance: Provenance(source: .sqlalchemy, location: location)))
            }
        }
        for column in spec.columns {
            for item in column.checks { add(item) }
        }
        for item in spec.items { add(item) }
        return table
    }

    private func resolveTarget(_ target: ForeignKeyTarget?, schema: String, lookup: TableLookup) -> (index: Int, table: QualifiedName, column: String)? {
        switch target {
        case .string(let dotted)?:
            // The last three dot-separated parts (`schema.table.column`), found on the bytes;
            // empty parts are skipped, as `split(separator:)` does.
            var parts: [Substring] = []
            var end = dotted.utf8.endIndex
            var k = end
            let utf8 = dotted.utf8
            while k > utf8.startIndex, parts.count < 3 {
                let before = utf8.index(before: k)
                if utf8[before] == UInt8(ascii: ".") {
                    if k < end { parts.append(dotted[k..<end]) }
                    end = before
                }
                k = before
            }
            if parts.count < 3, k < end { parts.append(dotted[k..<end]) }
            guard parts.count >= 2 else { return nil }
            let table = QualifiedName(schema: parts.count >= 3 ? String(parts[2]) : schema, name: String(parts[1]))
            let index = lookup[schema: table.schema, name: table.name] ?? -1
            return (index, table, String(parts[0]))
        case .classAttribute(let key, let attr)?:
            guard let index = tableOfClass[key] else { return nil }
            let t = tables[index]
            let column = t.columns.first(where: { $0.key == attr })?.name ?? attr
            return (index, QualifiedName(schema: t.schema ?? options.defaultSchema, name: t.name), column)
        case nil:
            return nil
        }
    }

    private func foreignKey(_ fk: ForeignKeySpec, spec: TableSpec, schema: String, naming: NamingConvention, lookup: TableLookup) -> ForeignKey? {
        let targets = fk.targets.compactMap { resolveTarget($0, schema: schema, lookup: lookup) }
        guard let first = targets.first, targets.count == fk.targets.count else { return nil }
        let specs = fk.columns.compactMap { n in spec.columns.first { $0.name == n } }
        let name = naming.name("fk", columns: specs, given: fk.name, referredTable: first.table.name, referredColumns: targets.map(\.column))
            ?? fk.name ?? Identifier.generatedName(spec.name, fk.columns.joined(separator: "_"), suffix: "fkey")
        return ForeignKey(
            name: name, columns: fk.columns, referencedTable: first.table, referencedColumns: targets.map(\.column),
            onDelete: fk.onDelete, onUpdate: fk.onUpdate, isDeferrable: fk.deferrable, initiallyDeferred: fk.initiallyDeferred,
            provenance: Provenance(source: .sqlalchemy, location: fk.location))
    }
}
