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

@Suite struct SavedReportTests {
    @Test func aSavedScanRendersToTheSameBytesAsTheLiveRun() throws {
        let live = ReviewFixtures.scanReview()
        let saved = try JSONReportWriter().write(live)
        let document = try SavedReport.parse(Data(saved.utf8), path: "scan.json")
        guard let section = document.scan, document.audit == nil else {
            Issue.record("not read as a scan")
            return
        }
        let replayed = ReportDocument(scan: section, generatedAt: ReviewFixtures.generatedAt)
        for format in ReportFormat.allCases where format.isReviewFormat {
            #expect(try format.writer().write(live) == (try format.writer().write(replayed)), "\(format)")
        }
        #expect(try TextReportWriter(colour: false).write(replayed) == (try TextReportWriter(colour: false).write(live)))
        #expect(try JSONOutput.encode(section) == saved)
    }

    @Test func aSavedAuditRendersAgainAsTextAndJSON() throws {
        let live = ReportDocument(audit: try ReviewFixtures.auditSection())
        let saved = try JSONReportWriter().write(live)
        let document = try SavedReport.parse(Data(saved.utf8), path: "audit.json")
        guard let audit = document.audit, document.scan == nil else {
            Issue.record("not read as an audit")
            return
        }
        #expect(try JSONReportWriter().write(document) == saved)
        let text = try TextReportWriter(colour: false).write(document)
        #expect(text.hasSuffix(TextReportWriter(colour: false).summaryLine(try #require(live.audit)) + "\n"))
        #expect(audit.keyAges == live.keyAges)
    }

    @Test func aCombinedReportRoundTripsInEveryFormat() throws {
        let live = try ReviewFixtures.combinedReview()
        let saved = try JSONReportWriter().write(live)
        var replayed = try SavedReport.parse(Data(saved.utf8), path: "both.json")
        #expect(replayed.scan != nil && replayed.audit != nil)
        replayed.generatedAt = live.generatedAt
        for format in ReportFormat.allCases {
            #expect(try format.writer().write(live) == (try format.writer().write(replayed)), "\(format)")
        }
    }

    @Test func anythingElseIsRefusedWithTheReason() {
        #expect(throws: SavedReport.LoadError.self) { try SavedReport.parse(Data("not json".utf8), path: "x.json") }
        do {
            _ = try SavedReport.parse(Data(#"{"tool": "keywarden", "findings": []}"#.utf8), path: "partial.json")
            Issue.record("a partial report was accepted")
        } catch {
            #expect(error.description.contains("partial.json") && error.description.contains("missing"))
        }
        #expect(throws: SavedReport.LoadError.self) { try SavedReport.parse(Data(#"{"runs": []}"#.utf8), path: "other.json") }
    }

    @Test func everyFormatIsByteIdenticalAcrossRuns() throws {
        for format in ReportFormat.allCases {
            let first = try format.writer().write(try ReviewFixtures.combinedReview())
            let second = try format.writer().write(try ReviewFixtures.combinedReview())
            #expect(first == second, "\(format)")
        }
    }

    @Test func savedAuditChartsTheKeysItsRotationFindingsName() throws {
        let document = try ReviewFixtures.auditSection()
        let ages = KeyAge.fromRotationFindings(document.findings + document.waived)
        #expect(!ages.isEmpty)
        #expect(ages.count == Set((document.findings + document.waived).filter { $0.check == "rotation-age" }.compactMap(\.keyId)).count)
    }
}
