import Foundation
import KeyWardenReportModel
import KeyWardenSupport

/// GitLab's secret-detection report (schema 15.0): what a CI job declares under
/// `artifacts: reports: secret_detection:` so merge requests and the security dashboard show the
/// findings. Audit findings go in too (a leaked key that is live, a key with too much power),
/// located at the policy or inventory line they point to, so one report carries both halves.
public struct GitLabSecretDetectionWriter: ReportWriter {
    public static let schemaVersion = "15.0.7"

    public init() {}

    public func write(_ document: ReportDocument) throws -> String {
        let findings = document.scan?.findings ?? []
        let commit = document.scan?.versionControl?.revisionID
        let time = Self.timestamp(document.generatedAt ?? Date(timeIntervalSince1970: 0))
        let tool = Tool(id: "keywarden", name: "keywarden", version: document.scan?.version ?? KeyWarden.version,
                        vendor: .init(name: "keywarden"))
        let report = Report(
            version: Self.schemaVersion,
            vulnerabilities: (document.audit.map(auditVulnerabilities) ?? []) + findings.map { finding in
                Vulnerability(
                    // Stable across runs: the finding's fingerprint at its place.
                    id: String(Fingerprint.of(rule: "gitlab-vulnerability",
                                              secret: "\(finding.fingerprint)\0\(finding.path)\0\(finding.line)").prefix(32)),
                    category: "secret_detection",
                    name: finding.description,
                    description: "\(finding.description) (\(finding.secret))",
                    severity: finding.severity.gitLabName,
                    scanner: .init(id: tool.id, name: tool.name),
                    location: .init(file: finding.path, startLine: finding.line, endLine: finding.endLine,
                                    commit: .init(sha: finding.commit ?? commit ?? "0000000")),
                    identifiers: [.init(type: "keywarden_rule_id", name: "keywarden rule \(finding.rule)", value: finding.rule)])
            },
            scan: .init(analyzer: tool, scanner: tool, type: "secret_detection", startTime: time, endTime: time, status: "success"))
        return try JSONOutput.encode(report)
    }

    private func auditVulnerabilities(_ audit: AuditSection) -> [Vulnerability] {
        audit.findings.map { finding in
            let file = finding.path ?? audit.policy
            let line = finding.line ?? 1
            return Vulnerability(
                id: String(Fingerprint.of(rule: "gitlab-vulnerability", secret: "\(finding.fingerprint)\0\(file)\0\(line)").prefix(32)),
                category: "secret_detection",
                name: finding.check,
                description: finding.message + ". " + finding.remediation,
                severity: finding.severity.gitLabName,
                scanner: .init(id: "keywarden", name: "keywarden"),
                location: .init(file: file, startLine: line, endLine: line, commit: .init(sha: "0000000")),
                identifiers: [.init(type: "keywarden_check_id", name: "keywarden check \(finding.check)", value: finding.check)])
        }
    }

    /// GitLab's format: `2026-11-20T08:00:00`, UTC, no zone letter.
    static func timestamp(_ date: Date) -> String { String(ISO8601Date.format(date).prefix(19)) }

    struct Report: Encodable {
        let version: String
        let vulnerabilities: [Vulnerability]
        let scan: Scan
    }

    struct Vulnerability: Encodable {
        let id: String
        let category: String
        let name: String
        let description: String
        let severity: String
        let scanner: ScannerReference
        let location: Location
        let identifiers: [Identifier]
    }

    struct ScannerReference: Encodable {
        let id: String
        let name: String
    }

    struct Location: Encodable {
        struct Commit: Encodable { let sha: String }
        let file: String
        let startLine: Int
        let endLine: Int
        let commit: Commit

        enum CodingKeys: String, CodingKey {
            case file, commit
            case startLine = "start_line"
            case endLine = "end_line"
        }
    }

    struct Identifier: Encodable {
        let type: String
        let name: String
        let value: String
    }

    struct Tool: Encodable {
        struct Vendor: Encodable { let name: String }
        let id: String
        let name: String
        let version: String
        let vendor: Vendor
    }

    struct Scan: Encodable {
        let analyzer: Tool
        let scanner: Tool
        let type: String
        let startTime: String
        let endTime: String
        let status: String

        enum CodingKeys: String, CodingKey {
            case analyzer, scanner, type, status
            case startTime = "start_time"
            case endTime = "end_time"
        }
    }
}

extension Severity {
    /// GitLab's severity names.
    var gitLabName: String {
        switch self {
        case .critical: "Critical"
        case .high: "High"
        case .medium: "Medium"
        case .low: "Low"
        case .info: "Info"
        }
    }
}
