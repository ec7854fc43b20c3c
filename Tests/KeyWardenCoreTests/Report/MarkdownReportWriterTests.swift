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

@Suite struct MarkdownReportWriterTests {
    @Test func opensWithACompactSummaryTable() throws {
        let text = try MarkdownReportWriter().write(try ReviewFixtures.combinedReview())
        #expect(text.hasPrefix("## keywarden: Key security review: audit and scan\n\n"))
        #expect(text.contains("| | Critical | High | Medium | Low | Info | Total |\n|---|---:|---:|---:|---:|---:|---:|\n"))
        #expect(text.contains("| Scan | 1 | 1 | 1 | 0 | 0 | **3** |\n"))
    }

    @Test func groupsFindingsByFile() throws {
        let text = try MarkdownReportWriter().write(ReviewFixtures.scanReview())
        #expect(text.contains("**`config/old.yaml`**\n\n- **HIGH** `slack-token` line 7: Slack token"))
        #expect(text.contains("### Findings by file\n\n> **Fix for every secret:** Revoke or rotate"))
        #expect(text.contains("**`src/app.py`**\n\n- **CRITICAL** `aws-secret-access-key` line 4"))
    }

    @Test func foldsLongGroupsIntoDetails() throws {
        let review = try ReviewFixtures.combinedReview()
        let text = try MarkdownReportWriter().write(review)
        let byFile = Dictionary(grouping: review.activeEntries.compactMap(\.path)) { $0 }.mapValues(\.count)
        let (policy, count) = try #require(byFile.max { $0.value < $1.value })
        #expect(policy.hasSuffix("Samples/policies/trading-desk.yaml") && count > MarkdownReportWriter.foldAbove)
        #expect(text.contains("<details><summary><code>\(policy)</code>: \(count) findings</summary>"))
        #expect(text.contains("<details><summary>Waived (2)</summary>"))
    }

    @Test func neutralisesMarkupAndRedactsSecrets() throws {
        let text = try MarkdownReportWriter().write(ReviewFixtures.scanReview())
        // Code spans show their content literally; outside them no tag survives.
        let outsideCode = text.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 0 }
        #expect(outsideCode.allSatisfy { !$0.element.contains("<script") })
        #expect(text.contains("`\(ReviewFixtures.hostilePath)`"))
        #expect(!text.contains(ReviewFixtures.awsSecret) && !text.contains(ReviewFixtures.awkwardSecret))
        #expect(text.contains("`\(Redactor().redact(ReviewFixtures.awsSecret))`"))
    }
}
