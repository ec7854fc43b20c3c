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

/// A key, its secret and its passphrase close together are one credential: one finding, at the
/// secret, whose keyId is the public key in full.
@Suite struct CredentialSetTests {
    static let okxKey = "3b9f2c1e-7a4d-4e8b-9c2f-5d6e7f8a9b0c"
    static let okxSecret = "9F3A7C2E5B8D1F4A6C9E2B5D8F1A3C7E"
    static let okxPassphrase = "Falcon!2231orchid"

    func scan(_ text: String, path: String = ".env") throws -> [Finding] {
        let scanner = try SharedScanner.builtin.get()
        return try scanner.findings(in: Array(text.utf8), worker: scanner.makeWorker()).map { $0.placed(at: path) }
    }

    @Test func okxKeySecretAndPassphraseInADotEnvAreOneFindingWithTheKeyId() throws {
        let directory = try TemporaryDirectory()
        let env = try directory.write(".env", """
        # OKX trading account
        OKX_API_KEY=\(Self.okxKey)
        OKX_SECRET_KEY=\(Self.okxSecret)
        OKX_PASSPHRASE=\(Self.okxPassphrase)
        """)
        let scanner = try builtinScanner()
        let result = try ScanPipeline(scanner: scanner).run(FileSource(files: [DirectorySource.Entry(path: env, relativePath: ".env")], maxFileSize: 1 << 20))
        #expect(result.findings.count == 1)
        let finding = try #require(result.findings.first)
        #expect(finding.rule == "okx-secret-key")
        #expect(finding.keyId == Self.okxKey)
        #expect(finding.secret == Self.okxSecret)
        #expect(finding.line == 3)
        #expect(finding.parts?.map(\.rule) == ["okx-api-key", "okx-passphrase"])
        #expect(finding.parts?.map(\.line) == [2, 4])
        // The set found whole is surer than a bare secret next to the provider's name.
        #expect(finding.confidence == .high)
        let alone = try scan("# OKX\nOKX_SECRET_KEY=\(Self.okxSecret)\n")
        #expect(alone.map(\.confidence) == [.medium])
    }

    @Test func theKeyIdIsShownInFullWhileTheSecretIsRedactedInJSON() throws {
        let findings = try scan("OKX_API_KEY=\(Self.okxKey)\nOKX_SECRET_KEY=\(Self.okxSecret)\n")
        let section = ScanSection(result: ScanResult(findings: findings), rules: [], rulesHash: "h", durationSeconds: 0,
                                  redactor: Redactor())
        let json = try JSONReportWriter().write(ReportDocument(scan: section))
        #expect(json.contains("\"keyId\" : \"\(Self.okxKey)\""))
        #expect(!json.contains(Self.okxSecret))
    }

    @Test func aSecretWithNoKeyNearbyIsStillReported() throws {
        let findings = try scan("OKX_SECRET_KEY=\(Self.okxSecret)\n")
        #expect(findings.map(\.rule) == ["okx-secret-key"])
        #expect(findings.first?.keyId == nil)
    }

    @Test func partsFarApartAreSeparateFindings() throws {
        let filler = String(repeating: "\n", count: 20)
        let findings = try scan("OKX_API_KEY=\(Self.okxKey)\(filler)OKX_SECRET_KEY=\(Self.okxSecret)\n")
        #expect(findings.map(\.rule) == ["okx-api-key", "okx-secret-key"])
        #expect(findings.first?.keyId == Self.okxKey)
        #expect(findings.last?.keyId == nil)
    }

    @Test func twoSetsOfOneProviderInOneFileAreTwoFindings() throws {
        let secondKey = "7c1d4e9a-2b3f-4a6c-8d5e-0f1a2b3c4d5e"
        let secondSecret = "1B4E7A0D3F6C9B2E5A8D1C4F7B0E3A6D"
        let findings = try scan("""
        okx:
          api_key: "\(Self.okxKey)"
          secret_key: "\(Self.okxSecret)"

        okx_2:
          api_key: "\(secondKey)"
          secret_key: "\(secondSecret)"
        """, path: "config.yaml")
        #expect(findings.map(\.keyId) == [Self.okxKey, secondKey])
        #expect(findings.map(\.secret) == [Self.okxSecret, secondSecret])
    }

    @Test func providersAreNotMixed() throws {
        let findings = try scan("""
        OKX_API_KEY=\(Self.okxKey)
        KUCOIN_API_SECRET=c7e2a9f4-3b8d-4e1a-9f6c-2d5b8e1a4c7f
        """)
        #expect(findings.map(\.rule) == ["okx-api-key", "kucoin-secret-key"])
        #expect(findings.last?.keyId == nil)
    }

    @Test func anAWSSecretNextToItsAccessKeyIdCarriesTheIdAsKeyId() throws {
        let findings = try scan("AWS_ACCESS_KEY_ID=AKIAQWERTY7ABCD2EFGH\nAWS_SECRET_ACCESS_KEY=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\n")
        #expect(findings.map(\.rule) == ["aws-secret-access-key"])
        #expect(findings.first?.keyId == "AKIAQWERTY7ABCD2EFGH")
    }

    @Test func anAWSAccessKeyIdAloneIsItsOwnKeyId() throws {
        let findings = try scan("AWS_ACCESS_KEY_ID=AKIAQWERTY7ABCD2EFGH\n")
        #expect(findings.first?.keyId == "AKIAQWERTY7ABCD2EFGH")
    }

