@testable import KeyWardenRules
@testable import KeyWardenScan
import KeyWardenSupport
import Testing

/// Confidence: provider formats are sure anywhere; catch-all literals are judged by their value,
/// their file and whether they were decoded.
@Suite struct FindingConfidenceTests {
    func findings(_ text: String, at path: String) throws -> [(rule: String, secret: String, confidence: Confidence)] {
        let scanner = try builtinScanner()
        return try scanner.findings(in: Array(text.utf8), worker: scanner.makeWorker(), paths: [path])
            .map { ($0.rule, $0.secret, $0.confidence) }
    }

    @Test func aProviderTokenIsHighEvenInATestFile() throws {
        let token = "ghp_" + String(repeating: "7Kq2", count: 9)  // shape only: the checksum decides below
        let found = try findings("let token = \"\(token)\"\n", at: "Tests/LoginTests.swift")
        for finding in found where finding.rule != "credential-assignment-literal" && finding.rule != "generic-secret-assignment" {
            #expect(finding.confidence == .high, "\(finding.rule)")
        }
        let key = "AKIA" + "Q3V7XK2LMN4PRT6W"
        let aws = try findings("aws_access_key_id = \(key)\n", at: "spec/fixtures/aws.ini")
        #expect(aws.map(\.rule) == ["aws-access-key-id"])
        #expect(aws.map(\.confidence) == [.high])
    }

    @Test func aMadeUpLiteralIsLowInTestsAndExamplesOnly() throws {
        let fixture = "DB_PASSWORD=Fixture-77\n"
        #expect(try findings(fixture, at: "deploy/.env").map(\.confidence) == [.medium])
        #expect(try findings(fixture, at: "tests/.env").map(\.confidence) == [.low])
        #expect(try findings(fixture, at: "config/.env.example").map(\.confidence) == [.low])
        // A strong-looking literal is reported in a test file too: real credentials get committed there.
        #expect(try findings("static_password := \"hardcoded09\"\n", at: "auth/login_test.go").map(\.confidence) == [.medium])
        #expect(try findings("static_password := \"Fixture-77\"\n", at: "auth/login_test.go").map(\.confidence) == [.low])
        #expect(try findings("static_password := \"Fixture-77\"\n", at: "auth/login.go").map(\.confidence) == [.medium])
    }

    @Test func aWeakOrDecodedCatchAllValueIsLow() throws {
        // A custom catch-all rule may accept one kind of character (the built-in literal rules
        // demand two): short and of one kind is a sample value more often than a password.
        let rule = try #require(try RulePackLoader.parse(pack(pattern: "pw=([a-z0-9]{6,})", extra: "catchAll: true\nsecretGroup: 1",
                                                              example: "pw=abcdef"), file: "p.yaml").first)
        #expect(rule.confidence == .medium)
        #expect(FindingConfidence.of(rule: rule, secret: "qwertyuiop", decodedFrom: nil, paths: ["app/db.php"]) == .low)
        #expect(FindingConfidence.of(rule: rule, secret: "qwerty42uiop", decodedFrom: nil, paths: ["app/db.php"]) == .medium)
        #expect(FindingConfidence.of(rule: rule, secret: "qwerty42uiop", decodedFrom: "base64", paths: ["app/db.php"]) == .low)
        #expect(FindingConfidence.of(rule: rule, secret: "qwertyuiopasdf", decodedFrom: nil, paths: ["app/db.php"]) == .medium)
    }

    /// Values typed for documentation are the least sure whatever the rule: a provider prefix
    /// followed by `123456…` or ending in `EXAMPLE` is a docs value, while `EXAMPLE` inside stays a key.
    @Test func documentationTypedValuesAreLow() {
        #expect(FindingConfidence.looksLikeDocumentationValue("dapi123456789abcdef123456789abcdef00"))
        #expect(FindingConfidence.looksLikeDocumentationValue("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"))
        #expect(FindingConfidence.looksLikeDocumentationValue("nfp_0i5OM4MV7L02wV3E6rrwiTwhvtestEXAMPLE"))
        #expect(!FindingConfidence.looksLikeDocumentationValue("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"))
        #expect(!FindingConfidence.looksLikeDocumentationValue("AKIAZ3KQEXAMPLE7PLM2X"))
        #expect(FindingConfidence.longestSequentialRun(Array("x9abcdefq".utf8)) == 6)
        #expect(FindingConfidence.longestSequentialRun(Array("9a8b7c".utf8)) == 1)
    }

    @Test func directoriesAboveTheScanRootDoNotCount() {
        #expect(FindingConfidence.isTestOrExamplePath("src/test/resources/application.yml"))
        #expect(FindingConfidence.isTestOrExamplePath("app.jar!/src/test/resources/application.yml"))
        #expect(FindingConfidence.isTestOrExamplePath("pkg/client.spec.ts"))
        #expect(FindingConfidence.isTestOrExamplePath("test_settings.py"))
        #expect(!FindingConfidence.isTestOrExamplePath("src/main/resources/application.yml"))
        #expect(!FindingConfidence.isTestOrExamplePath("latest/settings.py"))
        #expect(!FindingConfidence.isTestOrExamplePath("contest.py"))
        #expect(!FindingConfidence.isTestOrExamplePath("Sample.java"))
        #expect(FindingConfidence.isTestOrExamplePath(".env.example"))
    }

    @Test func aRuleDeclaresItsConfidenceOrTakesItFromItsShape() throws {
        let declared = try RulePackLoader.parse(pack(pattern: "qz[0-9]{4}", extra: "confidence: low", example: "qz1234"), file: "p.yaml")
        #expect(declared.first?.confidence == .low)
        let plain = try RulePackLoader.parse(pack(pattern: "qz[0-9]{4}", example: "qz1234"), file: "p.yaml")
        #expect(plain.first?.confidence == .high)
        #expect(throws: (any Error).self) {
            try RulePackLoader.parse(pack(pattern: "qz[0-9]{4}", extra: "confidence: certain", example: "qz1234"), file: "p.yaml")
        }
        let catalogue = try BuiltinRules.load()
        #expect(catalogue.first { $0.id == "credential-assignment-literal" }?.confidence == .medium)
        // A bare value that needs the provider's name nearby is not sure by its format alone.
        let contextual = try #require(catalogue.first { $0.id == "binance-api-key" })
        #expect(!contextual.contextKeywords.isEmpty)
        #expect(contextual.confidence == .medium)
    }
}
