import Foundation
@testable import KeyWardenAccounts
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
import Testing

@Suite struct BuiltinRulesTests {
    @Test func everyShippedRulePassesItsExamples() throws {
        let outcome = try RuleSelfTest.run(CompiledRuleSet(RuleSet(BuiltinRules.load())))
        #expect(outcome.failures.isEmpty, "\(outcome.failures)")
        #expect(outcome.rulesTested >= 15)
    }

    @Test func embeddedPacksMatchTheYAMLFiles() throws {
        let directory = PackagePaths.root + "/Rules/secrets"
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yaml") }.sorted()
        let embedded = BuiltinRules.packs
        #expect(embedded.keys.sorted() == names.map { "Rules/secrets/\($0)" })
        for name in names {
            let disk = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            #expect(embedded["Rules/secrets/\(name)"] == disk.trimmingCharacters(in: .newlines), "run `make rules`: \(name) changed")
        }
    }

    @Test func issueTwoProvidersAreCovered() throws {
        let ids = Set(try BuiltinRules.load().map(\.id))
        for id in ["aws-access-key-id", "aws-secret-access-key", "github-token", "github-fine-grained-token", "gitlab-token",
                   "slack-token", "stripe-live-key", "google-api-key", "openai-api-key", "private-key-pem", "jwt",
                   "database-url-password", "generic-secret-assignment"] {
            #expect(ids.contains(id), "\(id)")
        }
    }
}
