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
        abstract: "List the detection rules, run their self-tests, or write the catalogue document.",
        subcommands: [RulesListCommand.self, RulesTestCommand.self, RulesDocsCommand.self]
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
        abstract: "Run every rule's examples (must match) and negative examples (must not match), and the catalogue gates.",
        discussion: "Also fails when two rules find the same value in an example and neither overrides the other "
            + "(nor is a catch-all), and when a pattern has no literal of 3+ characters every match contains "
            + "(Hyperscan scans from it) and does not say why (`noLiteralFactor`). "
            + "Exit 0 when all pass, 1 when any fails, 2 when a rule pack does not load or compile."
    )

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let ruleSet = RuleSet(try rules.loadRules())
        let compiled = try rules.compile(ruleSet)
        let outcome = try RuleSelfTest.run(compiled)
        for failure in outcome.failures { print(failure.description) }
        let overlaps = try RuleOverlapCheck.run(compiled)
        for overlap in overlaps { print(overlap.description) }
        let withoutLiteral = ruleSet.rules.filter {
            $0.noLiteralFactor == nil && RequiredLiteral.length(in: $0.pattern) < RequiredLiteral.minimumLength
        }
        for rule in withoutLiteral {
            print("\(rule.patternLocation): rule '\(rule.id)': no literal of \(RequiredLiteral.minimumLength)+ characters every match contains; "
                  + "add one or say why not (`noLiteralFactor: <reason>`)")
        }
        let passed = outcome.examplesRun - outcome.failures.count
        print("\(outcome.rulesTested) rules, \(outcome.examplesRun) examples: \(passed) passed, \(outcome.failures.count) failed; "
              + "\(overlaps.count) unordered overlaps, \(withoutLiteral.count) rules without a literal factor")
        if !outcome.failures.isEmpty || !overlaps.isEmpty || !withoutLiteral.isEmpty { throw ExitCode(CommandFailure.findingsExitCode) }
    }
}

struct RulesDocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Write the rule catalogue (count, per-family table, every rule) as Markdown.",
        discussion: "The shipped packs only; Docs/rules.md is this output (`keywarden rules docs --output Docs/rules.md`)."
    )

    @Option(name: [.short, .long], help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let document = try BuiltinRules.catalogueDocument()
        if let output {
            try Data(document.utf8).write(to: URL(fileURLWithPath: output))
        } else {
            print(document, terminator: "")
        }
    }
}
