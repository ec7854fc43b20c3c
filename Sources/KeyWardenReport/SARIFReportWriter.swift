import Foundation
import KeyWardenReportModel
import KeyWardenSupport

/// SARIF 2.1.0 for code-scanning dashboards: one run per section. A scan run lists its rules in
/// `tool.driver.rules` and has one result per finding with a `partialFingerprints` entry, so
/// dashboards track a secret across edits; an audit run is described in SARIFAuditRun.swift.
public struct SARIFReportWriter: ReportWriter {
    public init() {}

    public func write(_ document: ReportDocument) throws -> String {
        var runs: [SARIF.AnyRun] = []
        if let scan = document.scan { runs.append(.scan(scanRun(scan))) }
        if let audit = document.audit { runs.append(.audit(auditRun(audit))) }
        return try JSONOutput.encode(SARIF.Log(runs: runs))
    }

    private func scanRun(_ scan: ScanSection) -> SARIF.Run {
        let ruleIndex = Dictionary(uniqueKeysWithValues: scan.rules.enumerated().map { ($1.id, $0) })
        let rules = scan.rules.map { rule in
            SARIF.ReportingDescriptor(
                id: rule.id, name: SARIF.ruleName(rule.id),
                shortDescription: .init(text: rule.description),
                fullDescription: .init(text: rule.description),
                help: .init(text: "Revoke or rotate this credential at its issuer, then remove it from the code and its history. "
                            + "References: \(rule.references.joined(separator: ", "))"),
                helpUri: rule.references.first,
                defaultConfiguration: .init(level: SARIF.level(rule.severity)),
                properties: .init(tags: ["security", "secret"], securitySeverity: SARIF.securitySeverity(rule.severity),
                                  severity: rule.severity.rawValue))
        }
        let results = scan.findings.map { finding in
            SARIF.Result(
                ruleId: finding.rule, ruleIndex: ruleIndex[finding.rule],
                level: SARIF.level(finding.severity),
                message: .init(text: "\(finding.description): \(finding.secret)" + (finding.verification.map { " (\($0.summary))" } ?? "")),
                locations: [.init(physicalLocation: .init(
                    artifactLocation: .init(uri: SARIF.uri(finding.path)),
                    region: .init(startLine: finding.line, startColumn: finding.column,
                                  endLine: finding.endLine, endColumn: finding.endColumn + 1)))],
                partialFingerprints: ["keywarden/secret/v1": finding.fingerprint],
                properties: .init(severity: finding.severity.rawValue, confidence: finding.confidence?.rawValue, entropy: finding.entropy,
                                  secret: finding.secret, keyId: finding.keyId,
                                  decodedFrom: finding.decodedFrom, commit: finding.commit,
                                  author: finding.author, email: finding.email,
                                  date: finding.date, presentAtHead: finding.presentAtHead, verification: finding.verification))
        }
        let notifications = scan.skipped.filter { $0.warning == true }.map {
            SARIF.Notification(level: "warning", message: .init(text: "skipped \($0.path): \($0.reason)"))
        }
        return SARIF.Run(
            tool: .init(driver: .init(name: "keywarden", version: scan.version, informationUri: KeyWarden.informationURI,
                                      rules: rules)),
            invocations: [.init(executionSuccessful: true, toolExecutionNotifications: notifications)],
            results: results,
            versionControlProvenance: scan.versionControl.map {
                [SARIF.VersionControl(repositoryUri: $0.repositoryURI, revisionId: $0.revisionID, branch: $0.branch)]
            },
            properties: .init(rulesHash: scan.rulesHash))
    }
}

/// The subset of the SARIF 2.1.0 object model keywarden writes.
enum SARIF {
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .info: "note"
        }
    }

    /// GitHub code scanning reads `security-severity` (0-10) to rank security results.
    static func securitySeverity(_ severity: Severity) -> String {
        switch severity {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        case .info: "0.0"
        }
    }

    /// "aws-access-key-id" -> "AwsAccessKeyId": SARIF names are identifiers.
    static func ruleName(_ id: String) -> String {
        id.split(whereSeparator: { $0 == "-" || $0 == "." }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A relative URI reference for a path: separators kept, everything else percent-encoded.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":;")
        let trimmed = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        return trimmed.addingPercentEncoding(withAllowedCharacters: allowed) ?? trimmed
    }

    /// The SARIF envelope, for scan runs and audit runs alike.
    struct Log: Encodable {
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let version = "2.1.0"
        let runs: [AnyRun]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }

    /// A run of either kind, encoded as the run itself.
    enum AnyRun: Encodable {
        case scan(Run)
        case audit(AuditRun)

        func encode(to encoder: any Encoder) throws {
            switch self {
            case let .scan(run): try run.encode(to: encoder)
            case let .audit(run): try run.encode(to: encoder)
            }
        }
    }

    struct Run: Encodable {
        let tool: Tool
        let invocations: [Invocation]
        let results: [Result]
        let columnKind = "unicodeCodePoints"
        let versionControlProvenance: [VersionControl]?
        let properties: RunProperties
    }

    struct VersionControl: Encodable {
        let repositoryUri: String
        let revisionId: String?
        let branch: String?
    }

    struct RunProperties: Encodable { let rulesHash: String }

    struct Tool: Encodable { let driver: Driver }

    struct Driver: Encodable {
        let name: String
        let version: String
        let informationUri: String
        let rules: [ReportingDescriptor]
    }

    struct Message: Encodable { let text: String }

    struct ReportingDescriptor: Encodable {
        let id: String
        let name: String
        let shortDescription: Message
        let fullDescription: Message
        let help: Message
        let helpUri: String?
        let defaultConfiguration: Configuration
        let properties: RuleProperties
    }

    struct Configuration: Encodable { let level: String }

    struct RuleProperties: Encodable {
        let tags: [String]
        let securitySeverity: String
        let severity: String
        enum CodingKeys: String, CodingKey { case tags, securitySeverity = "security-severity", severity }
    }

    struct Invocation: Encodable {
        let executionSuccessful: Bool
        let toolExecutionNotifications: [Notification]
    }

    struct Notification: Encodable {
        let level: String
        let message: Message
    }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int?
        let level: String
        let message: Message
        let locations: [Location]
        let partialFingerprints: [String: String]
        let properties: ResultProperties
    }

    struct ResultProperties: Encodable {
        let severity: String
        let confidence: String?
        let entropy: Double
        let secret: String
        let keyId: String?
        let decodedFrom: String?
        let commit: String?
        let author: String?
        let email: String?
        let date: String?
        let presentAtHead: Bool?
        let verification: Verification?
    }

    struct Location: Encodable { let physicalLocation: PhysicalLocation }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }

    struct ArtifactLocation: Encodable { let uri: String }

    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
        let endLine: Int
        let endColumn: Int
    }
}
