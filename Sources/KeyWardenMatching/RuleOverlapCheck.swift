import KeyWardenRules

/// The catalogue gate that keeps each value reported by one rule: runs every rule's examples
/// through the whole catalogue and lists the other rules that find an overlapping secret there,
/// unless the two are ordered (`overrides` either way, a `catchAll` rule, or two parts of one
/// credential set, which are grouped into one finding).
public enum RuleOverlapCheck {
    public struct Overlap: Sendable, Hashable, CustomStringConvertible {
        public let rule: String
        public let other: String
        public let example: String

        public var description: String {
            let shown = example.count > 80 ? String(example.prefix(77)) + "..." : example
            return "rule '\(other)' also fires on an example of '\(rule)' (declare `overrides` on the more precise one): \(shown.debugDescription)"
        }
    }

    public static func run(_ compiled: CompiledRuleSet) throws -> [Overlap] {
        let matcher = try Matcher(compiled)
        let rules = compiled.rules
        var overlaps: Set<Overlap> = []
        for (index, rule) in rules.enumerated() {
            for example in rule.examples {
                let matches = try matcher.matches(in: Array(example.utf8))
                for own in matches where own.ruleIndex == index {
                    for other in matches where other.ruleIndex != index && other.secret.overlaps(own.secret)
                        && !areOrdered(rule, rules[other.ruleIndex]) {
                        overlaps.insert(Overlap(rule: rule.id, other: rules[other.ruleIndex].id, example: example))
                    }
                }
            }
        }
        return overlaps.sorted { ($0.rule, $0.other, $0.example) < ($1.rule, $1.other, $1.example) }
    }

    static func areOrdered(_ first: Rule, _ second: Rule) -> Bool {
        first.catchAll || second.catchAll || first.overrides.contains(second.id) || second.overrides.contains(first.id)
            || (first.credentialSet != nil && first.credentialSet == second.credentialSet)
            || neverMeet(first, second)
    }

    /// A rule scoped to file names (`paths:`, `.my.cnf`) runs only on those files, whose formats
    /// the other rules' examples are not written in: the gate compares it only with rules scoped
    /// to a file name it shares. (Within such a file the scan still prefers the precise rule.)
    static func neverMeet(_ first: Rule, _ second: Rule) -> Bool {
        guard !first.paths.isEmpty || !second.paths.isEmpty else { return false }
        return Set(first.paths).isDisjoint(with: second.paths)
    }
}
