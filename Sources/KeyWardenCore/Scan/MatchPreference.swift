/// Decides which of several rules that found the same value reports it, so each value is
/// reported once, by its most precise rule:
/// - `generic-` rules give way to any other rule whose secret overlaps theirs;
/// - a rule's `overrides` give way to it where their secrets overlap (the Coinbase CDP key
///   replaces `private-key-pem` on the same PEM);
/// - of rules finding exactly the same secret, the one whose context keyword is nearest wins
///   (a 64-hex secret under `bitget:` is Bitget's, even with a `gate:` section above it).
struct MatchPreference: Sendable {
    /// Rules whose id starts with this are catch-alls.
    static let genericRulePrefix = "generic-"

    private let isGeneric: [Bool]
    private let overridden: [Set<String>]
    private let ids: [String]

    init(rules: [Rule]) {
        isGeneric = rules.map { $0.id.hasPrefix(Self.genericRulePrefix) }
        overridden = rules.map { Set($0.overrides) }
        ids = rules.map(\.id)
    }

    func preferred(_ matches: [SecretMatch]) -> [SecretMatch] {
        guard matches.count > 1 else { return matches }
        let specific = matches.filter { !isGeneric[$0.ruleIndex] }
        return matches.filter { match in
            if isGeneric[match.ruleIndex] { return !specific.contains { $0.secret.overlaps(match.secret) } }
            for other in specific where other != match {
                if other.secret.overlaps(match.secret), overridden[other.ruleIndex].contains(ids[match.ruleIndex]) { return false }
                if other.secret == match.secret, rank(other) < rank(match) { return false }
            }
            return true
        }
    }

    private func rank(_ match: SecretMatch) -> (Int, Int) {
        (match.contextDistance ?? 0, match.ruleIndex)
    }
}
