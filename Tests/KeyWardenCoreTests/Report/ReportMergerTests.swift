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

@Suite struct ReportMergerTests {
    /// A scan document holding only the fixture findings at the given indices, as a shard would.
    func shard(_ indices: [Int], files: Int) -> ScanSection {
        var document = ReviewFixtures.scanSection()
        document.findings = indices.map { document.findings[$0] }
        document.summary.findings = document.findings.count
        document.summary.filesScanned = files
        return document
    }

    @Test func twoScanShardsMergeIntoTheirUnionWithoutDuplicates() throws {
        let merged = try #require(ReportMerger.merge(scans: [shard([0, 1], files: 5), shard([1, 2], files: 7)]))
        let all = ReviewFixtures.scanSection()
        #expect(merged.findings.map(\.fingerprint) == all.findings.map(\.fingerprint))
        #expect(merged.summary.findings == 3)
        #expect(merged.summary.filesScanned == 12)
        #expect(merged.summary.bySeverity["critical"] == 1 && merged.summary.bySeverity["medium"] == 1)
    }

    @Test func theSameSecretInTwoFilesStaysTwoFindings() throws {
        var moved = ReviewFixtures.scanSection().findings[0]
        moved.path = "src/copy.py"
        var other = shard([0], files: 1)
        other.findings = [moved]
        let merged = try #require(ReportMerger.merge(scans: [shard([0], files: 1), other]))
        #expect(merged.findings.count == 2)
        #expect(Set(merged.findings.map(\.fingerprint)).count == 1)
    }

    @Test func mergingIsIndependentOfShardOrder() throws {
        let a = shard([2, 0], files: 3), b = shard([1], files: 4)
        let forward = try JSONOutput.encode(try #require(ReportMerger.merge(scans: [a, b])))
        let backward = try JSONOutput.encode(try #require(ReportMerger.merge(scans: [b, a])))
        #expect(forward == backward)
    }

    @Test func auditReportsMergeByCheckTargetAndKey() throws {
        let whole = try ReviewFixtures.auditSection()
        var first = whole, second = whole
        first.findings = Array(whole.findings.prefix(whole.findings.count / 2 + 1))
        second.findings = Array(whole.findings.suffix(whole.findings.count / 2 + 1))
        let merged = try #require(ReportMerger.merge(audits: [first, second]))
        #expect(merged.findings.map(\.fingerprint) == whole.findings.map(\.fingerprint))
        #expect(merged.waived.count == whole.waived.count)
        #expect(merged.summary.findings == whole.summary.findings && merged.summary.bySeverity == whole.summary.bySeverity)
        #expect(merged.inventories.count == whole.inventories.count)
    }
}
