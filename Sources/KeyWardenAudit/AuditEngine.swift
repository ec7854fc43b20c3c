import Foundation
import KeyWardenPolicy

/// Runs the catalogue against a policy and inventory, then applies the waivers: a finding a
/// waiver in force covers is moved aside, not dropped; an expired waiver hides nothing.
public enum AuditEngine {
    public static func run(_ context: AuditContext, checks: [any AuditCheck] = AuditCatalogue.checks) -> AuditResult {
        var reported: [AuditFinding] = []
        var waived: [WaivedFinding] = []
        for finding in checks.flatMap({ $0.evaluate(context) }) {
            if let waiver = waiver(covering: finding, in: context.policy, at: context.now) {
                waived.append(WaivedFinding(finding: finding, waiver: waiver))
            } else {
                reported.append(finding)
            }
        }
        return AuditResult(findings: reported.sorted(by: AuditFinding.reportOrder),
                           waived: waived.sorted { AuditFinding.reportOrder($0.finding, $1.finding) })
    }

    /// The first waiver in force for the finding's check whose target is the finding's app or key.
    static func waiver(covering finding: AuditFinding, in policy: Policy, at now: Date) -> Waiver? {
        guard finding.check != WaiverExpiredCheck.descriptor.id else { return nil }
        return policy.waivers.first { waiver in
            waiver.isActive(at: now) && waiver.check == finding.check
                && (waiver.target == finding.app || waiver.target == finding.keyId)
        }
    }
}
