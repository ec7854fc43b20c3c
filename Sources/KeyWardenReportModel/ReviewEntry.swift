import KeyWardenSupport
/// One finding as every review format shows it, whether a secret in code or a policy
/// violation: what (rule or check), how bad, where, and how to fix it.
public struct ReviewEntry: Sendable, Hashable {
    public enum Origin: String, Sendable, Hashable {
        case scan, audit
    }

    public let origin: Origin
    /// The rule id (scan) or check id (audit).
    public let rule: String
    public let severity: Severity
    /// How sure a scan finding is (nil for audit findings and for reports saved before confidence existed).
    public let confidence: Confidence?
    /// The description (scan) or message (audit).
    public let title: String
    /// What the finding is about: the file (scan), or the key, app and account (audit).
    public let target: String
    /// The file a finding points at, when it points at one.
    public let path: String?
    public let line: Int?
    public let column: Int?
    /// The secret as the saved report holds it: redacted unless the run showed secrets.
    public let secret: String?
    public let keyId: String?
    public let fingerprint: String
    public let remediation: String
    /// Evidence (audit) or provenance (scan), sorted by name.
    public let details: [Evidence]
    /// Why the finding is waived, when a waiver hides it.
    public let waiver: String?

    /// "path:line:column", or the path alone, or nil.
    public var location: String? {
        guard let path else { return nil }
        guard let line else { return path }
        return column.map { "\(path):\(line):\($0)" } ?? "\(path):\(line)"
    }

    init(scan record: ScanSection.FindingRecord) {
        origin = .scan
        rule = record.rule
        severity = record.severity
        confidence = record.confidence
        // The verdict belongs in the headline every review format shows ("… : live OKX key, can withdraw").
        title = record.verification.map { "\(record.description): \($0.summary)" } ?? record.description
        target = record.path
        path = record.path
        line = record.line
        column = record.column
        secret = record.secret
        keyId = record.keyId
        fingerprint = record.fingerprint
        var details: [Evidence] = []
        if let commit = record.commit { details.append(Evidence("commit", commit)) }
        if let author = record.author { details.append(Evidence("author", author)) }
        if let date = record.date { details.append(Evidence("date", date)) }
        if let present = record.presentAtHead { details.append(Evidence("presentAtHead", present ? "yes" : "no")) }
        if let decodedFrom = record.decodedFrom { details.append(Evidence("decodedFrom", decodedFrom)) }
        if let confidence = record.confidence { details.append(Evidence("confidence", confidence.rawValue)) }
        if let verification = record.verification { details += verification.evidence }
        self.details = details.sorted { $0.name < $1.name }
        remediation = ScanSection.secretRemediation
        waiver = nil
    }

    init(audit record: AuditSection.FindingRecord) {
        origin = .audit
        rule = record.check
        severity = record.severity
        confidence = nil
        title = record.message
        var subject: [String] = []
        if let provider = record.provider, let account = record.account { subject.append("\(provider)/\(account)") }
        if let keyId = record.keyId { subject.append("key \(keyId)") }
        if let app = record.app { subject.append("app \(app)") }
        target = subject.isEmpty ? (record.path ?? "policy") : subject.joined(separator: " ")
        path = record.path
        line = record.line
        column = record.column
        secret = nil
        keyId = record.keyId
        fingerprint = record.fingerprint
        remediation = record.remediation
        details = record.evidence.sorted { $0.name < $1.name }
        waiver = record.waiver.map { "waived by \($0.owner) until \($0.expires): \($0.reason)" }
    }
}
