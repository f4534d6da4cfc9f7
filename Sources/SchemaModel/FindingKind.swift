/// Every finding id the diff engine produces, with its default severity and a one-line explanation.
///
/// This is the registry behind `schema-audit rules`: ids are stable once released (never rename a
/// case's raw value), and every case has a test that produces it. Severity is the default; a finding
/// may be raised or lowered where the case says so (e.g. an extra NOT NULL column without default is an
/// error, because inserts from the reference application fail), and configuration may override it.
public enum FindingKind: String, Hashable, Codable, Sendable, CaseIterable {
    case tableMissing = "table_missing"
    case tableExtra = "table_extra"
    case columnMissing = "column_missing"
    case columnExtra = "column_extra"
    case columnTypeMismatch = "column_type_mismatch"
    case columnNullabilityMismatch = "column_nullability_mismatch"
    case columnDefaultMismatch = "column_default_mismatch"
    case columnIdentityMismatch = "column_identity_mismatch"
    case columnGeneratedMismatch = "column_generated_mismatch"
    case columnClientDefault = "column_client_default"
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
    case enumMissing = "enum_missing"
    case enumExtra = "enum_extra"
    case enumValueMissing = "enum_value_missing"
    case enumValueExtra = "enum_value_extra"
    case enumValueOrderMismatch = "enum_value_order_mismatch"
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

    /// The stable id, e.g. `column_type_mismatch`.
    public var id: String { rawValue }

    /// The severity a finding of this kind gets unless the case or configuration says otherwise.
    public var defaultSeverity: Severity {
        switch self {
        case .tableExtra, .columnExtra, .columnDefaultMismatch, .columnIdentityMismatch,
            .foreignKeyExtra, .uniqueExtra, .checkExtra, .indexMissing, .indexMismatch, .enumExtra,
            .enumValueExtra, .enumValueOrderMismatch, .rlsEnabledUnexpectedly, .rlsForceMismatch,
            .triggerExtra:
            return .warning
        case .columnClientDefault, .uniqueKindMismatch, .indexExtra, .constraintNameMismatch,
            .indexNameMismatch:
            return .info
        default:
            return .error
        }
    }

    /// The kind of object this finding is about; a source that cannot state that kind never gets it.
    public var objectKind: ObjectKind {
        switch self {
        case .tableMissing, .tableExtra: return .table
        case .columnMissing, .columnExtra: return .column
        case .columnTypeMismatch: return .columnType
        case .columnNullabilityMismatch: return .nullability
        case .columnDefaultMismatch, .columnClientDefault: return .columnDefault
        case .columnIdentityMismatch: return .identity
        case .columnGeneratedMismatch: return .generatedColumn
        case .primaryKeyMismatch: return .primaryKey
        case .foreignKeyMissing, .foreignKeyExtra, .foreignKeyMismatch, .foreignKeyActionMismatch: return .foreignKey
        case .uniqueMissing, .uniqueExtra, .uniqueKindMismatch, .constraintNameMismatch: return .unique
        case .checkMissing, .checkExtra, .checkMismatch: return .check
        case .indexMissing, .indexExtra, .indexMismatch, .indexNameMismatch: return .index
        case .enumMissing, .enumExtra, .enumValueMissing, .enumValueExtra, .enumValueOrderMismatch: return .enumType
        case .rlsDisabled, .rlsEnabledUnexpectedly: return .rowLevelSecurity
        case .rlsForceMismatch: return .forceRowLevelSecurity
        case .policyMissing, .policyExtra, .policyCommandMismatch, .policyPermissiveMismatch,
            .policyRolesMismatch, .policyUsingMismatch, .policyWithCheckMismatch:
            return .policy
        case .triggerMissing, .triggerExtra, .triggerTimingMismatch, .triggerEventsMismatch,
            .triggerLevelMismatch, .triggerFunctionMismatch, .triggerWhenMismatch:
            return .trigger
        }
    }

