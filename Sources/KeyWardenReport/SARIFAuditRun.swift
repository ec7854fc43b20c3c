import Foundation
import KeyWardenReportModel
import KeyWardenSupport

/// The audit run of a SARIF report: every check is a rule; each finding is a result pointing at
/// the policy, snapshot or leak location; waived findings are results carrying an accepted
/// external suppression, so dashboards show them as dismissed rather than losing them.
extension SARIFReportWriter {
    func auditRun(_ audit: AuditSection) -> SARIF.AuditRun {
        let ruleIndex = Dictionary(uniqueKeysWithValues: audit.checks.enumerated().map { ($1.id, $0) })
        let rules = audit.checks.map { check in
            SARIF.ReportingDescriptor(
                id: check.id, name: SARIF.ruleName(check.id),
                shortDescription: .init(text: check.description), fullDescription: .init(text: check.description),
                help: .init(text: check.remediation), helpUri: check.references.first,
                defaultConfiguration: .init(level: SARIF.level(check.severity)),
                properties: .init(tags: ["security", "key-policy"], securitySeverity: SARIF.securitySeverity(check.severity),
                                  severity: check.severity.rawValue))
        }
        let results = audit.findings.map { result($0, ruleIndex: ruleIndex) } + audit.waived.map { result($0, ruleIndex: ruleIndex) }
        return SARIF.AuditRun(
            tool: .init(driver: .init(name: "keywarden", version: audit.version, informationUri: KeyWarden.informationURI,
                                      rules: rules)),
            invocations: [.init(executionSuccessful: true, toolExecutionNotifications: [])],
            results: results)
    }

    private func result(_ finding: AuditSection.FindingRecord, ruleIndex: [String: Int]) -> SARIF.AuditResultRecord {
        let line = finding.line ?? 1, column = finding.column ?? 1
        let locations = finding.path.map { path in
            [SARIF.Location(physicalLocation: .init(
                artifactLocation: .init(uri: SARIF.uri(path)),
                region: .init(startLine: line, startColumn: column, endLine: line, endColumn: column + 1)))]
        } ?? []
        let suppression = finding.waiver.map {
            SARIF.Suppression(justification: "waived by \($0.owner) until \($0.expires): \($0.reason)")
        }
        return SARIF.AuditResultRecord(
            ruleId: finding.check, ruleIndex: ruleIndex[finding.check], level: SARIF.level(finding.severity),
            message: .init(text: finding.message), locations: locations,
            partialFingerprints: ["keywarden/audit/v1": finding.fingerprint],
            suppressions: suppression.map { [$0] },
            properties: .init(severity: finding.severity.rawValue, app: finding.app, provider: finding.provider,
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
