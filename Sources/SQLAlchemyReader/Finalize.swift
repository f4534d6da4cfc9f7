import SchemaModel

/// From table specs to the catalog: generated names (PostgreSQL's and the MetaData naming
/// convention's), serial defaults, foreign key targets, enums and DDL-stated objects.
extension ModelBuilder {
    mutating func finalize() -> Catalog {
        var catalog = Catalog(source: .sqlalchemy)
        // DDL listeners: RLS, policies, triggers. First, in order, the table of each statement
        // (warning for those naming no table); then each table takes its own statements while it is
        // built on all cores. The lists stay in the builder, which is freed off this thread.
        let lists = ddl
        let ddlWasEmpty = lists.isEmpty
        let indexByName = TableLookup(tables.map { QualifiedName(schema: $0.schema ?? options.defaultSchema, name: $0.name) })
        let routing = routeStatements(lists, lookup: indexByName)
        // Each table is built from its spec and the (now fixed) tables it refers to, then given its
        // DDL statements in statement order: independent work.
        let snapshot = self
        let lookup = indexByName
        let built = ParallelMap.map(tables.count) { k in
            var table = snapshot.table(from: snapshot.tables[k], lookup: lookup)
            if !ddlWasEmpty { Self.applyStatements(routing, of: k, from: lists, to: &table) }
            return table
        }
        // The enums each table's columns use, in column order, read on all cores (column specs are
        // large: walking all of them on one thread was a millisecond of a large reading).
        let enumsByTable = ParallelMap.map(tables.count) { t in (snapshot.enumTypes(of: t), snapshot.sequences(of: t)) }
        let ddlKinds: Set<ObjectKind> = [.trigger, .policy, .rowLevelSecurity, .forceRowLevelSecurity]
        if ddlWasEmpty { catalog.notStated = ddlKinds }
        addTables(built, to: &catalog)
        // Enums used by columns, once each.
        var seenEnums = SeenNames()
        for (list, _) in enumsByTable {
            for e in list where seenEnums.insert(schema: e.schema, name: e.name) { catalog.add(e) }
        }
        // Sequences given to columns, once each (SQLAlchemy creates them with the table).
        var seenSequences = SeenNames()
        for (_, list) in enumsByTable {
            for (schema, sequence) in list where seenSequences.insert(schema: schema, name: sequence.name) {
                catalog.add(sequence, toSchema: schema)
            }
        }
        // Normalizing sorts each table's objects by keys built as strings: the longest stretch on one
        // thread at the end of a large reading, so the tables are normalized on all cores.
        let normalized = catalog.normalized { count, table in ParallelMap.map(count, table) }
        // The catalog as built is freed off this thread: its tables were copied into the normalized
        // one, and tearing a thousand of them down was the last millisecond of a large reading.
        DeferredRelease.release(consume catalog)
        return normalized
    }

    /// Adds `built` (the table of each spec, in order) to their schemas as ``Catalog/add(_:toSchema:)``
    /// does one by one. When they all go to one schema, as usual, the array becomes that schema's
    /// tables as it is: adding them one by one copied every table and then freed the originals.
    private func addTables(_ built: consuming [Table], to catalog: inout Catalog) {
        guard let first = tables.first else { return }
        let schema = first.schema ?? options.defaultSchema
        if catalog.schemas.isEmpty, tables.allSatisfy({ ($0.schema ?? options.defaultSchema) == schema }) {
            catalog.schemas = [Schema(name: schema, tables: built)]
            return
        }
        for (k, spec) in tables.enumerated() { catalog.add(built[k], toSchema: spec.schema ?? options.defaultSchema) }
    }

    /// The sequences table `t`'s columns are given and SQLAlchemy creates (not `optional=True`), in
    /// column order (with repeats), with their schemas.
    private func sequences(of t: Int) -> [(schema: String, SchemaSequence)] {
        var found: [(schema: String, SchemaSequence)] = []
        for k in tables[t].columns.indices {
            guard let sequence = tables[t].columns[k].sequence, !sequence.optional else { continue }
            found.append((sequence.schema ?? options.defaultSchema,
                SchemaSequence(name: sequence.name, provenance: Provenance(source: .sqlalchemy, location: tables[t].columns[k].location))))
        }
        return found
    }

