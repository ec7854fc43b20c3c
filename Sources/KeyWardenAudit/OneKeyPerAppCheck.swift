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
        findings += sharedScopes(context)
        return findings
    }

    /// Keys of different apps scoped to the same part of an account (a Coinbase portfolio): each
    /// key acts on the same funds, so the apps share what either key can do.
    func sharedScopes(_ context: AuditContext) -> [AuditFinding] {
        var byScope: [String: [(key: KeyRecord, app: String)]] = [:]
        for key in context.liveKeys {
            guard let scope = Exchanges.descriptor(for: key.provider).keyScope?(key) else { continue }
            for app in context.apps(claiming: key) {
                byScope["\(key.provider.rawValue)/\(key.account)\u{0}\(scope)", default: []].append((key, app.name))
            }
        }
        return byScope.keys.sorted().compactMap { id in
            let members = byScope[id]!
            let apps = Set(members.map(\.app)).sorted()
            guard apps.count > 1 else { return nil }
            let first = members.map(\.key).min { $0.keyId < $1.keyId }!
            let scope = Exchanges.descriptor(for: first.provider).keyScope?(first) ?? ""
            let keyIds = Set(members.map(\.key.keyId)).sorted()
            return Self.descriptor.finding(
                "apps \(apps.joined(separator: ", ")) share \(first.provider.displayName) \(scope) through keys \(keyIds.joined(separator: ", "))",
                key: first, evidence: [Evidence("apps", apps.joined(separator: ", ")), Evidence("keyIds", keyIds.joined(separator: ", ")),
                                       Evidence("scope", scope)],
                location: context.inventoryLocation(of: first) ?? context.location(of: first))
        }
    }
}
