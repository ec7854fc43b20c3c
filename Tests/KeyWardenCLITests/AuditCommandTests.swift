import Foundation
import KeyWardenTestSupport
import Testing

/// `keywarden lint`, `schema` and `audit` end to end: the built binary, real files, exit codes.
@Suite struct AuditCommandTests {
    static let root = PackagePaths.root
    static let samplesWithoutFindings = ["--policy", "Samples/policies/trading-desk.yaml", "--now", "2026-11-20T00:00:00Z",
                                         "--inventory", "Samples/inventory/okx-main.json", "Samples/inventory/binance-main.json",
                                         "Samples/inventory/bybit-main.json", "Samples/inventory/gate-main.json"]
    static let samples = samplesWithoutFindings + ["--findings", "Samples/findings/scan-findings.json"]

    /// Runs the binary in the package root.
    func keywarden(_ arguments: [String]) throws -> CLIHarness.Outcome {
        try CLIHarness.run(arguments)
    }


    func write(_ text: String, to path: String) throws -> String {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let cleanPolicy = """
    version: 1
    apps:
      - name: bot
        owner: desk@example.com
        provider: okx
        account: main
        permissions: [read, trade]
        ipNetworks: [203.0.113.0/24]
    """

    static let cleanInventory = """
    {"provider": "okx", "account": "main", "fetchedAt": "2026-11-19T23:00:00Z",
     "keys": [{"keyId": "k1", "label": "bot", "permissions": ["read", "trade"], "ips": ["203.0.113.5"],
               "created": "2026-11-01T00:00:00Z"}]}
    """

    // MARK: audit

    @Test func samplesDemoExitsOneAndReportsEveryCheck() throws {
        let outcome = try keywarden(["audit"] + Self.samples + ["--format", "json"])
        #expect(outcome.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let checks = Set((document["findings"] as? [[String: Any]] ?? []).compactMap { $0["check"] as? String })
        #expect(checks == ["least-privilege", "rotation-age", "ip-whitelist", "one-key-per-app", "unmanaged-key", "missing-key",
                           "unused-key", "expiring-key", "leaked-live-key", "waiver-expired"])
        #expect((document["waived"] as? [Any])?.count == 2)
    }

    @Test func cleanAuditExitsZero() throws {
        let scratch = try TemporaryDirectory()
        defer { withExtendedLifetime(scratch) {} }  // removed when the test ends, not before
        let directory = scratch.path
        let policy = try write(Self.cleanPolicy, to: directory + "/policy.yaml")
        let inventory = try write(Self.cleanInventory, to: directory + "/okx.json")
        let outcome = try keywarden(["audit", "--policy", policy, "--inventory", inventory, "--now", "2026-11-20T00:00:00Z"])
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(outcome.stdout.hasPrefix("no policy violations"))
    }

    @Test func failOnChoosesTheThreshold() throws {
        let scratch = try TemporaryDirectory()
        defer { withExtendedLifetime(scratch) {} }  // removed when the test ends, not before
        let directory = scratch.path
        let policy = try write(Self.cleanPolicy, to: directory + "/policy.yaml")
        // Due for rotation in 9 days: one low finding.
        let inventory = try write(Self.cleanInventory.replacingOccurrences(of: "2026-11-01", with: "2026-08-30"), to: directory + "/okx.json")
        let base = ["audit", "--policy", policy, "--inventory", inventory, "--now", "2026-11-20T00:00:00Z"]
        #expect(try keywarden(base).status == 1)
        #expect(try keywarden(base + ["--fail-on", "medium"]).status == 0)
        #expect(try keywarden(base + ["--fail-on", "none"]).status == 0)
    }

    @Test func unreadableInventoryExitsThree() throws {
        let outcome = try keywarden(["audit", "--policy", "Samples/policies/trading-desk.yaml", "--inventory", "/nonexistent/okx.json"])
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("cannot use inventory /nonexistent/okx.json"))
    }

    @Test func unparsableInventoryExitsThreeWithItsLocation() throws {
        let scratch = try TemporaryDirectory()
        defer { withExtendedLifetime(scratch) {} }  // removed when the test ends, not before
        let directory = scratch.path
        let inventory = try write("{\"provider\": \"okx\", \"account\": \"main\",\n \"keys\": [}", to: directory + "/broken.json")
        let outcome = try keywarden(["audit", "--policy", "Samples/policies/trading-desk.yaml", "--inventory", inventory])
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("\(inventory):2:"))
    }

    @Test func unreadableFindingsFileExitsThree() throws {
        let scratch = try TemporaryDirectory()
        defer { withExtendedLifetime(scratch) {} }  // removed when the test ends, not before
        let directory = scratch.path
        let findings = try write("not json", to: directory + "/scan.json")
        let outcome = try keywarden(["audit"] + Self.samplesWithoutFindings + ["--findings", findings])
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("cannot use scan findings"))
    }

    @Test func policyWithErrorsExitsTwoWithLocations() throws {
        let scratch = try TemporaryDirectory()
        defer { withExtendedLifetime(scratch) {} }  // removed when the test ends, not before
        let directory = scratch.path
        let policy = try write(Self.cleanPolicy.replacingOccurrences(of: "    owner: desk@example.com\n", with: ""), to: directory + "/policy.yaml")
        let inventory = try write(Self.cleanInventory, to: directory + "/okx.json")
        let outcome = try keywarden(["audit", "--policy", policy, "--inventory", inventory])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("\(policy):3:5: error: app 'bot' is missing required key 'owner'"))
    }

    @Test func missingInventoryFlagIsAUsageError() throws {
        #expect(try keywarden(["audit", "--policy", "Samples/policies/trading-desk.yaml"]).status == 2)
    }

    @Test func reportGoesToTheOutputFileInSARIF() throws {
        let scratch = try TemporaryDirectory()
        defer { withExtendedLifetime(scratch) {} }  // removed when the test ends, not before
        let directory = scratch.path
        let outcome = try keywarden(["audit"] + Self.samples + ["--format", "sarif", "--output", directory + "/audit.sarif"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/audit.sarif"))) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
    }

    // MARK: lint and schema

    @Test func lintCleanPolicyExitsZero() throws {
        let outcome = try keywarden(["lint", "Rules/policies/strict-default.yaml", "Rules/policies/trading-bot.yaml", "--now", "2026-11-20"])
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(outcome.stdout.isEmpty)
    }

    @Test func lintErrorsExitTwoWithFileLineColumn() throws {
        let scratch = try TemporaryDirectory()
        defer { withExtendedLifetime(scratch) {} }  // removed when the test ends, not before
        let directory = scratch.path
        let policy = try write(Self.cleanPolicy.replacingOccurrences(of: "203.0.113.0/24", with: "203.0.113.0/40"), to: directory + "/p.yaml")
        let outcome = try keywarden(["lint", policy])
        #expect(outcome.status == 2)
        #expect(outcome.stdout == "\(policy):8:18: error: invalid CIDR '203.0.113.0/40': expected an IPv4 or IPv6 address with an optional /prefix\n")
    }

    @Test func lintWarningsFailOnlyWithStrict() throws {
        let scratch = try TemporaryDirectory()
        defer { withExtendedLifetime(scratch) {} }  // removed when the test ends, not before
        let directory = scratch.path
        let policy = try write(Self.cleanPolicy.replacingOccurrences(of: "203.0.113.0/24", with: "0.0.0.0/0"), to: directory + "/p.yaml")
        let relaxed = try keywarden(["lint", policy])
        #expect(relaxed.status == 0)
        #expect(relaxed.stdout.contains("warning: '0.0.0.0/0' allows every address"))
        #expect(try keywarden(["lint", "--strict", policy]).status == 2)
    }

    @Test func lintChecksRulePacksToo() throws {
        let scratch = try TemporaryDirectory()
        defer { withExtendedLifetime(scratch) {} }  // removed when the test ends, not before
        let directory = scratch.path
        let pack = try write("rules:\n  - id: x\n    description: d\n    severity: hgh\n    pattern: 'a'\n    examples: [a]\n    negativeExamples: [b]\n",
                             to: directory + "/pack.yaml")
        let outcome = try keywarden(["lint", pack])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.hasPrefix("\(pack):4:15: error: 'hgh' is not one of"))
        #expect(try keywarden(["lint", "Rules/secrets/tokens.yaml"]).status == 0)
    }

    @Test func schemaPolicyPrintsAJSONSchema() throws {
        let outcome = try keywarden(["schema", "policy"])
        #expect(outcome.status == 0)
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    }
}
