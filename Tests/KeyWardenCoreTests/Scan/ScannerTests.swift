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
import Testing

@Suite struct ScannerTests {
    let token = "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"

    func scan(_ text: String, configuration: ScanConfiguration = ScanConfiguration()) throws -> [Finding] {
        let scanner = try builtinScanner(configuration)
        return try scanner.findings(in: Array(text.utf8), worker: scanner.makeWorker()).map { $0.placed(at: "f.txt") }
    }

    @Test func findingCarriesPositionFingerprintAndEntropy() throws {
        let findings = try scan("line one\n  héllo = \"\(token)\"\n")
        let finding = try #require(findings.first)
        #expect(finding.rule == "github-token")
        #expect(finding.severity == .critical)
        #expect((finding.line, finding.column, finding.endLine, finding.endColumn) == (2, 12, 2, 51))
        #expect(finding.secret == token)
        #expect(finding.fingerprint == Fingerprint.of(rule: "github-token", secret: token))
        #expect(finding.entropy > 4)
    }

    @Test func fingerprintIsSHA256OfRuleNulSecret() {
        // printf 'r\0s' | sha256sum
        #expect(Fingerprint.of(rule: "r", secret: "s") == "436f0e33ded58eff51a7a9fb7ac1a880ca2f85769dbc7986817687719a2168ec")
        #expect(Fingerprint.of(rule: "r", secret: "s") != Fingerprint.of(rule: "r2", secret: "s"))
    }

    @Test(arguments: ["# keywarden:allow", "// gitleaks:allow", "# pragma: allowlist secret"])
    func sameLineMarkersSilenceAFinding(marker: String) throws {
        #expect(try scan("token = \"\(token)\" \(marker)\n").isEmpty)
    }

    @Test(arguments: ["# keywarden:allow-next-line", "# pragma: allowlist nextline secret"])
    func nextLineMarkersSilenceTheFollowingLineOnly(marker: String) throws {
        #expect(try scan("\(marker)\ntoken = \"\(token)\"\n").isEmpty)
        #expect(try scan("\(marker)\n\ntoken = \"\(token)\"\n").count == 1)
    }

    @Test func allowNextLineDoesNotSilenceItsOwnLine() throws {
        #expect(try scan("token = \"\(token)\" # keywarden:allow-next-line\n").count == 1)
    }

    @Test func configuredStopwordsAndRegexesAllowSecrets() throws {
        var configuration = ScanConfiguration()
        configuration.stopwords = ["pde0"]
        #expect(try scan("t = \(token)\n", configuration: configuration).isEmpty)
        configuration.stopwords = []
        configuration.allowRegexes = ["^ghp_u8jz"]
        #expect(try scan("t = \(token)\n", configuration: configuration).isEmpty)
        configuration.allowRegexes = ["^ghp_zzzz"]
        #expect(try scan("t = \(token)\n", configuration: configuration).count == 1)
    }

    @Test func genericRuleGivesWayToASpecificRuleOnTheSameSecret() throws {
        let findings = try scan("AWS_SECRET_ACCESS_KEY=Tq8vZr2Lx+Mw9Pn4Ks7Jd3Hf6Gb1Yc5Xe0Ua/Wo2\n")
        #expect(findings.map(\.rule) == ["aws-secret-access-key"])
    }

    @Test func redactionShowsAPrefixAndTheLength() {
        #expect(Redactor().redact(token) == "ghp_…(40 chars)")
        #expect(Redactor().redact("hunter2hunter2") == "hu…(14 chars)")
        #expect(Redactor().redact("x7Qp2z") == "…(6 chars)", "a short password shows no characters")
        #expect(Redactor().redact("AKIAQ3EGUVW2TXYZ4AB5") == "AKIA…(20 chars)")
        #expect(Redactor().redact("abc") == "…(3 chars)")
        #expect(Redactor(showSecrets: true).redact(token) == token)
    }
}

@Suite struct ScannerRuleTablesTests {
    let scoped = Rule(id: "scoped-token", description: "d", severity: .high, pattern: #"\b(zqtok_[a-z0-9]{16})\b"#, secretGroup: .number(1),
                      examples: ["zqtok_k3v9x2m7q8w4n6p1"], negativeExamples: ["zqtok_short"], paths: ["*.cnf"])
    let plain = Rule(id: "plain-token", description: "d", severity: .high, pattern: #"\b(plntok_[a-z0-9]{16})\b"#, secretGroup: .number(1),
                     examples: ["plntok_k3v9x2m7q8w4n6p1"], negativeExamples: ["plntok_short"])

    /// Tables made for other rules are not used: the scanner makes its own, so a rule scoped to
    /// file names stays out of other files (another rule set's tables know no scopes).
    @Test func aScannerGivenTablesOfOtherRulesMakesItsOwn() throws {
        let compiled = try CompiledRuleSet(RuleSet([scoped, plain]))
        let text = Array("key = zqtok_k3v9x2m7q8w4n6p1\n".utf8)
        for tables in [nil, SecretScanner.RuleTables(RuleSet([plain])), SecretScanner.RuleTables(compiled.ruleSet)] {
            let scanner = try SecretScanner(compiled: compiled, tables: tables)
            #expect(try scanner.findings(in: text, worker: scanner.makeWorker(), paths: ["notes/readme.txt"]).isEmpty)
            #expect(try scanner.findings(in: text, worker: scanner.makeWorker(), paths: ["etc/client.cnf"]).map(\.rule) == ["scoped-token"])
        }
    }
}
