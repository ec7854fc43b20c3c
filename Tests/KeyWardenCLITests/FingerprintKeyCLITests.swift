import Foundation
import KeyWardenSupport
import KeyWardenTestSupport
import Testing

/// Fingerprints in reports cannot be used to guess a short secret offline.
@Suite struct FingerprintKeyCLITests {
    static let password = "Zq7x!m"

    func tree() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("app/config.yaml", "database:\n  password: \"\(Self.password)\"\n")
        return directory
    }

    func findings(_ outcome: CLIHarness.Outcome) throws -> [[String: Any]] { try CLIHarness.findings(outcome) }

    /// The unkeyed SHA-256 every fingerprint was before keys (pinned by FingerprintKeyTests).
    static func plainFingerprint(rule: String, secret: String) -> String { Fingerprint.plain(rule: rule, secret: secret) }

    @Test func aShortSecretShowsNoCharactersAndItsFingerprintIsKeyed() throws {
        let directory = try tree()
        let config = try TemporaryDirectory()
        let environment = ["KEYWARDEN_CONFIG_DIR": config.path]
        let first = try CLIHarness.run(["scan", directory.path, "--format", "json", "--now", "2026-01-01T00:00:00Z"], environment: environment)
        #expect(first.status == 1, "\(first.stderr)")
        let finding = try #require(try findings(first).first)
        let rule = try #require(finding["rule"] as? String)
        #expect(finding["secret"] as? String == "…(6 chars)")
        #expect(finding["fingerprint"] as? String != Self.plainFingerprint(rule: rule, secret: Self.password))
        let attributes = try FileManager.default.attributesOfItem(atPath: config.path + "/fingerprint-key")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let again = try CLIHarness.run(["scan", directory.path, "--format", "json", "--now", "2026-01-01T00:00:00Z"], environment: environment)
        #expect(again.stdout == first.stdout, "one installation gives the same bytes")
        let shared = ["KEYWARDEN_CONFIG_DIR": config.path, "KEYWARDEN_FINGERPRINT_KEY": "ci-secret-value"]
        let other = try CLIHarness.run(["scan", directory.path, "--format", "json"], environment: shared)
        #expect(try findings(other).first?["fingerprint"] as? String != finding["fingerprint"] as? String)
    }

    @Test func aBaselineWithOldPlainFingerprintsStillHidesItsFindings() throws {
        let directory = try tree()
        let probe = try CLIHarness.run(["scan", directory.path, "--format", "json"])
        let rule = try #require(try findings(probe).first?["rule"] as? String)
        let baseline = try directory.write("baseline.yaml", """
        findings:
          - fingerprint: "\(Self.plainFingerprint(rule: rule, secret: Self.password))"
            rule: "\(rule)"
            path: "app/config.yaml"
            note: "rotated"
        """)
        let outcome = try CLIHarness.run(["scan", directory.path + "/app", "--baseline", baseline, "--baseline-out", baseline])
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stderr.contains("1 unkeyed fingerprint"))
        let rewritten = try String(contentsOfFile: baseline, encoding: .utf8)
        #expect(!rewritten.contains(Self.plainFingerprint(rule: rule, secret: Self.password)))
        #expect(rewritten.contains("note: \"rotated\""))
        let after = try CLIHarness.run(["scan", directory.path + "/app", "--baseline", baseline])
        #expect(after.status == 0)
        #expect(!after.stderr.contains("unkeyed"))
    }
}
