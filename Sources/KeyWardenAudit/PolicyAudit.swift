import Foundation
import KeyWardenInventory
import KeyWardenPolicy
import KeyWardenReportModel

/// An audit end to end: every check of the catalogue on the inventories' keys, with the key ids a
/// scan found, assembled into the report's audit section. The command line only gathers inputs.
public enum PolicyAudit {
    /// What a policy may name: the catalogue's checks and the exchanges' permission names.
    public static let vocabulary = PolicyVocabulary(knownChecks: AuditCatalogue.ids, permissions: Exchanges.permissionVocabulary)

    /// `now` is the clock ages and expiries are measured against; `pinnedNow` is recorded in the
    /// report only when the user pinned it (`--now`), so output stays reproducible.
    public static func run(policy: Policy, policyFile: String, inventories: [InventorySnapshotFile], scan: ScanSection?,
                           now: Date, pinnedNow: Date?) -> AuditSection {
        let context = AuditContext(policy: policy, inventories: inventories, leaks: LeakedKeyReference.references(in: scan), now: now)
        return AuditSection(result: AuditEngine.run(context), context: context, policyFile: policyFile, inventories: inventories,
                            pinnedNow: pinnedNow)
    }
}
