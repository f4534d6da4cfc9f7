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

    public static func < (lhs: ObjectKind, rhs: ObjectKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
