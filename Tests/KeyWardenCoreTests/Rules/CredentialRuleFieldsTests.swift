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
import Testing

/// The rule-pack fields behind credential sets and provider context, loaded with located errors.
@Suite struct CredentialRuleFieldsTests {
    static func rule(_ extra: String) -> String {
        pack(id: "acme-secret", pattern: "acme_[0-9a-f]{8}", extra: extra, example: "acme_0123abcd", negative: "acme_zz")
    }

    @Test func loadsCredentialSetPartContextAndOverrides() throws {
        let rule = try #require(try RulePackLoader.parse(Self.rule("""
        contextKeywords: [Acme, acme.io]
        credentialSet: acme
        part: secret
        overrides: [private-key-pem]
        """), file: "p.yaml").first)
        #expect(rule.contextKeywords == ["acme", "acme.io"])
        #expect(rule.credentialSet == "acme")
        #expect(rule.part == .secret)
        #expect(rule.overrides == ["private-key-pem"])
    }

    @Test func aPartNeedsACredentialSet() throws {
        let error = try #require(throws: DiagnosticError.self) {
            try RulePackLoader.parse(Self.rule("part: key"), file: "p.yaml")
        }
        #expect(error.description.contains("p.yaml:6:"))
        #expect(error.description.contains("credentialSet and part go together"))
    }

    @Test func anUnknownPartIsRejectedWithItsLocation() throws {
        let error = try #require(throws: DiagnosticError.self) {
            try RulePackLoader.parse(Self.rule("credentialSet: acme\npart: token"), file: "p.yaml")
        }
        #expect(error.description.contains("p.yaml:7:"))
        #expect(error.description.contains("passphrase"))
    }

    @Test func contextKeywordsMustNotBeEmpty() throws {
        #expect(throws: DiagnosticError.self) { try RulePackLoader.parse(Self.rule("contextKeywords: []"), file: "p.yaml") }
    }

    @Test func contextKeywordsMustStartAWordNearTheMatch() throws {
        let compiled = try compile(Self.rule("contextKeywords: [acme]"))
        let matcher = try Matcher(compiled)
        #expect(try matcher.matches(in: Array("acme:\n  # comment\n  value: acme_0123abcd".utf8)).count == 1)
        #expect(try matcher.matches(in: Array("ACME_VALUE=acme_0123abcd".utf8)).count == 1) // the match itself counts
        #expect(try matcher.matches(in: Array("value: xacme_0123abcd".utf8)).isEmpty)
        let far = "acme:\n" + String(repeating: "other: 1\n", count: Rule.contextLines + 1) + "value: xacme_0123abcd"
        #expect(try matcher.matches(in: Array(far.utf8)).isEmpty)
    }
}
