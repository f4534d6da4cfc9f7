/// A drift the injector applies to one table of the database copy, named after the finding it causes.
///
/// `column_client_default` is absent on purpose: a database has no client-side defaults. Some kinds are
/// findings against one reference only (see ``statedBySQLAlchemy`` and ``statedByDrizzle``).
enum DriftKind: String, CaseIterable {
    case tableMissing = "table_missing"
    case columnMissing = "column_missing"
    case columnExtra = "column_extra"
    case columnTypeMismatch = "column_type_mismatch"
    case columnNullabilityMismatch = "column_nullability_mismatch"
    case columnDefaultMismatch = "column_default_mismatch"
    case columnIdentityMismatch = "column_identity_mismatch"
    case columnGeneratedMismatch = "column_generated_mismatch"
    case primaryKeyMismatch = "primary_key_mismatch"
    case foreignKeyMissing = "foreign_key_missing"
    case foreignKeyExtra = "foreign_key_extra"
    case foreignKeyMismatch = "foreign_key_mismatch"
    case foreignKeyActionMismatch = "foreign_key_action_mismatch"
    case uniqueMissing = "unique_missing"
    case uniqueExtra = "unique_extra"
    case uniqueKindMismatch = "unique_kind_mismatch"
    case checkMissing = "check_missing"
    case checkExtra = "check_extra"
    case checkMismatch = "check_mismatch"
    case indexMissing = "index_missing"
    case indexExtra = "index_extra"
    case indexMismatch = "index_mismatch"
    case constraintNameMismatch = "constraint_name_mismatch"
    case indexNameMismatch = "index_name_mismatch"
    case rlsDisabled = "rls_disabled"
    case rlsEnabledUnexpectedly = "rls_enabled_unexpectedly"
    case rlsForceMismatch = "rls_force_mismatch"
    case policyMissing = "policy_missing"
    case policyExtra = "policy_extra"
    case policyCommandMismatch = "policy_command_mismatch"
    case policyPermissiveMismatch = "policy_permissive_mismatch"
    case policyRolesMismatch = "policy_roles_mismatch"
    case policyUsingMismatch = "policy_using_mismatch"
    case policyWithCheckMismatch = "policy_with_check_mismatch"
    case triggerMissing = "trigger_missing"
    case triggerExtra = "trigger_extra"
    case triggerTimingMismatch = "trigger_timing_mismatch"
    case triggerEventsMismatch = "trigger_events_mismatch"
    case triggerLevelMismatch = "trigger_level_mismatch"
    case triggerFunctionMismatch = "trigger_function_mismatch"
    case triggerWhenMismatch = "trigger_when_mismatch"

    /// Whether SQLAlchemy models state what this drift changes. They state row-level security only for
    /// tables whose DDL listeners enable it, so enabling it on another table is no finding.
    var statedBySQLAlchemy: Bool { self != .rlsEnabledUnexpectedly }

    /// Whether the three-way compare with Drizzle as the reference reports this drift: every kind.
    /// Drizzle cannot state triggers or FORCE ROW LEVEL SECURITY, but the compare then checks them
    /// against SQLAlchemy (the first source that can state them), which declares both.
    var reportedWithDrizzleReference: Bool { true }

    /// Whether `table` can carry this drift.
    func applies(to table: TableSpec) -> Bool {
        switch self {
        case .columnIdentityMismatch: return table.columns.first?.identity != nil
        case .foreignKeyMissing, .foreignKeyExtra, .foreignKeyMismatch, .foreignKeyActionMismatch:
            return !table.foreignKeys.isEmpty
        case .rlsDisabled, .rlsForceMismatch, .policyMissing, .policyExtra, .policyCommandMismatch,
            .policyPermissiveMismatch, .policyRolesMismatch, .policyUsingMismatch, .policyWithCheckMismatch:
            return table.rowLevelSecurity
        case .rlsEnabledUnexpectedly: return !table.rowLevelSecurity
        default: return true
        }
    }

