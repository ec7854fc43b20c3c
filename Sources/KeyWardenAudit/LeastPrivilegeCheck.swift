import KeyWardenAccounts
import KeyWardenInventory
import KeyWardenPolicy
import KeyWardenReportModel
import KeyWardenSupport
/// A key may do no more than its app declares; withdraw and transfer need an explicit
/// declaration (an unmanaged key has none), and forbidden permissions are never allowed.
public struct LeastPrivilegeCheck: AuditCheck {
    public static let descriptor = CheckDescriptor(
        id: "least-privilege", severity: .critical,
        summary: "Key permissions exceed what the app declares, or withdraw/transfer is enabled without an explicit declaration.",
        remediation: "Create a new key with only the declared permissions and revoke this one (exchanges rarely narrow an "
            + "existing key), or declare the permission in the policy if the app truly needs it.")

    public init() {}

    public func evaluate(_ context: AuditContext) -> [AuditFinding] {
        context.liveKeys.compactMap { key in
            let apps = context.apps(claiming: key)
            let forbidden = context.requirements(for: key).forbiddenPermissions
            // Reading is never excess (every key can read something); an undeclared key is held
            // only to the rule that money-moving permissions need a declaration.
            let declared: Set<Permission> = apps.isEmpty
                ? [.read, .trade]
                : apps.reduce(into: Set<Permission>([.read])) { $0.formUnion($1.permissions) }
            let excess = key.permissions.subtracting(declared).union(key.permissions.intersection(forbidden))
            guard !excess.isEmpty else { return nil }
            var subject = apps.first.map { "key \(key.keyId) of app '\($0.name)'" } ?? "undeclared key \(key.keyId)"
            if key.thirdParty { subject += " (issued to a third-party app)" }
            var evidence = [Evidence("permissions", key.permissions.listed), Evidence("excess", excess.listed)]
            if !apps.isEmpty { evidence.append(Evidence("declared", declared.listed)) }
            if !forbidden.isEmpty { evidence.append(Evidence("forbidden", forbidden.listed)) }
            if !key.rawPermissions.isEmpty { evidence.append(Evidence("rawPermissions", key.rawPermissions.joined(separator: ", "))) }
            // The exchange's own rules say how much worse (or less bad) the excess is.
            let exchange = Exchanges.descriptor(for: key.provider)
            for name in key.rawPermissions.sorted() { if let note = exchange.permissionNotes[name] { evidence.append(Evidence("exchangeRule", note)) } }
            var severity: Severity = excess.contains(.withdraw) ? .critical : .high
            if excess.contains(.withdraw), case .previouslyUsed(let rule) = exchange.withdrawalDestinations {
                severity = .high
                evidence.append(Evidence("exchangeRule", rule))
            }
            if key.thirdParty { evidence.append(Evidence("issuedTo", "a third-party app connected to the account")) }
            return Self.descriptor.finding(
                "\(subject) holds \(excess.listed) beyond what the policy allows",
                severity: severity,
                app: apps.first?.name, key: key, evidence: evidence, location: context.location(of: key))
        }
    }
}
