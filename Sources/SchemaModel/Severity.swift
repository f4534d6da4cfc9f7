/// How serious a finding is. Ordered most serious first.
public enum Severity: String, Hashable, Codable, Sendable, CaseIterable, Comparable {
    case error, warning, info

    /// 0 for error, 1 for warning, 2 for info: the fixed output order.
    public var rank: Int {
        switch self {
        case .error: return 0
        case .warning: return 1
        case .info: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
