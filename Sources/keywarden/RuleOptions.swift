import ArgumentParser
import Foundation
import KeyWardenMatching
import KeyWardenReport
import KeyWardenRules
import KeyWardenScan

/// Where rules come from: the built-in packs, or `--rules DIR` instead of them.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp(
        "A directory of rule packs (*.yaml) to use instead of the built-in rules; repeatable.", valueName: "dir"))
    var ruleDirectories: [String] = []

    @Flag(help: "Do not read or write the compiled-rule cache (\u{24}XDG_CACHE_HOME/keywarden).")
    var noCache = false

    /// The built-in rules (or `--rules`), plus the configuration's rule directories and the
    /// rules of the gitleaks configs it extends. `withExamples` for `rules test`, which runs
    /// them (a scan does not, and reads the built-in catalogue from the cache without them).
    func loadRules(extraDirectories: [String] = [], gitleaks: GitleaksConfig? = nil, withExamples: Bool = false) throws -> [Rule] {
        try loadRules(base: loadBaseRules(withExamples: withExamples), extraDirectories: extraDirectories, gitleaks: gitleaks)
    }

    /// The built-in rules, or those of `--rules`.
    func loadBaseRules(withExamples: Bool = false) throws -> [Rule] {
        if !ruleDirectories.isEmpty {
            try RulePackLoader.load(directories: ruleDirectories)
        } else if noCache || withExamples {
            try BuiltinRules.load()
        } else {
            try CompiledRuleSetCache.userDefault().builtinRuleSetForScanning().rules
        }
    }

    /// `loadBaseRules()` as a rule set; the built-in one comes from the cache with its digest.
    func loadBaseRuleSet() throws -> RuleSet {
        ruleDirectories.isEmpty && !noCache ? try CompiledRuleSetCache.userDefault().builtinRuleSetForScanning()
            : RuleSet(try loadBaseRules())
    }

    /// `base` plus the configuration's rule directories and gitleaks rules.
    func loadRules(base: [Rule], extraDirectories: [String], gitleaks: GitleaksConfig?) throws -> [Rule] {
        var rules = base
        if !extraDirectories.isEmpty {
            rules += try RulePackLoader.load(directories: extraDirectories)
            try RulePackLoader.checkUnique(rules)
        }
        if let gitleaks, !gitleaks.rules.isEmpty {
            rules += gitleaks.rules.map(\.rule)
            try RulePackLoader.checkUnique(rules)
        }
        return rules
    }

    /// The rules a scan with `configuration` compiles, `base` with the configuration's rule
    /// directories and gitleaks rules added (`base` itself when it adds none: `loadRules` only
    /// appends, so a compiled set made from it ahead of the configuration still applies), and
    /// the rules it runs and reports, those without the disabled ones. Disabling is applied to
    /// the compiled set (`CompiledRuleSet.disabling`), not compiled anew.
    func ruleSets(base: RuleSet, configuration: ScanConfiguration) throws -> (compiled: RuleSet, enabled: RuleSet) {
        let rules = try loadRules(base: base.rules, extraDirectories: configuration.ruleDirectories, gitleaks: configuration.gitleaks)
        let compiled = rules.count == base.rules.count ? base : RuleSet(rules)
        return (compiled, try compiled.disabling(configuration.disabledRules, at: configuration.disabledRulesLocation))
    }

    func compile(_ ruleSet: RuleSet) throws -> CompiledRuleSet {
        try CompiledRuleSet(ruleSet, cache: noCache ? nil : CompiledRuleSetCache.userDefault())
    }

    /// `ruleSet` compiled, only when the cache has it (nil otherwise: compiling is seconds of work
    /// to do only once the rule set is known for sure).
    func cachedCompile(_ ruleSet: RuleSet) -> CompiledRuleSet? {
        noCache ? nil : CompiledRuleSet(cached: ruleSet, cache: CompiledRuleSetCache.userDefault())
    }
}
