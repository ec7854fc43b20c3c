import KeyWardenAccounts
import KeyWardenInventory
import KeyWardenReportModel
import KeyWardenSupport
/// One app, one key: an app with more active keys than it may have, or one key several apps
/// claim, blurs who uses what and makes revocation guesswork.
public struct OneKeyPerAppCheck: AuditCheck {
    public static let descriptor = CheckDescriptor(
        id: "one-key-per-app", severity: .medium,
        summary: "An app has more active keys than allowed (default 1), or one key serves several apps.",
        remediation: "Give each app its own key and revoke the extra keys; list each key under exactly one app.")

    public init() {}

    public func evaluate(_ context: AuditContext) -> [AuditFinding] {
        var findings: [AuditFinding] = []
        for app in context.policy.apps {
            let keys = context.liveKeys(of: app)
            guard keys.count > app.requirements.maxKeysPerApp else { continue }
            findings.append(Self.descriptor.finding(
                "app '\(app.name)' has \(keys.count) active keys; it may have \(app.requirements.maxKeysPerApp)",
                app: app.name, provider: app.provider, account: app.account,
                evidence: [Evidence("keyIds", keys.map(\.keyId).joined(separator: ", ")),
                           Evidence("maxKeysPerApp", "\(app.requirements.maxKeysPerApp)")],
                location: app.location))
        }
        for key in context.liveKeys {
            let apps = context.apps(claiming: key)
            guard apps.count > 1 else { continue }
            let names = apps.map(\.name).joined(separator: ", ")
            findings.append(Self.descriptor.finding(
                "key \(key.keyId) serves \(apps.count) apps: \(names)", key: key,
                evidence: [Evidence("apps", names)], location: context.inventoryLocation(of: key) ?? apps[0].location))
        }
        return findings
    }
}
