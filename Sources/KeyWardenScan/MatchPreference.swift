import KeyWardenMatching
import KeyWardenRules
/// Decides which of several rules that found the same value reports it, so each value is
/// reported once, by its most precise rule:
/// - catch-all rules (`catchAll: true`) give way to any other rule whose secret overlaps theirs;
/// - a rule's `overrides` give way to it where their secrets overlap (the Coinbase CDP key
///   replaces `private-key-pem` on the same PEM);
/// - of rules finding exactly the same secret, the one whose context keyword is nearest wins
///   (a 64-hex secret under `bitget:` is Bitget's, even with a `gate:` section above it);
/// - `standalone` rules (mapped from a gitleaks config) stay out of all this: each of their
///   matches is kept, and none hides another rule's.
struct MatchPreference: Sendable {
    private let isStandalone: [Bool]
    private let isGeneric: [Bool]
    private let overridden: [Set<String>]
    private let ids: [String]

    init(rules: [Rule]) {
        isStandalone = rules.map(\.standalone)
        isGeneric = rules.map(\.catchAll)
        overridden = rules.map { Set($0.overrides) }
        ids = rules.map(\.id)
    }

    func preferred(_ all: [SecretMatch]) -> [SecretMatch] {
        guard all.count > 1 else { return all }
        let standalone = all.filter { isStandalone[$0.ruleIndex] }
        let matches = standalone.isEmpty ? all : all.filter { !isStandalone[$0.ruleIndex] }
        let specific = matches.filter { !isGeneric[$0.ruleIndex] }
        // Overrides first, so an overridden rule cannot in turn outrank the rule overriding it.
        let kept = specific.filter { match in
            !specific.contains { other in
                other != match && other.secret.overlaps(match.secret) && overridden[other.ruleIndex].contains(ids[match.ruleIndex])
            }
        }
        let best = kept.filter { match in
            !kept.contains { other in other != match && other.secret == match.secret && rank(other) < rank(match) }
        }
        // Several catch-alls can find one value (high-entropy and credential-literal): the first
        // rule reports it.
        let generic = matches.filter { match in
            isGeneric[match.ruleIndex] && !specific.contains { $0.secret.overlaps(match.secret) }
                && !matches.contains { other in
                    other != match && isGeneric[other.ruleIndex] && other.secret == match.secret && other.ruleIndex < match.ruleIndex
                }
        }
        return (best + generic + standalone).sorted {
            ($0.match.lowerBound, $0.ruleIndex, $0.match.upperBound) < ($1.match.lowerBound, $1.ruleIndex, $1.match.upperBound)
        }
    }

    /// Whether a plain finding of rule `plain` makes a decoded match of rule `decoded` on the same
    /// bytes redundant: the same rule found it as written (its decoded copy would double-report
    /// it), a rule overriding it did, or a specific rule did and the decoded match is a catch-all.
    func plainSupersedes(_ plain: Int, decoded: Int) -> Bool {
        plain == decoded || overridden[plain].contains(ids[decoded])
            || (isGeneric[decoded] && !isGeneric[plain] && !isStandalone[plain])
    }

    private func rank(_ match: SecretMatch) -> (Int, Int) {
        (match.contextDistance ?? 0, match.ruleIndex)
    }
}
