import Foundation
import KeyWardenTestSupport
import Testing

/// The detection catalogue through the real binary: what a CI job reading `--format json` sees.
@Suite struct DetectionCatalogueCLITests {
    @Test func aCombinedOKXCredentialInADotEnvIsOneJSONFindingWithItsKeyId() throws {
        let directory = TestRunDirectories.path("keywarden-detection-cli-")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try """
        OKX_API_KEY=3b9f2c1e-7a4d-4e8b-9c2f-5d6e7f8a9b0c
        OKX_SECRET_KEY=9F3A7C2E5B8D1F4A6C9E2B5D8F1A3C7E
        OKX_PASSPHRASE=Falcon!2231orchid
        """.write(toFile: directory + "/.env", atomically: true, encoding: .utf8)

        let outcome = try CLIHarness.run(["scan", directory, "--format", "json"])
        let (status, output) = (outcome.status, outcome.stdout)
        #expect(status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings.first?["keyId"] as? String == "3b9f2c1e-7a4d-4e8b-9c2f-5d6e7f8a9b0c")
        #expect(findings.first?["rule"] as? String == "okx-secret-key")
        #expect((findings.first?["parts"] as? [[String: Any]])?.count == 2)
        #expect(!output.contains("9F3A7C2E5B8D1F4A6C9E2B5D8F1A3C7E"))
        #expect(!output.contains("Falcon!2231orchid"))
    }
}
