import KeyWardenSupport
/// Which capture group of a rule's pattern holds the secret itself.
public enum SecretGroup: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The whole match.
    case whole
    case number(Int)
    case name(String)
    /// The first capture group that matched something, else the whole match: gitleaks' secret
    /// for a rule without `secretGroup`, kept for the rules mapped from a gitleaks config.
    case firstMatched

    public var description: String {
        switch self {
        case .whole: "0"
        case let .number(number): String(number)
        case let .name(name): name
        case .firstMatched: "first"
        }
    }
}
