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
                Vulnerability(fingerprint: finding.fingerprint, file: finding.path, line: finding.line, endLine: finding.endLine,
                              commit: finding.commit ?? commit, name: finding.description,
                              description: "\(finding.description) (\(finding.secret)" + (finding.confidence.map { ", \($0.rawValue) confidence" } ?? "") + ")", severity: finding.severity,
                              identifier: .init(type: "keywarden_rule_id", name: "keywarden rule \(finding.rule)", value: finding.rule))
            },
            scan: .init(analyzer: tool, scanner: tool, type: "secret_detection", startTime: time, endTime: time, status: "success"))
        return try JSONOutput.encode(report)
    }

    private func auditVulnerabilities(_ audit: AuditSection) -> [Vulnerability] {
        audit.findings.map { finding in
            Vulnerability(fingerprint: finding.fingerprint, file: finding.path ?? audit.policy, line: finding.line ?? 1,
                          endLine: finding.line ?? 1, commit: nil, name: finding.check,
                          description: finding.message + ". " + finding.remediation, severity: finding.severity,
                          identifier: .init(type: "keywarden_check_id", name: "keywarden check \(finding.check)", value: finding.check))
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

        /// One scan or audit finding at its place; the id is stable across runs (the finding's
        /// fingerprint at its file and line).
        init(fingerprint: String, file: String, line: Int, endLine: Int, commit: String?, name: String, description: String,
             severity: Severity, identifier: Identifier) {
            id = String(Fingerprint.of(rule: "gitlab-vulnerability", secret: "\(fingerprint)\0\(file)\0\(line)").prefix(32))
            category = "secret_detection"
            self.name = name
            self.description = description
            self.severity = severity.gitLabName
            scanner = ScannerReference(id: "keywarden", name: "keywarden")
            location = Location(file: file, startLine: line, endLine: endLine, commit: .init(sha: commit ?? "0000000"))
            identifiers = [identifier]
        }
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
