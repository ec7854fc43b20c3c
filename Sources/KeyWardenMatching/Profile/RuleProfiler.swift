import Foundation
import KeyWardenRules

/// What one rule costs to scan a corpus: the rule compiled alone into its own database and timed
/// over every buffer (Hyperscan, PCRE2 confirmation and validators), so a slow pattern is found
/// before it ships. Rules without a literal Hyperscan can anchor on are the usual cost.
public struct RuleCost: Sendable {
    public let rule: Rule
    public let seconds: Double
    /// Findings the rule alone confirmed in the corpus.
    public let matches: Int
    public let hasLiteralFactor: Bool
}

public enum RuleProfiler {
    /// The whole rule set's time over `corpus`, and each rule's alone, most expensive first.
    /// Each scan runs `repeats` times and keeps the fastest, so a busy machine inflates less.
    public static func profile(_ rules: [Rule], corpus: [[UInt8]], repeats: Int = 2) throws -> (all: Double, costs: [RuleCost]) {
        let all = try time(CompiledRuleSet(RuleSet(rules)), corpus: corpus, repeats: repeats).seconds
        let costs = try rules.map { rule in
            let (seconds, matches) = try time(CompiledRuleSet(RuleSet([rule])), corpus: corpus, repeats: repeats)
            return RuleCost(rule: rule, seconds: seconds, matches: matches,
                            hasLiteralFactor: RequiredLiteral.length(in: rule.pattern) >= RequiredLiteral.minimumLength)
        }
        return (all, costs.sorted { ($0.seconds, $1.rule.id) > ($1.seconds, $0.rule.id) })
    }

    static func time(_ compiled: CompiledRuleSet, corpus: [[UInt8]], repeats: Int) throws -> (seconds: Double, matches: Int) {
        let matcher = try Matcher(compiled)
        var best = Double.infinity
        var matches = 0
        for _ in 0..<max(1, repeats) {
            matches = 0
            let started = ContinuousClock.now
            for buffer in corpus { matches += try matcher.matches(in: buffer).count }
            let elapsed = ContinuousClock.now - started
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        return (best, matches)
    }
}