    /// One line for `schema-audit rules`: what the finding means.
    public var explanation: String {
        switch self {
        case .tableMissing: return "a table of the reference is missing in the compared source (a warning when that source is a model that may map only the tables it uses)"
        case .tableExtra: return "the compared source has a table the reference does not have"
        case .columnMissing: return "a column of the reference is missing in the compared source (in a model, a warning unless the column is NOT NULL without a default)"
        case .columnExtra: return "the compared source has a column the reference does not have (an error in a model, whose queries select it, and in a database when it is NOT NULL without a default, since inserts from the reference fail)"
        case .columnTypeMismatch: return "a column has a different canonical type"
        case .columnNullabilityMismatch: return "a column is NOT NULL on one side and nullable on the other"
        case .columnDefaultMismatch: return "a server-side default was changed, added or removed (info when a client-side default stands in for it)"
        case .columnIdentityMismatch: return "a column is an identity column on one side only, or with a different GENERATED ALWAYS / BY DEFAULT"
        case .columnGeneratedMismatch: return "a generated column's expression differs, or the column is generated on one side only"
        case .columnClientDefault: return "a column has a client-side default or update hook the database never sees (only with --client-defaults)"
        case .primaryKeyMismatch: return "the primary key has different columns, or exists on one side only"
        case .foreignKeyMissing: return "a foreign key of the reference is missing in the compared source"
        case .foreignKeyExtra: return "the compared source has a foreign key the reference does not have"
        case .foreignKeyMismatch: return "a foreign key with the same name has different columns or references"
        case .foreignKeyActionMismatch: return "a foreign key has a different ON DELETE or ON UPDATE action"
        case .uniqueMissing: return "a unique constraint of the reference is missing in the compared source"
        case .uniqueExtra: return "the compared source has a unique constraint the reference does not have"
        case .uniqueKindMismatch: return "uniqueness is a constraint on one side and a unique index on the other (same rows rejected)"
        case .checkMissing: return "a CHECK constraint of the reference is missing in the compared source"
        case .checkExtra: return "the compared source has a CHECK constraint the reference does not have"
        case .checkMismatch: return "a CHECK constraint with the same name has a different expression"
        case .indexMissing: return "an index of the reference is missing in the compared source (an error for a unique index)"
        case .indexExtra: return "the compared source has an index the reference does not have (a warning for a unique index)"
        case .indexMismatch: return "an index differs in columns, uniqueness, method or predicate (an error when uniqueness differs)"
        case .constraintNameMismatch: return "a constraint means the same on both sides but has a different name"
        case .indexNameMismatch: return "an index means the same on both sides but has a different name"
        case .enumMissing: return "an enum type of the reference is missing in the compared source"
        case .enumExtra: return "the compared source has an enum type the reference does not have"
        case .enumValueMissing: return "an enum label of the reference is missing in the compared source"
        case .enumValueExtra: return "the compared source has an enum label the reference does not have"
        case .enumValueOrderMismatch: return "enum labels are in a different order (ordering and comparisons differ)"
        case .rlsDisabled: return "row-level security is enabled in the reference but disabled in the compared source"
        case .rlsEnabledUnexpectedly: return "row-level security is enabled in the compared source but not in the reference"
        case .rlsForceMismatch: return "FORCE ROW LEVEL SECURITY differs"
        case .policyMissing: return "a policy of the reference is missing in the compared source"
        case .policyExtra: return "the compared source has a policy the reference does not have (an error when permissive: it widens access)"
        case .policyCommandMismatch: return "a policy applies to a different command (ALL, SELECT, INSERT, UPDATE, DELETE)"
        case .policyPermissiveMismatch: return "a policy is PERMISSIVE on one side and RESTRICTIVE on the other"
        case .policyRolesMismatch: return "a policy applies to a different set of roles"
        case .policyUsingMismatch: return "a policy's USING expression differs"
        case .policyWithCheckMismatch: return "a policy's WITH CHECK expression differs"
        case .triggerMissing: return "a trigger of the reference is missing in the compared source"
        case .triggerExtra: return "the compared source has a trigger the reference does not have"
        case .triggerTimingMismatch: return "a trigger fires at a different time (BEFORE, AFTER, INSTEAD OF)"
        case .triggerEventsMismatch: return "a trigger fires on a different set of events"
        case .triggerLevelMismatch: return "a trigger fires FOR EACH ROW on one side and FOR EACH STATEMENT on the other"
        case .triggerFunctionMismatch: return "a trigger executes a different function or arguments"
        case .triggerWhenMismatch: return "a trigger's WHEN condition differs"
        }
    }
}
