import KeyWardenInventory
import KeyWardenReportModel
import KeyWardenSupport
/// Keys are rotated before they reach the maximum age; a warning comes `warningDays` ahead.
public struct RotationAgeCheck: AuditCheck {
    public static let descriptor = CheckDescriptor(
        id: "rotation-age", severity: .high,
        summary: "Key is older than the maximum key age (a low-severity warning comes before it is due).",
        remediation: "Create a replacement key, deploy it to the app, then revoke the old key.")

    public init() {}

    public func evaluate(_ context: AuditContext) -> [AuditFinding] {
        context.liveKeys.compactMap { key in
            guard let created = key.created else { return nil }
            let requirements = context.requirements(for: key)
            let age = context.daysSince(created)
            let due = created.adding(days: requirements.maxKeyAgeDays)
            let evidence = [Evidence("created", ISO8601Date.day(created)), Evidence("ageDays", "\(age)"),
                            Evidence("maxKeyAgeDays", "\(requirements.maxKeyAgeDays)")]
            if age > requirements.maxKeyAgeDays {
                return Self.descriptor.finding(
                    "key \(key.keyId) is \(age) days old; the policy allows \(requirements.maxKeyAgeDays)",
                    app: key.appName(in: context), key: key, evidence: evidence, location: context.location(of: key))
            }
            if age >= requirements.maxKeyAgeDays - requirements.warningDays {
                return Self.descriptor.finding(
                    "key \(key.keyId) is due for rotation on \(ISO8601Date.day(due)) (\(age) of \(requirements.maxKeyAgeDays) days)",
                    severity: .low, app: key.appName(in: context), key: key, evidence: evidence, location: context.location(of: key))
            }
            return nil
        }
    }
}
