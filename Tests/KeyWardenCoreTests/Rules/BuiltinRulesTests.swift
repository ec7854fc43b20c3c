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
    /// The catalogue's gates, one test so the catalogue is compiled once (see `builtinCompiled`):
    /// examples match and negatives do not; no two rules report one example's value unless one
    /// overrides the other; every pattern has a literal Hyperscan can scan from, or says why not.
    @Test func everyShippedRulePassesTheCatalogueGates() throws {
        let compiled = try builtinCompiled.get()
        let outcome = try RuleSelfTest.run(compiled)
        #expect(outcome.failures.isEmpty, "\(outcome.failures.map(\.description).joined(separator: "\n"))")
        #expect(outcome.rulesTested >= 450)

        let overlaps = try RuleOverlapCheck.run(compiled)
        #expect(overlaps.isEmpty, "\(overlaps.map(\.description).joined(separator: "\n"))")

        let withoutLiteral = compiled.rules.filter {
            $0.noLiteralFactor == nil && RequiredLiteral.length(in: $0.pattern) < RequiredLiteral.minimumLength
        }
        #expect(withoutLiteral.isEmpty, "no literal factor and no `noLiteralFactor` reason: \(withoutLiteral.map(\.id))")
        let needlessReasons = compiled.rules.filter {
            $0.noLiteralFactor != nil && RequiredLiteral.length(in: $0.pattern) >= RequiredLiteral.minimumLength
        }
        #expect(needlessReasons.isEmpty, "has a literal factor, drop `noLiteralFactor`: \(needlessReasons.map(\.id))")
    }

    @Test func rulesDocumentIsUpToDate() throws {
        let onDisk = try String(contentsOfFile: PackagePaths.root + "/Docs/rules.md", encoding: .utf8)
        #expect(onDisk == (try BuiltinRules.catalogueDocument()), "run `keywarden rules docs --output Docs/rules.md`")
    }

    @Test func everyFamilyOfTheCatalogueIssueHasRules() throws {
        let ids = Set(try BuiltinRules.load().map(\.id))
        // One provider per family the catalogue promises (CI/CD, registries, monitoring, messaging,
        // AI, cloud, payments, identity, databases, social, crypto services).
        for id in ["circleci-personal-api-token", "pypi-api-token", "datadog-api-key", "twilio-auth-token", "anthropic-api-key",
                   "digitalocean-personal-access-token", "shopify-access-token", "okta-api-token", "mongodb-atlas-api-private-key",
                   "twitter-bearer-token", "etherscan-api-key"] {
            #expect(ids.contains(id), "\(id)")
        }
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

    /// The cache key of the parsed catalogue uses the digest made when the packs were embedded.
    @Test func theEmbeddedDigestIsThePacksDigest() {
        #expect(BuiltinRulePacks.digest == BuiltinRules.packsDigest(), "run `make rules`")
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
