import KeyWardenRules
import KeyWardenSupport
/// Runs every rule's `examples` (each must produce a match of that rule) and `negativeExamples`
/// (none may) through the real engine: the same database, confirmation, entropy floor,
/// placeholder filter and validator a scan uses.
public enum RuleSelfTest {
    public struct Failure: Sendable, Hashable, CustomStringConvertible {
        public let rule: String
        public let location: SourceLocation
        public let example: String
        public let expectedMatch: Bool

        public var description: String {
            let shown = example.count > 80 ? String(example.prefix(77)) + "..." : example
            let what = expectedMatch ? "example does not match" : "negative example matches"
            return "\(location): rule '\(rule)': \(what): \(shown.debugDescription)"
        }
    }

    public struct Outcome: Sendable {
        public let rulesTested: Int
        public let examplesRun: Int
        public let failures: [Failure]
    }

    public static func run(_ compiled: CompiledRuleSet) throws -> Outcome {
        let matcher = try Matcher(compiled)
        var failures: [Failure] = []
        var examples = 0
        for (index, rule) in compiled.rules.enumerated() {
            for (text, expected) in rule.examples.map({ ($0, true) }) + rule.negativeExamples.map({ ($0, false) }) {
                examples += 1
                let matched = try matcher.matches(in: Array(text.utf8)).contains { $0.ruleIndex == index }
                if matched != expected {
                    failures.append(Failure(rule: rule.id, location: rule.location, example: text, expectedMatch: expected))
                }
            }
        }
        return Outcome(rulesTested: compiled.rules.count, examplesRun: examples, failures: failures)
    }
}
