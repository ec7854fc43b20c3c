import Foundation
import Testing
@testable import KeyWardenCore

@Suite struct SavedReportTests {
    @Test func aSavedScanRendersToTheSameBytesAsTheLiveRun() throws {
        let saved = try JSONReportWriter().write(ReviewFixtures.scanReport(), redactor: Redactor())
        guard case let .scan(document) = try SavedReport.parse(Data(saved.utf8), path: "scan.json") else {
            Issue.record("not read as a scan")
            return
        }
        for format in ReportFormat.allCases where format.isReviewFormat {
            let live = try format.writer(generatedAt: ReviewFixtures.generatedAt).write(ReviewFixtures.scanReport(), redactor: Redactor())
            let replayed = try format.reviewWriter!.write(ReviewReport(scan: document, generatedAt: ReviewFixtures.generatedAt))
            #expect(live == replayed, "\(format)")
        }
        let text = try TextReportWriter(colour: false).write(ScanReport(document: document), redactor: Redactor(showSecrets: true))
        #expect(text == (try TextReportWriter(colour: false).write(ReviewFixtures.scanReport(), redactor: Redactor())))
        #expect(try JSONOutput.encode(document) == saved)
    }

    @Test func aSavedAuditRendersAgainAsTextAndJSON() throws {
        let live = try ReviewFixtures.auditReport()
        let saved = try AuditJSONReportWriter().write(live)
        guard case let .audit(document) = try SavedReport.parse(Data(saved.utf8), path: "audit.json") else {
            Issue.record("not read as an audit")
            return
        }
        #expect(try AuditJSONReportWriter().write(AuditReport(document: document)) == saved)
        let text = try AuditTextReportWriter(colour: false).write(AuditReport(document: document))
        #expect(text.hasSuffix(try AuditTextReportWriter(colour: false).summaryLine(live) + "\n"))
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
        for format in ReportFormat.allCases where format.isReviewFormat {
            let first = try format.reviewWriter!.write(try ReviewFixtures.combinedReview())
            let second = try format.reviewWriter!.write(try ReviewFixtures.combinedReview())
            #expect(first == second, "\(format)")
        }
    }

    @Test func savedAuditChartsTheKeysItsRotationFindingsName() throws {
        let document = AuditReportDocument(try ReviewFixtures.auditReport())
        let ages = KeyAge.fromRotationFindings(document)
        #expect(!ages.isEmpty)
        #expect(ages.count == Set((document.findings + document.waived).filter { $0.check == "rotation-age" }.compactMap(\.keyId)).count)
    }
}
