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

/// The Samples demo: `keywarden audit --policy Samples/policies/trading-desk.yaml
/// --inventory Samples/inventory/*.json --findings Samples/findings/scan-findings.json
/// --now 2026-11-20T00:00:00Z` shows every check of the catalogue.
@Suite struct SamplesAuditTests {
    static func sampleAudit() throws -> (AuditResult, [InventorySnapshotFile]) {
        let lint = PolicyLoader.lint(path: PackagePaths.root + "/Samples/policies/trading-desk.yaml", now: auditNow, vocabulary: PolicyAudit.vocabulary)
        #expect(lint.errors.isEmpty)
        let inventories = try ["okx-main", "binance-main", "bybit-main", "gate-main"].map {
            try InventorySnapshotFile.load(path: "\(PackagePaths.root)/Samples/inventory/\($0).json")
        }
        let leaks = try SampleFindings.leaks()
        return (AuditEngine.run(AuditContext(policy: lint.policy, inventories: inventories, leaks: leaks, now: auditNow)), inventories)
    }

    @Test func demoTriggersEveryCheck() throws {
        let (result, _) = try Self.sampleAudit()
        let reported = Set(result.findings.map(\.check))
        for id in AuditCatalogue.ids {
            #expect(reported.contains(id), "\(id) is not triggered by the Samples demo")
        }
    }

    @Test func demoWaivesSomeFindings() throws {
        let (result, _) = try Self.sampleAudit()
        #expect(Set(result.waived.map(\.finding.check)) == ["ip-whitelist", "expiring-key"])
    }

    @Test func demoExpiredWaiverBringsItsFindingBack() throws {
        let (result, _) = try Self.sampleAudit()
        let keyId = "9mI4ROnl89Sm995ytbxAk7jqevt0MLaMRTvetw0tESulEETldq8b8Vw2zbJYAxyL"
        #expect(result.findings.contains { $0.check == "rotation-age" && $0.keyId == keyId })
        #expect(result.findings.contains { $0.check == "waiver-expired" && $0.keyId == keyId })
    }

    @Test func demoLeakedKeyIsCriticalAndTheExpiredLeakedKeyIsNot() throws {
        let (result, _) = try Self.sampleAudit()
        let leaked = result.findings.filter { $0.check == "leaked-live-key" }
        #expect(leaked.map(\.keyId) == ["0f8e2c4a-6b1d-4e3f-9a7c-5d2b8e1f4a60"])
        #expect(leaked.map(\.severity) == [.critical])
    }
}
