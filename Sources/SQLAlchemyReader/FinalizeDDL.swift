import SchemaModel

/// Which DDL listener statements go to which table, grouped by table in statement order: the
/// statements of table `k` are `entries[offsets[k]..<offsets[k + 1]]`, each a position in the
/// builder's list of statement lists.
struct DDLRouting: Sendable {
    var offsets: [Int]
    var entries: [(list: Int32, index: Int32)]
}

extension DDLStatement {
    /// The table the statement is about.
    var table: QualifiedName {
        switch self {
        case .enableRowLevelSecurity(let t, _), .forceRowLevelSecurity(let t, _), .policy(let t, _), .trigger(let t, _): return t
        }
    }
}

extension ModelBuilder {
    /// Finds the table of every statement of `lists`, in order, warning (in that order) for those
    /// naming no table, and groups the statements by table.
    ///
    /// Done apart from applying them so that each table can take its statements while it is built
    /// on all cores (``applyStatements(_:of:from:to:)``): moving every statement into its table here,
    /// on one thread, was a long serial stretch at the end of a large reading.
    mutating func routeStatements(_ lists: [[DDLStatement]], lookup: TableLookup) -> DDLRouting {
        var counts = [Int](repeating: 0, count: tables.count + 1)
        var targets: [Int32] = []
        targets.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        // The last table looked up is kept: a listener's statements name one table.
        var last: (name: QualifiedName, index: Int?)?
        for l in lists.indices {
            for s in lists[l].indices {
                let name = lists[l][s].table
                let found: Int?
                if let last, last.name == name {
                    found = last.index
                } else {
                    found = lookup[schema: name.schema, name: name.name]
                    last = (name, found)
                }
                guard let k = found else {
                    log.warning("DDL listener refers to table '\(name)' that no model defines", at: nil)
                    targets.append(-1)
                    continue
                }
                targets.append(Int32(truncatingIfNeeded: k))
                counts[k + 1] += 1
            }
        }
        // Prefix sums: where each table's statements start.
        for k in 0..<tables.count { counts[k + 1] += counts[k] }
        var next = counts
        var entries = [(list: Int32, index: Int32)](repeating: (0, 0), count: counts[tables.count])
        var t = 0
        for l in lists.indices {
            for s in lists[l].indices {
                let k = Int(targets[t])
                t += 1
                guard k >= 0 else { continue }
                entries[next[k]] = (Int32(truncatingIfNeeded: l), Int32(truncatingIfNeeded: s))
                next[k] += 1
            }
        }
        return DDLRouting(offsets: counts, entries: entries)
    }

    /// Gives `table` (number `k`) the statements `routing` assigns it, in statement order, and marks
    /// as not stated the kinds its DDL says nothing of.
    static func applyStatements(_ routing: DDLRouting, of k: Int, from lists: [[DDLStatement]], to table: inout Table) {
        let range = routing.offsets[k]..<routing.offsets[k + 1]
        var policies = 0
        var triggers = 0
        for e in range {
            let (l, s) = routing.entries[e]
            switch lists[Int(l)][Int(s)] {
            case .policy: policies += 1
            case .trigger: triggers += 1
            default: break
            }
        }
        if policies > 0 { table.policies.reserveCapacity(table.policies.count + policies) }
        if triggers > 0 { table.triggers.reserveCapacity(table.triggers.count + triggers) }
        var statesRLS = false
        var statesTrigger = false
        for e in range {
            let (l, s) = routing.entries[e]
            switch lists[Int(l)][Int(s)] {
            case .enableRowLevelSecurity:
                table.rowLevelSecurity = true
                statesRLS = true
            case .forceRowLevelSecurity:
                table.forceRowLevelSecurity = true
                statesRLS = true
            case .policy(_, let policy):
                table.policies.append(policy)
                statesRLS = true
            case .trigger(_, let trigger):
                table.triggers.append(trigger)
                statesTrigger = true
            }
        }
        if !statesRLS { table.notStated.formUnion([.rowLevelSecurity, .forceRowLevelSecurity, .policy]) }
        if !statesTrigger { table.notStated.insert(.trigger) }
    }
}
