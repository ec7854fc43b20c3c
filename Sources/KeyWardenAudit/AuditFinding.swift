import KeyWardenAccounts
import KeyWardenInventory
import KeyWardenReportModel
import KeyWardenSupport
/// A policy violation: which check, how bad, whose key, what failed and how to fix it.
public struct AuditFinding: Sendable, Hashable {
    public let check: String
    public let severity: Severity
    /// The app the finding concerns, when the key or declaration belongs to one.
    public let app: String?
    public let provider: Provider?
    public let account: String?
    public let keyId: String?
    public let message: String
    public let remediation: String
    /// The values that failed, in the order the check lists them.
    public let evidence: [Evidence]
    /// Where to look: the leak in code, the app in the policy, the key in the snapshot, or the waiver.
    public let location: SourceLocation?

    public init(check: String, severity: Severity, app: String?, provider: Provider?, account: String?, keyId: String?,
                message: String, remediation: String, evidence: [Evidence], location: SourceLocation?) {
        self.check = check
        self.severity = severity
        self.app = app
        self.provider = provider
        self.account = account
        self.keyId = keyId
        self.message = message
        self.remediation = remediation
        self.evidence = evidence
        self.location = location
    }

    /// The order every report lists audit findings in: most severe first, then check, app, key, message.
    public static func reportOrder(_ a: AuditFinding, _ b: AuditFinding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        return (a.check, a.app ?? "", a.keyId ?? "", a.message) < (b.check, b.app ?? "", b.keyId ?? "", b.message)
    }
}
