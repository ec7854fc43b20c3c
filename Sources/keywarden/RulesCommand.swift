import ArgumentParser
import Foundation
import KeyWardenHooks
import KeyWardenInputs
import KeyWardenInventory
import KeyWardenMatching
import KeyWardenPolicy
import KeyWardenReport
import KeyWardenRules
import KeyWardenSupport

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the detection rules or run their self-tests.",
        subcommands: [RulesListCommand.self, RulesTestCommand.self]
    )
}

struct RulesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List rules with severity and description.")

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let ruleSet = RuleSet(try rules.loadRules())
        let width = ruleSet.rules.map(\.id.count).max() ?? 0
        for rule in ruleSet.rules {
            let validator = rule.validator.map { "  [validator: \($0)]" } ?? ""
            print(rule.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                  + rule.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0) + "  " + rule.description + validator)
        }
        print("\(ruleSet.rules.count) rules")
    }
}

struct RulesTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every rule's examples (must match) and negative examples (must not match).",
        discussion: "Exit 0 when all pass, 1 when any fails, 2 when a rule pack does not load or compile."
    )

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let ruleSet = RuleSet(try rules.loadRules())
        let outcome = try RuleSelfTest.run(rules.compile(ruleSet))
        for failure in outcome.failures { print(failure.description) }
        let passed = outcome.examplesRun - outcome.failures.count
        print("\(outcome.rulesTested) rules, \(outcome.examplesRun) examples: \(passed) passed, \(outcome.failures.count) failed")
        if !outcome.failures.isEmpty { throw ExitCode(CommandFailure.findingsExitCode) }
    }
}
