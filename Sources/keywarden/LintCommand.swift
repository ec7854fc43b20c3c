import ArgumentParser
import Foundation
import KeyWardenAccounts
import KeyWardenAudit
import KeyWardenHooks
import KeyWardenInputs
import KeyWardenInventory
import KeyWardenMatching
import KeyWardenPolicy
import KeyWardenReport
import KeyWardenRules
import KeyWardenScan
import KeyWardenSupport

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check policy files and rule packs for errors, with file:line:column for each problem.",
        discussion: """
        A file with a top-level `rules:` key is read as a rule pack (its patterns are compiled); a \
        `.toml` file as a gitleaks or betterleaks config, mapped as `extends:` maps it and its regexes \
        compiled (Docs/gitleaks-config.md); any other file as a key policy (Docs/policy.md). Policy diagnostics cover unknown keys (with a \
        suggestion), wrong types, invalid CIDR networks, permission names the app's provider does \
        not have, waivers without expiry or expiring more than a year ahead, duplicate app names and \
        apps without an owner.

        Exit codes: 0 no errors (warnings allowed unless --strict); 2 errors, or warnings with --strict.
        """
    )

    @Argument(help: "Policy files, rule packs or gitleaks configs (.toml) to check.")
    var files: [String]

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Option(help: ArgumentHelp("Pin the clock (ISO 8601) that waiver expiry dates are checked against.", valueName: "instant"))
    var now: Instant?

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file to lint") }
    }

    func run() throws {
        var diagnostics: [Diagnostic] = []
        for file in files {
            diagnostics += lint(file)
        }
        diagnostics.sort()
        for diagnostic in diagnostics { print(diagnostic.description) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        Terminal.standardError("\(files.count) file\(files.count == 1 ? "" : "s"): \(errors) error\(errors == 1 ? "" : "s"), "
                               + "\(warnings) warning\(warnings == 1 ? "" : "s")")
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(CommandFailure.usageExitCode) }
    }

    private func lint(_ file: String) -> [Diagnostic] {
        if file.hasSuffix(".toml") { return lintGitleaksConfig(file) }
        let root: YAMLNode
        do {
            root = try YAMLDocument.load(path: file)
        } catch let error as DiagnosticError {
            return error.diagnostics
        } catch {
            return [Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "\(error)")]
        }
        if (try? root.entries())?.contains(where: { (try? $0.key.string()) == "rules" }) == true {
            return lintRulePack(file)
        }
        return PolicyLoader.lint(path: file, now: now?.date ?? Date(), vocabulary: PolicyAudit.vocabulary).diagnostics
    }

    /// Everything `extends:` would refuse: TOML, unmappable keys and regexes, and rules Hyperscan
    /// or PCRE2 do not compile.
    private func lintGitleaksConfig(_ file: String) -> [Diagnostic] {
        do {
            let config = try GitleaksConfigLoader.load(path: file)
            _ = try GitleaksFindingFilter(config: config, ignore: nil, roots: [], ruleIDs: [])
            if !config.rules.isEmpty { _ = try CompiledRuleSet(RuleSet(config.rules.map(\.rule))) }
            return config.warnings
        } catch let error as DiagnosticError {
            return error.diagnostics
        } catch {
            return [Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "\(error)")]
        }
    }

    private func lintRulePack(_ file: String) -> [Diagnostic] {
        do {
            _ = try CompiledRuleSet(RuleSet(RulePackLoader.load(file: file)))
            return []
        } catch let error as DiagnosticError {
            return error.diagnostics
        } catch {
            return [Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "\(error)")]
        }
    }
}
