import KeyWardenAccounts
import KeyWardenInventory
import KeyWardenReportModel
import KeyWardenSupport
/// A key not used for a long time is a key nobody needs, still able to do harm. Only
/// providers that report last use can be checked.
public struct UnusedKeyCheck: AuditCheck {
    public static let descriptor = CheckDescriptor(
        id: "unused-key", severity: .medium,
        summary: "Key not used for more than the allowed number of days (where the provider reports last use).",
        remediation: "Revoke the key if nothing needs it; otherwise confirm its owner and record why it is idle.")

    public init() {}

    public func evaluate(_ context: AuditContext) -> [AuditFinding] {
        context.liveKeys.compactMap { key in
            guard let lastUsed = key.lastUsed else { return nil }
            let limit = context.requirements(for: key).unusedKeyDays
            let idle = context.daysSince(lastUsed)
            guard idle > limit else { return nil }
            return Self.descriptor.finding(
                "key \(key.keyId) was last used \(idle) days ago (on \(ISO8601Date.day(lastUsed))); the policy allows \(limit)",
                app: key.appName(in: context), key: key,
                evidence: [Evidence("lastUsed", ISO8601Date.day(lastUsed)), Evidence("idleDays", "\(idle)"),
                           Evidence("unusedKeyDays", "\(limit)")],
                location: context.location(of: key))
        }
    }
}
