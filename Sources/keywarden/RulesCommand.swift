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
        abstract: "List the detection rules, run their self-tests, write the catalogue document, or profile their cost.",
        subcommands: [RulesListCommand.self, RulesTestCommand.self, RulesDocsCommand.self, RulesProfileCommand.self]
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
        let ruleSet = RuleSet(try rules.loadRules(withExamples: true))
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

/// `keywarden rules profile PATH...`: what each rule costs on a corpus, most expensive first.
struct RulesProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Time each rule alone over a corpus and list the rules by cost.",
        discussion: """
        Reads text files under the paths (up to --max-bytes in all) into memory, scans them with the whole \
        rule set, then with each rule compiled alone, and prints the rules most expensive first: time, \
        throughput, share of the sum, matches, and whether the pattern has a literal Hyperscan can anchor on. \
        Compiling every rule alone takes a while for the full catalogue; --rules DIR profiles a pack.
        """
    )

    @Argument(help: "Files or directories making up the corpus.")
    var paths: [String]

    @Option(help: ArgumentHelp("Read at most this much of the corpus (e.g. 32M).", valueName: "size"))
    var maxBytes = ByteSize(bytes: 32 << 20)

    @Option(help: ArgumentHelp("Print this many rules (0: all).", valueName: "n"))
    var top = 25

    @OptionGroup var rules: RuleOptions

    func run() throws {
        let loaded = try rules.loadRules()
        let (files, _) = try DirectorySource(roots: paths, excluding: rules.ruleDirectories).entries()
        var corpus: [[UInt8]] = []
        var bytes = 0
        for file in files where bytes < maxBytes.bytes {
            guard case let .text(content) = FileContent.read(path: file.path, maxSize: maxBytes.bytes - bytes) else { continue }
            corpus.append(content)
            bytes += content.count
        }
        let (all, costs) = try RuleProfiler.profile(loaded, corpus: corpus)
        let megabytes = Double(bytes) / 1_048_576
        let sum = costs.map(\.seconds).reduce(0, +)
        print(String(format: "%d rules over %d files, %.1f MB: %.3f s together (%.0f MB/s); the rules alone sum to %.3f s",
                     loaded.count, corpus.count, megabytes, all, megabytes / max(all, 1e-9), sum))
        let width = max(4, costs.map(\.rule.id.count).max() ?? 0)
        print("rule".padding(toLength: width, withPad: " ", startingAt: 0) + "      time      MB/s   share  matches  literal")
        for cost in top > 0 ? Array(costs.prefix(top)) : costs {
            print(cost.rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
                  + String(format: "  %8.4f s  %8.0f  %5.1f%%  %7d", cost.seconds, megabytes / max(cost.seconds, 1e-9),
                           100 * cost.seconds / max(sum, 1e-9), cost.matches) + "  " + (cost.hasLiteralFactor ? "yes" : "no"))
        }
    }
}
