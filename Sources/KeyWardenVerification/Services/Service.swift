/// A non-exchange provider whose leaked keys `--verify` can ask about with one read-only
/// identity request that needs nothing but the key (exchanges are `Provider`s: their
/// connectors describe a key's permissions in the inventory's vocabulary).
public enum Service: String, Sendable, Hashable, CaseIterable, Comparable {
    case anthropic, aws, github, openai, slack, stripe

    public static func < (lhs: Service, rhs: Service) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The name people write.
    public var displayName: String {
        switch self {
        case .anthropic: "Anthropic"
        case .aws: "AWS"
        case .github: "GitHub"
        case .openai: "OpenAI"
        case .slack: "Slack"
        case .stripe: "Stripe"
        }
    }
}