    @Test func aBareUUIDOrHexValueIsNotAFinding() throws {
        #expect(try scan("REQUEST_ID=\(Self.okxKey)\nCHECKSUM=\(Self.okxSecret)\n").isEmpty)
    }

    @Test func aSectionHeadingNamesTheProviderOfBareValuesBelowIt() throws {
        let findings = try scan("""
        const okxConfig = {
          apiKey: "\(Self.okxKey)",
          secretKey: "\(Self.okxSecret)",
          passphrase: "\(Self.okxPassphrase)",
        };
        """, path: "config.js")
        #expect(findings.count == 1)
        #expect(findings.first?.keyId == Self.okxKey)
    }

    @Test func theNearestProviderWinsWhenValuesLookAlike() throws {
        let findings = try scan("""
        gate:
          api_secret: "3e8b1d6f9a2c5e7b0d3f6a9c2e5b8d1f4a7c0e3b6d9f2a5c8e1b4d7f0a3c6e9b"
        bitget:
          secret_key: "7d2a9f4c1e8b5d3a6f0c9e2b7d4a1f8c5e3b0d6a9f2c7e4b1d8a5f3c0e6b9d2a"
        """, path: "config.yaml")
        #expect(findings.map(\.rule) == ["gate-secret-key", "bitget-secret-key"])
    }
}

/// One compiled built-in scanner for the detection suites: compiling the rules per test is slow.
enum SharedScanner {
    static let builtin = Result { try builtinScanner() }
}

@Suite struct MatchPreferenceTests {
    /// Comparing only overlapping matches keeps every decision of comparing all pairs: random
    /// sets of matches of rules that are catch-alls, override others or stand alone, on few
    /// distinct ranges so that overlaps, equal secrets and duplicates are common.
    @Test func overlappingPairsDecideAsAllPairsDid() {
        let rules = (0..<8).map { index in
            Rule(id: "r\(index)", description: "rule \(index)", severity: .high, pattern: "x", examples: [], negativeExamples: [],
                 overrides: index == 1 ? ["r2", "r5"] : index == 3 ? ["r1"] : [], catchAll: index >= 5, standalone: index == 4)
        }
        let preference = MatchPreference(rules: rules)
        var state: UInt64 = 11
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<3_000 {
            let matches = (0..<next(12) + 2).map { _ -> SecretMatch in
                let start = next(30), length = next(8) + 1
                return SecretMatch(ruleIndex: next(rules.count), match: start..<(start + length + next(3)), secret: start..<(start + length),
                                   entropy: 4, contextDistance: next(3) == 0 ? nil : next(4))
            }
            #expect(preference.preferred(matches) == Self.allPairsPreferred(matches, rules: rules))
        }
    }

    /// MatchPreference.preferred as it was, comparing every match with every other.
    static func allPairsPreferred(_ all: [SecretMatch], rules: [Rule]) -> [SecretMatch] {
        guard all.count > 1 else { return all }
        let isStandalone = rules.map(\.standalone), isGeneric = rules.map(\.catchAll), ids = rules.map(\.id)
        let overridden = rules.map { Set($0.overrides) }
        func rank(_ match: SecretMatch) -> (Int, Int) { (match.contextDistance ?? 0, match.ruleIndex) }
        let standalone = all.filter { isStandalone[$0.ruleIndex] }
        let matches = standalone.isEmpty ? all : all.filter { !isStandalone[$0.ruleIndex] }
        let specific = matches.filter { !isGeneric[$0.ruleIndex] }
        let kept = specific.filter { match in
            !specific.contains { other in
                other != match && other.secret.overlaps(match.secret) && overridden[other.ruleIndex].contains(ids[match.ruleIndex])
            }
        }
        let best = kept.filter { match in
            !kept.contains { other in other != match && other.secret == match.secret && rank(other) < rank(match) }
        }
        let generic = matches.filter { match in
            isGeneric[match.ruleIndex] && !specific.contains { $0.secret.overlaps(match.secret) }
                && !matches.contains { other in
                    other != match && isGeneric[other.ruleIndex] && other.secret == match.secret && other.ruleIndex < match.ruleIndex
                }
        }
        return (best + generic + standalone).sorted {
            ($0.match.lowerBound, $0.ruleIndex, $0.match.upperBound) < ($1.match.lowerBound, $1.ruleIndex, $1.match.upperBound)
        }
    }

    @Test func aCoinbaseKeyPEMIsReportedOnceByTheCoinbaseRuleWithItsKeyName() throws {
        let name = "organizations/1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b/apiKeys/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
        let text = """
        coinbase:
          api_key_name: "\(name)"
          api_private_key: |
            -----BEGIN EC PRIVATE KEY-----
            MHcCAQEEIP5Dk20Xolal9BUbf7di+fhthwcxEIH3QLFbCbTOkNCmoAoGCCqGSM49
            AwEHoUQDQgAE4AF+nAGoAoAHGSMB71TUCqKtoBl3jqbN7/56W/8CjFGIqvg6sgPT
            6eJyG+z1GGv1RboaQQr0UbGZESMZp5VIQQ==
            -----END EC PRIVATE KEY-----
        """
        let scanner = try SharedScanner.builtin.get()
        let findings = try scanner.findings(in: Array(text.utf8), worker: scanner.makeWorker()).map { $0.placed(at: "settings.yaml") }
        #expect(findings.map(\.rule) == ["coinbase-cdp-private-key"])
        #expect(findings.first?.line == 4)
        #expect(findings.first?.keyId == name)
    }
}
