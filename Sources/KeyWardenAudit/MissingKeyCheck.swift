import KeyWardenAccounts
import KeyWardenInventory
import KeyWardenReportModel
import KeyWardenSupport
/// Every declared app has a key on its account: a declaration without a key is stale, or the
/// key lives somewhere the policy does not say.
public struct MissingKeyCheck: AuditCheck {
    public static let descriptor = CheckDescriptor(
        id: "missing-key", severity: .info,
        summary: "A declared app has no active key on its account.",
        remediation: "Remove the app from the policy if it is retired, or correct its account, keyIds or labels.")

    public init() {}

    public func evaluate(_ context: AuditContext) -> [AuditFinding] {
        context.policy.apps.filter { context.liveKeys(of: $0).isEmpty }.map { app in
            let place = "\(app.provider.rawValue)/\(app.account)" + (app.subAccount.map { "/\($0)" } ?? "")
            let message = context.hasInventory(provider: app.provider, account: app.account)
                ? "app '\(app.name)' has no active key on \(place)"
                : "app '\(app.name)' has no key: no inventory of \(app.provider.rawValue)/\(app.account) was given"
            return Self.descriptor.finding(
                message, app: app.name, provider: app.provider, account: app.account,
                evidence: [Evidence("account", place), Evidence("keyIds", app.keyIds.isEmpty ? "none" : app.keyIds.joined(separator: ", ")),
                           Evidence("labels", app.labels.joined(separator: ", "))],
                location: app.location)
        }
    }
}
