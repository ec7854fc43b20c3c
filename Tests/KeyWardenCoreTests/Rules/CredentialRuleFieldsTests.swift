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

    /// A window whose surroundings hold no context keyword is not confirmed at all; the
    /// surroundings looked at must reach as far as `ContextKeywords` looks: up to its lookback
    /// before the match on a long line, up to its lookahead after it, in any case. The pattern is
    /// bounded, so its window is the match and no more: the surroundings decide.
    @Test func contextKeywordsAtTheEdgesOfWhereTheyAreLookedForStillCount() throws {
        let compiled = try compile(pack(id: "acme-password", pattern: #"pw=([a-z0-9]{8,16})\b"#,
                                        extra: "secretGroup: 1\ncontextKeywords: [acme]", example: "acme pw=abcd1234", negative: "pw=abcd1234"))
        let matcher = try Matcher(compiled)
        let value = "pw=q8r7s6t5u4v3"
        let padding = String(repeating: "x", count: ContextKeywords.maximumLookback - 6)
        // Keyword ending 2,042 bytes before the match, on the same line: within the lookback.
        #expect(try matcher.matches(in: Array(("ACME " + padding + value).utf8)).count == 1)
        // Pushed 100 bytes further: outside it, as before this shortcut.
        #expect(try matcher.matches(in: Array(("ACME " + String(repeating: "x", count: 100) + padding + value).utf8)).isEmpty)
        // After the match on its line, near the end of the lookahead.
        let after = " " + String(repeating: "y", count: ContextKeywords.maximumLookahead - 10) + " Acme"
        #expect(try matcher.matches(in: Array((value + after).utf8)).count == 1)
        // Far away in a long buffer, on another line: nothing, and the keyword elsewhere does not
        // make the window's surroundings count.
        let far = "acme\n" + String(repeating: "filler line\n", count: 2_000) + value + "\n"
        #expect(try matcher.matches(in: Array(far.utf8)).isEmpty)
    }
}
