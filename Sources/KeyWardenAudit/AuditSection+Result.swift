import Foundation
import KeyWardenAccounts
import KeyWardenInventory
import KeyWardenPolicy
import KeyWardenReportModel
import KeyWardenSupport

extension AuditSection {
    /// The report section of an audit: its findings and waived findings in report order, the
    /// inventories it read, the catalogue of checks and every live key's age.
    public init(result: AuditResult, context: AuditContext, policyFile: String, inventories: [InventorySnapshotFile],
                pinnedNow: Date?, checks: [CheckDescriptor] = AuditCatalogue.descriptors, toolVersion: String = KeyWarden.version) {
        let records = inventories.map {
            InventoryRecord(path: $0.path, provider: $0.snapshot.provider.rawValue, account: $0.snapshot.account,
                            fetchedAt: ISO8601Date.format($0.snapshot.fetchedAt), keys: $0.snapshot.keys.count)
        }.sorted { ($0.provider, $0.account, $0.path) < ($1.provider, $1.account, $1.path) }
        self.init(version: toolVersion, policy: policyFile, now: pinnedNow.map(ISO8601Date.format), inventories: records,
                  findings: result.findings.map { Self.record($0, waiver: nil) },
                  waived: result.waived.map { Self.record($0.finding, waiver: $0.waiver) },
                  checks: checks.map(RuleDescriptor.init(check:)), keyAges: KeyAge.survey(context))
    }

    static func record(_ finding: AuditFinding, waiver: Waiver?) -> FindingRecord {
        FindingRecord(check: finding.check, severity: finding.severity, app: finding.app, provider: finding.provider?.rawValue,
                      account: finding.account, keyId: finding.keyId, message: finding.message, remediation: finding.remediation,
                      evidence: finding.evidence, path: finding.location?.file, line: finding.location?.line,
                      column: finding.location?.column, fingerprint: fingerprint(finding),
                      waiver: waiver.map {
                          WaiverRecord(check: $0.check, target: $0.target, owner: $0.owner, reason: $0.reason,
                                       expires: ISO8601Date.day($0.expires), path: $0.location.file, line: $0.location.line,
                                       column: $0.location.column)
                      })
    }

    /// Stable identity of a finding across runs: check, place and subject, never dates or counts.
    /// Unkeyed: it holds no secret, and waivers and merged reports compare it across machines.
    static func fingerprint(_ finding: AuditFinding) -> String {
        Fingerprint.plain(rule: finding.check, secret: [finding.provider?.rawValue ?? "", finding.account ?? "", finding.app ?? "",
                                                     finding.keyId ?? "", finding.location?.file ?? ""].joined(separator: "\u{0}"))
    }
}

extension RuleDescriptor {
    /// How reports describe a check: Docs/policy.md documents them all.
    public init(check: CheckDescriptor) {
        self.init(id: check.id, severity: check.severity, description: check.summary, remediation: check.remediation,
                  references: [KeyWarden.informationURI + "/blob/main/Docs/policy.md"])
    }
}

extension KeyAge {
    /// Every live key with a creation date, measured against its app's requirements (or the
    /// policy defaults for a key no app declares).
    public static func survey(_ context: AuditContext) -> [KeyAge] {
        context.liveKeys.compactMap { key in
            guard let created = key.created else { return nil }
            let requirements = context.requirements(for: key)
            return KeyAge(provider: key.provider.rawValue, account: key.account, keyId: key.keyId, app: key.appName(in: context),
                          ageDays: context.daysSince(created), maxAgeDays: requirements.maxKeyAgeDays,
                          warningDays: requirements.warningDays)
        }.sorted(by: chartOrder)
    }
}
