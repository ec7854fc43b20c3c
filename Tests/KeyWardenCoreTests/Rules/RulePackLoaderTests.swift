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

@Suite struct RulePackLoaderTests {
    @Test func loadsEveryField() throws {
        let rules = try RulePackLoader.parse("""
        rules:
          - id: demo-token
            description: Demo token
            severity: critical
            keywords: [Demo]
            pattern: 'demo_(?<secret>[a-z0-9]{12})'
            secretGroup: secret
            minEntropy: 2.5
            validator: jwt
            examples: ['demo_abcdefghijkl']
            negativeExamples: ['demo_short']
            references: [https://example.com/demo]
        """, file: "p.yaml")
        let rule = try #require(rules.first)
        #expect(rule.id == "demo-token")
        #expect(rule.severity == .critical)
        #expect(rule.keywords == ["demo"])
        #expect(rule.secretGroup == .name("secret"))
        #expect(rule.minEntropy == 2.5)
        #expect(rule.validator == "jwt")
        #expect(rule.location == SourceLocation(file: "p.yaml", line: 2, column: 5))
    }

    @Test func aRuleNeedsNegativeExamples() throws {
        let error = try #require(throws: DiagnosticError.self) {
            try RulePackLoader.parse("""
            rules:
              - id: a
                description: d
                severity: low
                pattern: 'abc'
                examples: ['abc']
            """, file: "p.yaml")
        }
        #expect(error.description == "p.yaml:2:5: error: missing required key 'negativeExamples'")
    }

    @Test func unknownSeverityIsRejectedWithASuggestion() throws {
        let error = try #require(throws: DiagnosticError.self) {
            try RulePackLoader.parse(pack(pattern: "abc").replacingOccurrences(of: "severity: high", with: "severity: hihg"), file: "p.yaml")
        }
        #expect(error.description.contains("p.yaml:4:15: error: 'hihg' is not one of info, low, medium, high, critical (did you mean 'high'?)"))
    }

    @Test func unknownValidatorIsRejected() throws {
        #expect(throws: DiagnosticError.self) {
            try RulePackLoader.parse(pack(pattern: "abc", extra: "validator: luhn-ish"), file: "p.yaml")
        }
    }

    @Test func duplicateIdsAreRejected() throws {
        let yaml = pack(id: "same", pattern: "a") + "\n" + pack(id: "same", pattern: "b").replacingOccurrences(of: "rules:\n", with: "")
        let error = try #require(throws: DiagnosticError.self) { try RulePackLoader.parse(yaml, file: "p.yaml") }
        #expect(error.description.contains("duplicate rule id 'same'"))
    }

    @Test func patternPCRE2RejectsNamesTheRuleAndThePatternLocation() throws {
        let error = try #require(throws: DiagnosticError.self) { try compile(pack(id: "broken", pattern: "abc(def"), file: "p.yaml") }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.location == SourceLocation(file: "p.yaml", line: 5, column: 14))
        #expect(diagnostic.message.contains("rule 'broken'"))
    }

    @Test func secretGroupBeyondThePatternsGroupsIsAnError() throws {
        let error = try #require(throws: DiagnosticError.self) { try compile(pack(pattern: "a(b)", extra: "secretGroup: 2")) }
        #expect(error.description.contains("secretGroup 2 but the pattern has 1 groups"))
    }
}
