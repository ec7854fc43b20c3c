import KeyWardenAccounts
import KeyWardenInventory
import KeyWardenReportModel
import KeyWardenSupport
/// The worst finding there is: a key id the scanner found in code belongs to a key that is
/// still active on the account.
public struct LeakedLiveKeyCheck: AuditCheck {
    public static let descriptor = CheckDescriptor(
        id: "leaked-live-key", severity: .critical,
        summary: "A key id found by the scanner is present and active on the account.",
        remediation: "Revoke the key at the exchange now, create a replacement, then remove the secret from the code "
            + "and its history.")

    public init() {}

    public func evaluate(_ context: AuditContext) -> [AuditFinding] {
        context.leaks.flatMap { leak in
            context.liveKeys.filter { $0.keyId == leak.keyId }.map { key in
                Self.descriptor.finding(
                    "key \(key.keyId) leaked at \(leak.path):\(leak.line) is active on \(key.provider.rawValue)/\(key.account)",
                    app: key.appName(in: context), key: key,
                    evidence: [Evidence("leakedAt", "\(leak.path):\(leak.line)"), Evidence("rule", leak.rule),
                               Evidence("fingerprint", String(leak.fingerprint.prefix(16))), Evidence("status", key.status.rawValue)],
                    location: SourceLocation(file: leak.path, line: leak.line, column: 1))
            }
        }
    }
}
