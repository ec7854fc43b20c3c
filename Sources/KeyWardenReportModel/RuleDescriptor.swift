import KeyWardenSupport
/// What a report says about a rule or a check, declared by whoever ran it: the scan describes
/// its rules, the audit its checks, so no writer needs the rule loader or the check catalogue.
public struct RuleDescriptor: Sendable, Hashable, Codable {
    public let id: String
    public let severity: Severity
    /// One line: what the rule finds, or what the check verifies.
    public let description: String
    /// What to do about a finding.
    public let remediation: String
    /// Documentation of the format or the check.
    public let references: [String]

    public init(id: String, severity: Severity, description: String, remediation: String, references: [String] = []) {
        self.id = id
        self.severity = severity
        self.description = description
        self.remediation = remediation
        self.references = references
    }
}
