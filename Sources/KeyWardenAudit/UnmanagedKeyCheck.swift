import KeyWardenAccounts
import KeyWardenInventory
import KeyWardenPolicy
import KeyWardenReportModel
import KeyWardenSupport
/// Every active key on an audited account is declared by some app; an undeclared key is one
/// nobody answers for.
public struct UnmanagedKeyCheck: AuditCheck {
    public static let descriptor = CheckDescriptor(
        id: "unmanaged-key", severity: .high,
        summary: "A key on the account that no app in the policy declares.",
        remediation: "Find out who uses the key: declare it under its app (keyIds or labels), or revoke it.")

    public init() {}

    public func evaluate(_ context: AuditContext) -> [AuditFinding] {
        context.liveKeys.filter { context.apps(claiming: $0).isEmpty }.map { key in
            var evidence = [Evidence("label", key.label ?? "none"), Evidence("permissions", key.permissions.listed)]
            if let subAccount = key.subAccount { evidence.append(Evidence("subAccount", subAccount)) }
            return Self.descriptor.finding(
                "key \(key.keyId) (\(key.label.map { "label '\($0)'" } ?? "no label")) on \(key.provider.rawValue)/\(key.account) "
                    + "is not declared by any app",
                key: key, evidence: evidence, location: context.inventoryLocation(of: key))
        }
    }
}
