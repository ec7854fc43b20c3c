import Foundation

/// The JSON audit report: `findings` to act on, `waived` findings with their waiver, a summary.
/// Field names are a contract for CI tooling.
public struct AuditJSONReportWriter: AuditReportWriter {
    public init() {}

    public func write(_ report: AuditReport) throws -> String {
        try JSONOutput.encode(AuditReportDocument(report))
    }
}

/// The serialised form of an audit report.
public struct AuditReportDocument: Codable, Sendable {
    public struct FindingRecord: Codable, Sendable {
        public var check: String
        public var severity: Severity
        public var app: String?
        public var provider: String?
        public var account: String?
        public var keyId: String?
        public var message: String
        public var remediation: String
        public var evidence: [String: String]
        public var path: String?
        public var line: Int?
        public var column: Int?
        public var fingerprint: String
        public var waiver: WaiverRecord?
    }

    public struct WaiverRecord: Codable, Sendable {
        public var check: String
        public var target: String
        public var owner: String
        public var reason: String
        public var expires: String
        public var path: String
        public var line: Int
    }

    public struct InventoryRecord: Codable, Sendable {
        public var path: String
        public var provider: String
        public var account: String
        public var fetchedAt: String
        public var keys: Int
    }

    public struct Summary: Codable, Sendable {
        public var findings: Int
        public var waived: Int
        public var bySeverity: [String: Int]
    }

    public var version: String
    public var tool: String
    public var kind: String
    public var policy: String
    public var now: String?
    public var inventories: [InventoryRecord]
    public var summary: Summary
    public var findings: [FindingRecord]
    public var waived: [FindingRecord]

    public init(_ report: AuditReport) {
        version = report.toolVersion
        tool = "keywarden"
        kind = "audit"
        policy = report.policyFile
        now = report.pinnedNow.map(ISO8601Date.format)
        inventories = report.inventories.map {
            InventoryRecord(path: $0.path, provider: $0.provider.rawValue, account: $0.account,
                            fetchedAt: ISO8601Date.format($0.fetchedAt), keys: $0.keys)
        }
        let counts = report.result.countsBySeverity
        summary = Summary(findings: report.result.findings.count, waived: report.result.waived.count,
                          bySeverity: Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, counts[$0] ?? 0) }))
        findings = report.result.findings.map { Self.record($0, waiver: nil) }
        waived = report.result.waived.map { Self.record($0.finding, waiver: $0.waiver) }
    }

    static func record(_ finding: AuditFinding, waiver: Waiver?) -> FindingRecord {
        FindingRecord(check: finding.check, severity: finding.severity, app: finding.app, provider: finding.provider?.rawValue,
                      account: finding.account, keyId: finding.keyId, message: finding.message, remediation: finding.remediation,
                      evidence: Dictionary(finding.evidence.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first }),
                      path: finding.location?.file, line: finding.location?.line, column: finding.location?.column,
                      fingerprint: AuditReport.fingerprint(finding),
                      waiver: waiver.map {
                          WaiverRecord(check: $0.check, target: $0.target, owner: $0.owner, reason: $0.reason,
                                       expires: ISO8601Date.day($0.expires), path: $0.location.file, line: $0.location.line)
                      })
    }
}