    /// Changes `table` and returns the object-key suffixes (after `schema.table`) of the findings, or
    /// nil for the table itself.
    func apply(to t: inout TableSpec) -> [String?] {
        let n = t.name
        switch self {
        case .tableMissing: return [nil]
        case .columnMissing:
            t.columns.removeAll { $0.name == "description" }
            return ["description"]
        case .columnExtra:
            t.columns.insert(ColumnSpec("notes", .text), at: t.columns.count - 2)
            return ["notes"]
        case .columnTypeMismatch:
            t.set("description") { $0.type = .varchar(2000) }
            return ["description"]
        case .columnNullabilityMismatch:
            t.set("description") { $0.notNull = true }
            return ["description"]
        case .columnDefaultMismatch:
            t.set("quantity") { $0.defaultValue = .integer(1) }
            return ["quantity"]
        case .columnIdentityMismatch:
            t.columns[0].identity = .byDefault
            return ["id"]
        case .columnGeneratedMismatch:
            t.set("amount") { $0.generated = "quantity * 2" }
            return ["amount"]
        case .primaryKeyMismatch:
            t.primaryKey = ["id", "owner_id"]
            return [t.primaryKeyName]
        case .foreignKeyMissing:
            let name = t.foreignKeys.removeFirst().name
            return [name]
        case .foreignKeyExtra:
            var copy = t.foreignKeys[0]
            copy.name = n + "_" + copy.column + "_dup_fk"
            t.foreignKeys.append(copy)
            return [copy.name]
        case .foreignKeyMismatch:
            t.foreignKeys[0].deferrable = true
            return [t.foreignKeys[0].name]
        case .foreignKeyActionMismatch:
            t.foreignKeys[0].onDelete = t.foreignKeys[0].onDelete == .cascade ? .restrict : .cascade
            return [t.foreignKeys[0].name]
        case .uniqueMissing:
            return [t.uniques.removeFirst().name]
        case .uniqueExtra:
            t.uniques.append(UniqueSpec(name: n + "_owner_id_created_at_key", columns: ["owner_id", "created_at"]))
            return [n + "_owner_id_created_at_key"]
        case .uniqueKindMismatch:
            t.uniques[0].asIndex = true
            return [t.uniques[0].name]
        case .checkMissing:
            return [t.checks.removeFirst().name]
        case .checkExtra:
            t.checks.append(CheckSpec(name: n + "_amount_check", expression: ExpressionSpec([.column("amount"), .text(" >= 0")])))
            return [n + "_amount_check"]
        case .checkMismatch:
            t.checks[0].expression = ExpressionSpec([.column("quantity"), .text(" >= 1")])
            return [t.checks[0].name]
        case .indexMissing:
            return [t.indexes.remove(at: 1).name]
        case .indexExtra:
            t.indexes.append(IndexSpec(name: n + "_status_idx", columns: ["status"]))
            return [n + "_status_idx"]
        case .indexMismatch:
            t.indexes[1].columns.append("id")
            return [t.indexes[1].name]
        case .constraintNameMismatch:
            let old = t.checks[0].name
            t.checks[0].name = n + "_quantity_nonnegative"
            return [old]
        case .indexNameMismatch:
            let old = t.indexes[0].name
            t.indexes[0].name = n + "_owner_idx"
            return [old]
        case .rlsDisabled:
            t.rowLevelSecurity = false
            return [nil]
        case .rlsEnabledUnexpectedly:
            t.rowLevelSecurity = true
            return [nil]
        case .rlsForceMismatch:
            t.forceRowLevelSecurity = true
            return [nil]
        case .policyMissing:
            return [t.policies.removeFirst().name]
        case .policyExtra:
            t.policies.append(PolicySpec(name: n + "_delete_own", command: .delete, using: .ownsRow))
            return [n + "_delete_own"]
        case .policyCommandMismatch:
            t.policies[0].command = .all
            return [t.policies[0].name]
        case .policyPermissiveMismatch:
            t.policies[0].permissive = false
            return [t.policies[0].name]
        case .policyRolesMismatch:
            t.policies[0].roles = ["anon", "authenticated"]
            return [t.policies[0].name]
        case .policyUsingMismatch:
            t.policies[0].using = ExpressionSpec([.column("owner_id"), .text(" IS NOT NULL")])
            return [t.policies[0].name]
        case .policyWithCheckMismatch:
            t.policies[1].withCheck = ExpressionSpec([.column("owner_id"), .text(" IS NOT NULL")])
            return [t.policies[1].name]
        case .triggerMissing:
            return [t.triggers.removeFirst().name]
        case .triggerExtra:
            t.triggers.append(TriggerSpec(name: n + "_log_changes", timing: "AFTER", events: ["INSERT", "UPDATE", "DELETE"],
                                          function: "log_row_change"))
            return [n + "_log_changes"]
        case .triggerTimingMismatch:
            t.triggers[0].timing = "AFTER"
            return [t.triggers[0].name]
        case .triggerEventsMismatch:
            t.triggers[0].events = ["INSERT", "UPDATE"]
            return [t.triggers[0].name]
        case .triggerLevelMismatch:
            t.triggers[0].forEachRow = false
            return [t.triggers[0].name]
        case .triggerFunctionMismatch:
            t.triggers[0].function = "log_row_change"
            return [t.triggers[0].name]
        case .triggerWhenMismatch:
            t.triggers[0].when = "OLD.* IS DISTINCT FROM NEW.*"
            return [t.triggers[0].name]
        }
    }
}

extension TableSpec {
    mutating func set(_ column: String, _ change: (inout ColumnSpec) -> Void) {
        if let k = columns.firstIndex(where: { $0.name == column }) { change(&columns[k]) }
    }
}