    /// The enum types of table `t`'s columns, in column order (with repeats).
    private func enumTypes(of t: Int) -> [EnumType] {
        var found: [EnumType] = []
        for k in tables[t].columns.indices {
            guard var e = tables[t].columns[k].type.enumType else { continue }
            if tables[t].columns[k].type.inheritsSchema { e.schema = tables[t].schema ?? options.defaultSchema }
            found.append(e)
        }
        return found
    }

    private func table(from spec: TableSpec, lookup: TableLookup) -> Table {
        let schema = spec.schema ?? options.defaultSchema
        let provenance = Provenance(source: .sqlalchemy, location: spec.location)
        var table = Table(name: spec.name, comment: spec.comment, provenance: provenance)
        // Read by index: filtering or finding columns by value copied whole column specs.
        var pkColumns: [String] = []
        var pkLocation = spec.location
        for k in spec.columns.indices where spec.columns[k].primaryKey {
            if pkColumns.isEmpty { pkLocation = spec.columns[k].location }
            pkColumns.append(spec.columns[k].name)
        }
        var pkName: String?
        for case .primaryKey(let columns, let name, let location) in spec.items {
            pkColumns = columns
            pkName = name
            pkLocation = location
        }
        let naming = NamingConvention(templates: spec.convention, table: spec.name, schema: spec.schema)
        table.columns.reserveCapacity(spec.columns.count)  // a column is large: no room left over from doubling
        // Fields are read in place (`spec.columns[k].name`): binding each column copied a whole spec.
        for k in spec.columns.indices {
            // The column's own type is read in place; only a type taken from a foreign key's target
            // is copied (and loses its enum, which belongs to the target).
            var fromForeignKey: TypeSpec?
            if spec.columns[k].rawType == "(from foreign key)", let fk = spec.columns[k].foreignKeys.first, let target = resolveTarget(fk.targets.first, schema: schema, lookup: lookup), target.index >= 0,
                let referenced = tables[target.index].columns.firstIndex(where: { $0.name == target.column })
            {
                var type = tables[target.index].columns[referenced].type
                type.enumType = nil
                fromForeignKey = type
            }
            let notStated = fromForeignKey?.notStated ?? spec.columns[k].type.notStated
            // Appended first and then adjusted in place: a column is large, and building it in a
            // local copied it into the table and destroyed the local.
            table.columns.append(Column(
                name: spec.columns[k].name, type: fromForeignKey?.sqlType ?? spec.columns[k].type.sqlType, rawType: spec.columns[k].rawType,
                isNullable: spec.columns[k].nullable && !pkColumns.contains(spec.columns[k].name),
                defaultExpression: spec.columns[k].serverDefault, clientDefault: spec.columns[k].clientDefault, identity: spec.columns[k].identity,
                generatedExpression: spec.columns[k].computed, comment: spec.columns[k].comment,
                provenance: Provenance(source: .sqlalchemy, location: spec.columns[k].location)))
            let added = table.columns.count - 1
            if fromForeignKey == nil, spec.columns[k].type.inheritsSchema, let e = spec.columns[k].type.enumType {
                table.columns[added].type.name = schema + "." + e.name
            }
            if notStated { table.columns[added].notStated.insert(.columnType) }
            if spec.columns[k].serverDefaultNotStated { table.columns[added].notStated.insert(.columnDefault) }
            // Serial: the single integer primary key column with autoincrement left at "auto", and
            // no sequence of its own (SQLAlchemy then makes it a plain integer).
            if pkColumns.count == 1, spec.columns[k].sequence?.optional ?? true, pkColumns[0] == spec.columns[k].name, fromForeignKey?.isInteger ?? spec.columns[k].type.isInteger, !notStated,
                spec.columns[k].autoincrement != false,
                spec.columns[k].serverDefault == nil, spec.columns[k].identity == nil, spec.columns[k].computed == nil,
                spec.columns[k].foreignKeys.isEmpty || spec.columns[k].autoincrement == true
            {
                let sequence = Identifier.generatedName(spec.name, spec.columns[k].name, suffix: "seq")
                let qualified = schema == "public" ? sequence : schema + "." + sequence
                table.columns[added].defaultExpression = "nextval('\(qualified)'::regclass)"
                table.columns[added].isNullable = false
            }
            if spec.columns[k].unique && !spec.columns[k].index {
                table.uniqueConstraints.append(UniqueConstraint(
                    name: naming.name("uq", columns: [spec.columns[k]], given: nil) ?? Identifier.generatedName(spec.name, spec.columns[k].name, suffix: "key"),
                    columns: [spec.columns[k].name], provenance: Provenance(source: .sqlalchemy, location: spec.columns[k].location)))
            }
            if spec.columns[k].index {
                table.indexes.append(TableIndex(
                    name: naming.name("ix", columns: [spec.columns[k]], given: nil) ?? naming.defaultIndexName(spec.columns[k]),
                    keys: [TableIndex.Key(column: spec.columns[k].name)], isUnique: spec.columns[k].unique,
                    provenance: Provenance(source: .sqlalchemy, location: spec.columns[k].location)))
            }
            for fk in spec.columns[k].foreignKeys { if let built = foreignKey(fk, spec: spec, schema: schema, naming: naming, lookup: lookup) { table.foreignKeys.append(built) } }
            if let check = fromForeignKey == nil ? spec.columns[k].type.enumCheck : fromForeignKey!.enumCheck {
                let sql = spec.columns[k].name + " IN (" + check.labels.map { "'" + $0 + "'" }.joined(separator: ", ") + ")"
                table.checks.append(CheckConstraint(name: naming.name("ck", columns: [spec.columns[k]], given: check.name) ?? check.name ?? Identifier.generatedName(spec.name, spec.columns[k].name, suffix: "check"), expression: sql, provenance: Provenance(source: .sqlalchemy, location: spec.columns[k].location)))
            }
        }
        if !pkColumns.isEmpty {
            table.primaryKey = PrimaryKey(
                name: naming.name("pk", columns: spec.columns(named: pkColumns), given: pkName) ?? pkName ?? Identifier.generatedName(spec.name, nil, suffix: "pkey"),
                columns: pkColumns, provenance: Provenance(source: .sqlalchemy, location: pkLocation))
        }
        // A table has a few checks: a list searched in order costs less than building a set per table.
        var checkNames: [String] = table.checks.compactMap(\.name)
        // Column-level checks first, then the table's items (without building the joined array).
        func add(_ item: TableItemSpec) {
            switch item {
            case .primaryKey:
                break
            case .unique(let columns, let name, let location):
                table.uniqueConstraints.append(UniqueConstraint(
                    name: naming.name("uq", columns: spec.columns(named: columns), given: name) ?? name ?? Identifier.generatedName(spec.name, columns.joined(separator: "_"), suffix: "key"),
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
                checkNames.append(finalName!)
                table.checks.append(CheckConstraint(name: finalName, expression: expression, provenance: Provenance(source: .sqlalchemy, location: location)))
            case .foreignKey(let fk):
                if let built = foreignKey(fk, spec: spec, schema: schema, naming: naming, lookup: lookup) { table.foreignKeys.append(built) }
            case .index(let name, let keys, let unique, let method, let predicate, let include, let location):
                table.indexes.append(TableIndex(
                    name: naming.name("ix", columns: spec.columns(named: keys.compactMap(\.column)), given: name) ?? name, keys: keys, isUnique: unique, method: method,
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
            let column = t.columnName(forKey: attr) ?? attr
            return (index, QualifiedName(schema: t.schema ?? options.defaultSchema, name: t.name), column)
        case nil:
            return nil
        }
    }

    private func foreignKey(_ fk: ForeignKeySpec, spec: TableSpec, schema: String, naming: NamingConvention, lookup: TableLookup) -> ForeignKey? {
        let targets = fk.targets.compactMap { resolveTarget($0, schema: schema, lookup: lookup) }
        guard let first = targets.first, targets.count == fk.targets.count else { return nil }
        let name = naming.name("fk", columns: spec.columns(named: fk.columns), given: fk.name, referredTable: first.table.name, referredColumns: targets.map(\.column))
            ?? fk.name ?? Identifier.generatedName(spec.name, fk.columns.joined(separator: "_"), suffix: "fkey")
        return ForeignKey(
            name: name, columns: fk.columns, referencedTable: first.table, referencedColumns: targets.map(\.column),
            onDelete: fk.onDelete, onUpdate: fk.onUpdate, isDeferrable: fk.deferrable, initiallyDeferred: fk.initiallyDeferred,
            provenance: Provenance(source: .sqlalchemy, location: fk.location))
    }
}
