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

@Suite struct HTMLReportWriterTests {
    func html(_ report: ReportDocument) throws -> String { try HTMLReportWriter().write(report) }

    @Test func isOneSelfContainedFileThatFetchesNothing() throws {
        let page = try html(try ReviewFixtures.combinedReview())
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<style>") && page.contains("<script>"))
        for external in ["<link", " src=", "url(", "@import", "<iframe", "<img"] { #expect(!page.contains(external), "\(external)") }
        // The only URL is the SVG namespace, which is a name, not a fetch.
        #expect(!page.contains("https:"))
        let urls = page.components(separatedBy: "http:").dropFirst().map { String($0.prefix(22)) }
        #expect(urls.allSatisfy { $0.hasPrefix("//www.w3.org/2000/svg") }, "\(urls)")
        #expect(page.contains("Content-Security-Policy\" content=\"default-src 'none'"))
    }

    @Test func markupInAPathIsEscapedNotExecuted() throws {
        let page = try html(ReviewFixtures.scanReview())
        #expect(page.contains("web/&lt;script&gt;alert(1)&lt;/script&gt;.js"))
        #expect(!page.contains("<script>alert"))
        #expect(page.components(separatedBy: "<script").count == 2, "only the report's own script")
    }

    @Test func secretsAreRedacted() throws {
        let page = try html(ReviewFixtures.scanReview())
        #expect(!page.contains(ReviewFixtures.awkwardSecret) && !page.contains(MarkupEscaping.html(ReviewFixtures.awkwardSecret)))
        #expect(!page.contains("xoxb-2048-4096-Qw3rTy8UiOp1AsDfGhJk"))
        #expect(page.contains(Redactor().redact("xoxb-2048-4096-Qw3rTy8UiOp1AsDfGhJk")))
    }

    @Test func summarisesBySeverityAndByRule() throws {
        let page = try html(ReviewFixtures.scanReview())
        #expect(page.contains("<div class=\"card sev-critical\"><span class=\"count\">1</span><span class=\"name\">critical</span></div>"))
        #expect(page.contains("<div class=\"card sev-low zero\"><span class=\"count\">0</span>"))
        #expect(page.contains("<h2>Summary by rule</h2>"))
        #expect(page.contains("<td><code>slack-token</code></td><td><span class=\"pill sev-high\">high</span></td>"))
    }

    @Test func everyFindingCarriesItsRemediation() throws {
        let review = try ReviewFixtures.combinedReview()
        let page = try html(review)
        #expect(page.components(separatedBy: "<div class=\"fix\">").count - 1 == review.activeEntries.count)
        #expect(page.contains("Revoke the key at the exchange now"))
    }

    @Test func findingsTableIsSortableAndFilterable() throws {
        let page = try html(ReviewFixtures.scanReview())
        #expect(page.contains("<table id=\"findings\""))
        #expect(page.contains("<input id=\"filter\" type=\"search\""))
        #expect(page.contains("th data-sort=\"num\""))
        #expect(page.components(separatedBy: "<tr data-severity=").count - 1 == 3)
    }

    @Test func auditChartsEachKeysAgeAgainstItsPolicyMaximum() throws {
        let review = try ReviewFixtures.combinedReview()
        let page = try html(review)
        #expect(!review.keyAges.isEmpty)
        #expect(page.contains("<svg class=\"chart\""))
        #expect(page.components(separatedBy: "<g class=\"row ").count - 1 == review.keyAges.count)
        #expect(review.keyAges.contains { $0.isOverdue })
        #expect(page.contains("<g class=\"row overdue\">"))
    }

    @Test func showsTheMetadataAReviewerChecks() throws {
        let review = try ReviewFixtures.combinedReview()
        let page = try html(review)
        #expect(page.contains("<dt>Tool</dt><dd>keywarden \(KeyWarden.version)</dd>"))
        #expect(page.contains("<dt>Generated</dt><dd>2026-11-20T00:00:00Z</dd>"))
        #expect(page.contains("<dt>Policy file</dt><dd>Samples/policies/trading-desk.yaml</dd>"))
        #expect(page.contains("<dt>Rules hash</dt><dd>\(ReviewFixtures.scanSection().rulesHash)</dd>"))
        let fetchedAt = try #require(review.audit?.inventories.first?.fetchedAt)
        #expect(page.contains("fetched \(fetchedAt)"))
    }

    @Test func auditEmbedsItsScanCrossReference() throws {
        let page = try html(try ReviewFixtures.combinedReview())
        #expect(page.contains("<h1>Key security review: audit and scan</h1>"))
        #expect(page.contains("<div class=\"path\">src/app.py:4:9</div>"))
        #expect(page.contains("<code>leaked-live-key</code>"))
    }

    @Test func waivedFindingsAreListedApart() throws {
        let page = try html(try ReviewFixtures.combinedReview())
        #expect(page.contains("<h2>Waived (2)</h2>"))
    }
}
