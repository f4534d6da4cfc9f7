/// The kinds of schema object and attribute a source can state or fail to state.
///
/// A source that cannot express a kind (Drizzle cannot state triggers) lists it as not stated, and the
/// diff never produces a finding about it from that source.
public enum ObjectKind: String, Hashable, Codable, Sendable, CaseIterable, Comparable {
    case table
    case column
    case columnType
    case nullability
    case columnDefault
    case identity
    case generatedColumn
    case primaryKey
    case foreignKey
    case unique
    case check
    case index
    case enumType
    case rowLevelSecurity
    case forceRowLevelSecurity
    case policy
    case trigger
    case comment
    case view
    case sequence

    /// Position in declaration order (`allCases` order), without searching `allCases`: the diff
    /// asks which kinds a source states for every attribute of every column.
    public var ordinal: Int {
        switch self {
        case .table: return 0
        case .column: return 1
        case .columnType: return 2
        case .nullability: return 3
        case .columnDefault: return 4
        case .identity: return 5
        case .generatedColumn: return 6
        case .primaryKey: return 7
        case .foreignKey: return 8
        case .unique: return 9
        case .check: return 10
        case .index: return 11
        case .enumType: return 12
        case .rowLevelSecurity: return 13
        case .forceRowLevelSecurity: return 14
        case .policy: return 15
        case .trigger: return 16
        case .comment: return 17
        case .view: return 18
        case .sequence: return 19
        }
    }

    public static func < (lhs: ObjectKind, rhs: ObjectKind) -> Bool { lhs.ordinal < rhs.ordinal }
}
