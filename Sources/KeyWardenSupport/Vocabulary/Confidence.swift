/// How sure keywarden is that a finding is a real secret, as opposed to how bad it would be
/// (`Severity`). A provider token with a fixed prefix or a checksum is `high`; a bare value that
/// needs the provider's name nearby, or a literal assigned to a credential name, is `medium`; a
/// weak literal (short, one kind of character) or one in a test, fixture or example file is
/// `low`. `--confidence` chooses the lowest level reported. Ordered so that `>=` means "at least
/// as sure".
public enum Confidence: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case low, medium, high

    public static func < (lhs: Confidence, rhs: Confidence) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        }
    }

    /// One level less sure (low stays low).
    public var lowered: Confidence {
        switch self {
        case .high: .medium
        case .medium, .low: .low
        }
    }
}
