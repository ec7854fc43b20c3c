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
        // Only matches whose secrets overlap can outrank each other, so only those pairs are
        // compared (a file of 80,000 keys made 6.4 billion comparisons of every match with
        // every other, two minutes of a scan).
        var overriddenMatch = [Bool](repeating: false, count: matches.count)
        var genericUnderSpecific = [Bool](repeating: false, count: matches.count)
        Self.forEachOverlappingPair(of: matches) { first, second in
            let (a, b) = (matches[first], matches[second])
            switch (isGeneric[a.ruleIndex], isGeneric[b.ruleIndex]) {
            case (false, false):
                // Overrides first, so an overridden rule cannot in turn outrank the rule overriding it.
                guard a != b else { return }
                if overridden[a.ruleIndex].contains(ids[b.ruleIndex]) { overriddenMatch[second] = true }
                if overridden[b.ruleIndex].contains(ids[a.ruleIndex]) { overriddenMatch[first] = true }
            case (true, false): genericUnderSpecific[first] = true
            case (false, true): genericUnderSpecific[second] = true
            case (true, true): break
            }
        }
        let kept = matches.indices.filter { !isGeneric[matches[$0].ruleIndex] && !overriddenMatch[$0] }.map { matches[$0] }
        // Of the rules finding exactly the same secret, those with the best rank report it.
        var bestRank: [Range<Int>: (Int, Int)] = [:]
        for match in kept where bestRank[match.secret].map({ rank(match) < $0 }) ?? true {
            bestRank[match.secret] = rank(match)
        }
        let best = kept.filter { match in bestRank[match.secret].map { $0 == rank(match) } ?? false }
        // Several catch-alls can find one value (high-entropy and credential-literal): the first
        // rule reports it.
        var firstGeneric: [Range<Int>: Int] = [:]
        for match in matches where isGeneric[match.ruleIndex] {
            firstGeneric[match.secret] = min(firstGeneric[match.secret] ?? match.ruleIndex, match.ruleIndex)
        }
        let generic = matches.indices.filter { isGeneric[matches[$0].ruleIndex] && !genericUnderSpecific[$0] }
            .map { matches[$0] }.filter { $0.ruleIndex == firstGeneric[$0.secret] }
        return (best + generic + standalone).sorted {
            ($0.match.lowerBound, $0.ruleIndex, $0.match.upperBound) < ($1.match.lowerBound, $1.ruleIndex, $1.match.upperBound)
        }
    }

    /// Calls `body` once for each pair of matches (by index) whose secrets overlap, the one
    /// starting first first: by start, each match meets only those starting before it ends.
    static func forEachOverlappingPair(of matches: [SecretMatch], _ body: (Int, Int) -> Void) {
        let byStart = matches.indices.sorted { matches[$0].secret.lowerBound < matches[$1].secret.lowerBound }
        for (position, first) in byStart.enumerated() {
            let secret = matches[first].secret
            for second in byStart[(position + 1)...] {
                guard matches[second].secret.lowerBound < secret.upperBound else { break }
                if secret.overlaps(matches[second].secret) { body(first, second) }
            }
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
