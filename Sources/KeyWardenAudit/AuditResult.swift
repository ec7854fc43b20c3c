import KeyWardenSupport
/// The outcome of an audit: findings to act on, and findings waivers hide.
public struct AuditResult: Sendable {
    public let findings: [AuditFinding]
    public let waived: [WaivedFinding]

    public init(findings: [AuditFinding], waived: [WaivedFinding]) {
        self.findings = findings
        self.waived = waived
    }

    public var countsBySeverity: [Severity: Int] { Dictionary(grouping: findings, by: \.severity).mapValues(\.count) }
}
