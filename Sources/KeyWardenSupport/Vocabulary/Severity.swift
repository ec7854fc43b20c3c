/// How bad a finding is. Ordered so that `>=` means "at least as severe".
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case info, low, medium, high, critical

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .info: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        case .critical: 4
        }
    }

    /// Most severe first, the order reports list them in.
    public static let descending: [Severity] = allCases.sorted(by: >)
}
