import Foundation

/// The JSON scan report: `version`, `summary`, `findings` (field names are a contract: other
/// tools and `keywarden audit --findings` read them), and `skipped`.
public struct JSONReportWriter: ScanReportWriter {
    public init() {}

    public func write(_ report: ScanReport, redactor: Redactor) throws -> String {
        try JSONOutput.encode(ScanReportDocument(report, redactor: redactor))
    }
}

/// Sorted keys, two-space indentation, no escaped slashes: stable bytes for stable input.
enum JSONOutput {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}

/// The serialised form of a scan report.
public struct ScanReportDocument: Codable, Sendable {
    public struct Summary: Codable, Sendable {
        public var findings: Int
        public var bySeverity: [String: Int]
        public var filesScanned: Int
        public var bytesScanned: Int
        public var skipped: Int
        public var durationSeconds: Double
    }

    public struct FindingRecord: Codable, Sendable {
        public var rule: String
        public var description: String
        public var severity: Severity
        public var path: String
        public var line: Int
        public var column: Int
        public var endLine: Int
        public var endColumn: Int
        public var secret: String
        public var fingerprint: String
        public var entropy: Double
        // Optional fields, omitted when not set.
        public var keyId: String?
        public var decodedFrom: String?
        public var commit: String?
        public var author: String?
        public var email: String?
        public var date: String?
        public var presentAtHead: Bool?
        /// Where the other parts of a grouped credential set are (key, passphrase).
        public var parts: [CredentialPartLocation]? = nil
    }

    public struct SkippedRecord: Codable, Sendable {
        public var path: String
        public var reason: String
    }

    public var version: String
    public var tool: String
    public var rulesHash: String
    public var summary: Summary
    public var findings: [FindingRecord]
    public var skipped: [SkippedRecord]

    public init(_ report: ScanReport, redactor: Redactor) {
        version = report.toolVersion
        tool = "keywarden"
        rulesHash = report.rulesHash
        let counts = report.countsBySeverity
        summary = Summary(findings: report.result.findings.count,
                          bySeverity: Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, counts[$0] ?? 0) }),
                          filesScanned: report.result.filesScanned, bytesScanned: report.result.bytesScanned,
                          skipped: report.result.skipped.count,
                          durationSeconds: (report.durationSeconds * 1000).rounded() / 1000)
        findings = report.result.findings.map {
            FindingRecord(rule: $0.rule, description: $0.description, severity: $0.severity, path: $0.path, line: $0.line,
                          column: $0.column, endLine: $0.endLine, endColumn: $0.endColumn,
                          secret: redactor.redact($0.secret), fingerprint: $0.fingerprint, entropy: $0.entropy,
                          keyId: $0.keyId, decodedFrom: $0.decodedFrom, commit: $0.git?.commit, author: $0.git?.author,
                          email: $0.git?.email, date: $0.git.map { ISO8601Date.format($0.date) },
                          presentAtHead: $0.git?.presentAtHead, parts: $0.parts)
        }
        skipped = report.result.skipped.map { SkippedRecord(path: $0.path, reason: $0.explanation) }
    }
}
