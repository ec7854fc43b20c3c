import Foundation

/// SARIF 2.1.0 for code-scanning dashboards: every check is a rule; each finding is a result
/// pointing at the policy, snapshot or leak location; waived findings are results carrying an
/// accepted external suppression, so dashboards show them as dismissed rather than losing them.
public struct AuditSARIFReportWriter: AuditReportWriter {
    public init() {}

    public func write(_ report: AuditReport) throws -> String {
        let ruleIndex = Dictionary(uniqueKeysWithValues: report.checks.enumerated().map { ($1.id, $0) })
        let rules = report.checks.map { check in
            SARIF.ReportingDescriptor(
                id: check.id, name: SARIF.ruleName(check.id),
                shortDescription: .init(text: check.summary), fullDescription: .init(text: check.summary),
                help: .init(text: check.remediation), helpUri: KeyWarden.informationURI + "/blob/main/Docs/policy.md",
                defaultConfiguration: .init(level: SARIF.level(check.severity)),
                properties: .init(tags: ["security", "key-policy"], securitySeverity: SARIF.securitySeverity(check.severity),
                                  severity: check.severity.rawValue))
        }
        let results = report.result.findings.map { result($0, suppression: nil, ruleIndex: ruleIndex) }
            + report.result.waived.map { waived in
                result(waived.finding, suppression: SARIF.Suppression(
                    justification: "waived by \(waived.waiver.owner) until \(ISO8601Date.day(waived.waiver.expires)): \(waived.waiver.reason)"),
                    ruleIndex: ruleIndex)
            }
        let log = SARIF.Log(runs: [SARIF.AuditRun(
            tool: .init(driver: .init(name: "keywarden", version: report.toolVersion, informationUri: KeyWarden.informationURI,
                                      rules: rules)),
            invocations: [.init(executionSuccessful: true, toolExecutionNotifications: [])],
            results: results)])
        return try JSONOutput.encode(log)
    }

    private func result(_ finding: AuditFinding, suppression: SARIF.Suppression?, ruleIndex: [String: Int]) -> SARIF.AuditResultRecord {
        let locations = finding.location.map { location in
            [SARIF.Location(physicalLocation: .init(
                artifactLocation: .init(uri: SARIF.uri(location.file)),
                region: .init(startLine: location.line, startColumn: location.column, endLine: location.line,
                              endColumn: location.column + 1)))]
        } ?? []
        return SARIF.AuditResultRecord(
            ruleId: finding.check, ruleIndex: ruleIndex[finding.check], level: SARIF.level(finding.severity),
            message: .init(text: finding.message), locations: locations,
            partialFingerprints: ["keywarden/audit/v1": AuditReport.fingerprint(finding)],
            suppressions: suppression.map { [$0] },
            properties: .init(severity: finding.severity.rawValue, app: finding.app, provider: finding.provider?.rawValue,
                              account: finding.account, keyId: finding.keyId, remediation: finding.remediation,
                              evidence: Dictionary(finding.evidence.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })))
    }
}

/// The audit's SARIF objects; the shared ones (descriptors, locations, messages) are the scan writer's.
extension SARIF {
    struct AuditRun: Encodable {
        let tool: Tool
        let invocations: [Invocation]
        let results: [AuditResultRecord]
        let columnKind = "unicodeCodePoints"
    }

    struct AuditResultRecord: Encodable {
        let ruleId: String
        let ruleIndex: Int?
        let level: String
        let message: Message
        let locations: [Location]
        let partialFingerprints: [String: String]
        let suppressions: [Suppression]?
        let properties: AuditResultProperties
    }

    /// A waiver, in SARIF's terms: suppressed outside the code, and accepted.
    struct Suppression: Encodable {
        let kind = "external"
        let status = "accepted"
        let justification: String
    }

    struct AuditResultProperties: Encodable {
        let severity: String
        let app: String?
        let provider: String?
        let account: String?
        let keyId: String?
        let remediation: String
        let evidence: [String: String]
    }
}
