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
import Testing

@Suite struct AuditReportWriterTests {
    func sampleReport() throws -> ReportDocument { ReportDocument(audit: try ReviewFixtures.auditSection()) }

    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func jsonCarriesEveryFindingFieldAndWaivedApart() throws {
        let report = try sampleReport()
        let document = try object(try JSONReportWriter().write(report))
        let findings = try #require(document["findings"] as? [[String: Any]])
        let waived = try #require(document["waived"] as? [[String: Any]])
        #expect(findings.count == report.audit?.findings.count)
        #expect(waived.count == 2)
        let leaked = try #require(findings.first)
        #expect(leaked["check"] as? String == "leaked-live-key")
        #expect(leaked["severity"] as? String == "critical")
        #expect(leaked["app"] as? String == "grid-bot")
        #expect(leaked["keyId"] as? String == "0f8e2c4a-6b1d-4e3f-9a7c-5d2b8e1f4a60")
        #expect((leaked["remediation"] as? String)?.isEmpty == false)
        #expect((leaked["evidence"] as? [String: String])?["leakedAt"] == "Samples/trading-bot/deploy/okx.env:4")
        #expect((waived.first?["waiver"] as? [String: Any])?["owner"] != nil)
        #expect(document["now"] as? String == "2026-11-20T00:00:00Z")
    }

    @Test func outputIsByteIdenticalAcrossRuns() throws {
        for format in ReportFormat.allCases {
            let first = try format.writer().write(try sampleReport())
            let second = try format.writer().write(try sampleReport())
            #expect(first == second, "\(format)")
        }
    }

    @Test func sarifIsVersion210WithEveryCheckAsARule() throws {
        let log = try object(try SARIFReportWriter().write(try sampleReport()))
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == AuditCatalogue.ids)
        let results = try #require(run["results"] as? [[String: Any]])
        let ruleIds = Set(AuditCatalogue.ids)
        for result in results {
            let ruleId = try #require(result["ruleId"] as? String)
            #expect(ruleIds.contains(ruleId))
            #expect(rules[try #require(result["ruleIndex"] as? Int)]["id"] as? String == ruleId)
            #expect(["error", "warning", "note", "none"].contains(result["level"] as? String ?? ""))
            #expect((result["message"] as? [String: Any])?["text"] as? String != nil)
            for location in result["locations"] as? [[String: Any]] ?? [] {
                let region = try #require((location["physicalLocation"] as? [String: Any])?["region"] as? [String: Int])
                #expect(region["startLine"]! >= 1 && region["startColumn"]! >= 1)
            }
        }
    }

    @Test func sarifMarksWaivedFindingsAsAcceptedSuppressions() throws {
        let report = try sampleReport()
        let log = try object(try SARIFReportWriter().write(report))
        let results = try #require(((log["runs"] as? [[String: Any]])?.first)?["results"] as? [[String: Any]])
        let suppressed = results.filter { $0["suppressions"] != nil }
        let audit = try #require(report.audit)
        #expect(results.count == audit.findings.count + audit.waived.count)
        #expect(suppressed.count == audit.waived.count)
        let suppression = try #require((suppressed.first?["suppressions"] as? [[String: String]])?.first)
        #expect(suppression["kind"] == "external")
        #expect(suppression["status"] == "accepted")
    }

    @Test func textShowsEvidenceFixAndWaivedSection() throws {
        let text = try TextReportWriter(colour: false).write(try sampleReport())
        #expect(text.hasPrefix("CRITICAL leaked-live-key  app grid-bot  key 0f8e2c4a-6b1d-4e3f-9a7c-5d2b8e1f4a60  okx/main\n"))
        #expect(text.contains("  leakedAt: Samples/trading-bot/deploy/okx.env:4\n"))
        #expect(text.contains("  fix: Revoke the key at the exchange now"))
        #expect(text.contains("Waived (2):\n"))
        #expect(text.hasSuffix("20 findings (2 critical, 8 high, 6 medium, 3 low, 1 info), 2 waived; 9 keys in 4 inventories against Samples/policies/trading-desk.yaml\n"))
    }

    @Test func cleanAuditSaysSo() throws {
        let context = auditContext(keys: [keyRecord()])
        let report = ReportDocument(audit: AuditSection(result: AuditEngine.run(context), context: context, policyFile: "p.yaml",
                                                        inventories: [], pinnedNow: nil))
        #expect(try TextReportWriter(colour: false).write(report) == "no policy violations, 0 waived; 0 keys in 0 inventories against p.yaml\n")
    }
}
