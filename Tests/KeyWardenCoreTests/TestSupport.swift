import Foundation
@testable import KeyWardenAudit
@testable import KeyWardenHooks
@testable import KeyWardenInputs
@testable import KeyWardenInventory
@testable import KeyWardenMatching
@testable import KeyWardenPolicy
@testable import KeyWardenReport
@testable import KeyWardenReportModel
@testable import KeyWardenRules
@testable import KeyWardenScan
@testable import KeyWardenSupport
import KeyWardenTestSupport

/// A rule set compiled without touching the user's cache.
func compile(_ yaml: String, file: String = "test.yaml") throws -> CompiledRuleSet {
    try CompiledRuleSet(RuleSet(RulePackLoader.parse(yaml, file: file)))
}

/// The shipped catalogue compiled once per test run: compiling hundreds of rules is the slow
/// part of a scan test, and the compiled set is immutable, so every test can share it. Through
/// the run's cache, which the CLI tests' binary shares, so the two do not compile it twice.
let builtinCompiled: Result<CompiledRuleSet, any Error> = Result(catching: {
    try CompiledRuleSet(RuleSet(BuiltinRules.load()), cache: CompiledRuleSetCache(directory: TestRunCache.directory))
})

func builtinScanner(_ configuration: ScanConfiguration = ScanConfiguration()) throws -> SecretScanner {
    try SecretScanner(compiled: builtinCompiled.get(), configuration: configuration, workers: 2)
}

/// One rule in pack form, with the required examples filled in.
func pack(id: String = "test-rule", pattern: String, extra: String = "", example: String = "x", negative: String = "y") -> String {
    """
    rules:
      - id: \(id)
        description: test rule
        severity: high
        pattern: '\(pattern)'
    \(extra.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
        examples: ['\(example)']
        negativeExamples: ['\(negative)']
    """
}

#if canImport(Glibc)
import Glibc
#endif
