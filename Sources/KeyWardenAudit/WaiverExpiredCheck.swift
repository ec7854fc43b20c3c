import KeyWardenAccounts
import KeyWardenInventory
import KeyWardenReportModel
import KeyWardenSupport
/// A waiver past its expiry date: it no longer hides its finding, and the exception needs a
/// decision (fix, or renew with a new date).
public struct WaiverExpiredCheck: AuditCheck {
    public static let descriptor = CheckDescriptor(
        id: "waiver-expired", severity: .high,
        summary: "A waiver is past its expiry date; the finding it hid is reported again.",
        remediation: "Fix what the waiver excused, or renew the waiver with a new expiry date after review.")

    public init() {}

    public func evaluate(_ context: AuditContext) -> [AuditFinding] {
        context.policy.waivers.filter { !$0.isActive(at: context.now) }.map { waiver in
            let isApp = context.policy.apps.contains { $0.name == waiver.target }
            let key = isApp ? nil : context.keys.first { $0.keyId == waiver.target }
            return AuditFinding(
                check: Self.descriptor.id, severity: Self.descriptor.severity, app: isApp ? waiver.target : key?.appName(in: context),
                provider: key?.provider, account: key?.account, keyId: isApp ? nil : waiver.target,
                message: "waiver of \(waiver.check) for \(waiver.target) expired on \(ISO8601Date.day(waiver.expires))",
                remediation: Self.descriptor.remediation,
                evidence: [Evidence("check", waiver.check), Evidence("expires", ISO8601Date.day(waiver.expires)),
                           Evidence("owner", waiver.owner), Evidence("reason", waiver.reason)],
                location: waiver.location)
        }
    }
}
