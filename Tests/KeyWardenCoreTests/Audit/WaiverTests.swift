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

/// Waivers hide a finding until they expire; after that the finding returns with waiver-expired.
@Suite struct WaiverTests {
    let unboundKey = keyRecord(ips: [])

    func run(_ waivers: [Waiver], now: Date) -> AuditResult {
        AuditEngine.run(auditContext(keys: [unboundKey], waivers: waivers, now: now), checks: [IPWhitelistCheck(), WaiverExpiredCheck()])
    }

    @Test func waiverInForceMovesItsFindingToWaived() throws {
        let result = run([waiver("ip-whitelist", target: "bot", expires: "2027-01-15")], now: auditNow)
        #expect(result.findings.isEmpty)
        let waived = try #require(result.waived.first)
        #expect(waived.finding.check == "ip-whitelist")
        #expect(waived.waiver.target == "bot")
    }

    @Test func waiverCanTargetAKeyId() {
        let result = run([waiver("ip-whitelist", target: "k1", expires: "2027-01-15")], now: auditNow)
        #expect(result.findings.isEmpty)
        #expect(result.waived.count == 1)
    }

    @Test func waiverStillHidesOnTheDayBeforeItExpires() {
        let result = run([waiver("ip-whitelist", target: "bot", expires: "2027-01-15")], now: date("2027-01-14T23:59:59Z"))
        #expect(result.findings.isEmpty)
    }

    @Test func afterExpiryTheFindingReturnsWithWaiverExpired() {
        let result = run([waiver("ip-whitelist", target: "bot", expires: "2027-01-15")], now: date("2027-01-15T00:00:00Z"))
        #expect(result.findings.map(\.check) == ["ip-whitelist", "waiver-expired"])
        #expect(result.waived.isEmpty)
    }

    @Test func waiverForAnotherCheckHidesNothing() {
        let result = run([waiver("rotation-age", target: "bot", expires: "2027-01-15")], now: auditNow)
        #expect(result.findings.map(\.check) == ["ip-whitelist"])
    }

    @Test func waiverForAnotherAppHidesNothing() {
        let result = run([waiver("ip-whitelist", target: "other-bot", expires: "2027-01-15")], now: auditNow)
        #expect(result.findings.map(\.check) == ["ip-whitelist"])
    }

    @Test func waiverExpiredFindingsCannotBeWaived() {
        let waivers = [waiver("ip-whitelist", target: "bot", expires: "2026-11-01"),
                       waiver("waiver-expired", target: "bot", expires: "2027-01-15")]
        #expect(run(waivers, now: auditNow).findings.map(\.check).contains("waiver-expired"))
    }
}

@Suite struct AuditEngineTests {
    @Test func findingsAreSortedMostSevereFirst() {
        let keys = [keyRecord("k1", permissions: [.read, .withdraw], ips: []), keyRecord("k2", label: "stray")]
        let severities = AuditEngine.run(auditContext(keys: keys)).findings.map(\.severity)
        #expect(severities == severities.sorted(by: >))
        #expect(severities.first == .critical)
    }

    @Test func catalogueIdsAreTheDesignedOnesInOrder() {
        #expect(AuditCatalogue.ids == ["least-privilege", "rotation-age", "ip-whitelist", "one-key-per-app", "unmanaged-key",
                                       "missing-key", "unused-key", "expiring-key", "leaked-live-key", "waiver-expired"])
    }

    @Test func everyCheckDeclaresSummaryAndRemediation() {
        for descriptor in AuditCatalogue.descriptors {
            #expect(!descriptor.summary.isEmpty && descriptor.summary.hasSuffix("."), "\(descriptor.id)")
            #expect(!descriptor.remediation.isEmpty, "\(descriptor.id)")
        }
    }

    @Test func findingsCarryTheirCheckRemediation() {
        let result = AuditEngine.run(auditContext(keys: [keyRecord(ips: [])]))
        for finding in result.findings {
            #expect(finding.remediation == AuditCatalogue.descriptor(id: finding.check)?.remediation)
        }
    }
}

/// `audit --findings`: the key ids of a saved scan report, read through the one report reader.
@Suite struct ScanFindingsInputTests {
    /// A saved scan report holding `findings`, as `keywarden scan --format json` writes it.
    func savedScan(_ findings: [Finding]) throws -> String {
        let section = ScanSection(result: ScanResult(findings: findings, filesScanned: 1, bytesScanned: 10), rules: [],
                                  rulesHash: "h", durationSeconds: 0, redactor: Redactor())
        return try JSONReportWriter().write(ReportDocument(scan: section))
    }

    func leaks(_ json: String) throws -> [LeakedKeyReference] {
        LeakedKeyReference.references(in: try SavedReport.parse(Data(json.utf8), path: "scan.json").scan)
    }

    func finding(rule: String, path: String, line: Int, keyId: String?) -> Finding {
        Finding(rule: rule, description: rule, severity: .high, path: path, line: line, column: 1, endLine: line, endColumn: 20,
                secret: "secret-\(rule)", entropy: 4, keyId: keyId)
    }

    @Test func keyIdsAreReadFromAScanReport() throws {
        let okx = finding(rule: "okx-api-key", path: "deploy/okx.env", line: 3, keyId: "k1")
        let json = try savedScan([okx, finding(rule: "slack-token", path: "config.yaml", line: 5, keyId: nil)])
        #expect(try leaks(json) == [LeakedKeyReference(keyId: "k1", rule: "okx-api-key", path: "deploy/okx.env", line: 3,
                                                       fingerprint: okx.fingerprint)])
    }

    @Test func scanJSONWhoseKeyIdMatchesALiveKeyYieldsCriticalLeakedLiveKey() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("scan.json", try savedScan([finding(rule: "okx-api-key", path: "src/client.py", line: 12, keyId: "k1")]))
        let leaks = LeakedKeyReference.references(in: try SavedReport.load(path: path).scan)
        let result = AuditEngine.run(auditContext(keys: [keyRecord()], leaks: leaks))
        let finding = try #require(result.findings.first { $0.check == "leaked-live-key" })
        #expect(finding.severity == .critical)
        #expect(finding.message == "key k1 leaked at src/client.py:12 is active on okx/main")
    }

    @Test func reportWithoutFindingsArrayIsAnError() {
        #expect(throws: SavedReport.LoadError.self) { try SavedReport.parse(Data("{\"results\": []}".utf8), path: "s.json") }
    }

    @Test func notJSONIsAnError() {
        #expect(throws: SavedReport.LoadError.self) { try SavedReport.parse(Data("findings: []".utf8), path: "s.json") }
    }

    @Test func realScanReportRoundTrips() throws {
        let finding = Finding(rule: "okx-api-key", description: "OKX API key", severity: .high, path: "a.env", line: 2, column: 1,
                              endLine: 2, endColumn: 36, secret: "secret-value", entropy: 4, keyId: "k1")
        let leaks = try leaks(try savedScan([finding]))
        #expect(leaks.map(\.keyId) == ["k1"])
        #expect(leaks.first?.fingerprint == finding.fingerprint)
    }
}
