import KeyWardenAccounts
import KeyWardenInventory
import KeyWardenPolicy
import KeyWardenReportModel
import KeyWardenSupport
/// What a check is, declared once next to its logic: the stable id policies and waivers name,
/// the severity of an outright violation, a one-line description and the remediation. Report
/// writers, Docs/policy.md and the tests all read these.
public struct CheckDescriptor: Sendable, Hashable {
    public let id: String
    public let severity: Severity
    public let summary: String
    public let remediation: String

    public init(id: String, severity: Severity, summary: String, remediation: String) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.remediation = remediation
    }

    /// A finding of this check; the severity defaults to the check's.
    func finding(_ message: String, severity: Severity? = nil, app: String? = nil, key: KeyRecord? = nil,
                 provider: Provider? = nil, account: String? = nil, evidence: [Evidence],
                 location: SourceLocation? = nil) -> AuditFinding {
        AuditFinding(check: id, severity: severity ?? self.severity, app: app, provider: key?.provider ?? provider,
                     account: key?.account ?? account, keyId: key?.keyId, message: message, remediation: remediation,
                     evidence: evidence, location: location)
    }
}
