import Crypto
import Foundation
import KeyWardenInventory
import KeyWardenReportModel
import KeyWardenSupport

/// Another scanner's report, recognised by its content (never by file name): gitleaks or
/// betterleaks JSON, TruffleHog JSON lines, Kingfisher JSON, a detect-secrets baseline, or SARIF
/// from any tool. `audit --findings` reads it so the key ids that tool found are looked up in
/// the inventory (leaked-live-key) without replacing the scanner a team already runs.
public struct ForeignReport: Sendable {
    /// The tool, for the report: "gitleaks/betterleaks", "TruffleHog", ...
    public let tool: String
    public let findings: [ForeignFinding]

    /// nil when the data is none of the known formats.
    public static func recognise(_ data: Data) -> ForeignReport? {
        if let json = try? JSONValue.parse(data) {
            if SARIFFindings.matches(json) { return ForeignReport(tool: SARIFFindings.tool(json), findings: SARIFFindings.findings(json)) }
            if DetectSecretsBaseline.matches(json) { return ForeignReport(tool: "detect-secrets", findings: DetectSecretsBaseline.findings(json)) }
            if let records = KingfisherReport.records(json), json["findings"] != nil || !records.isEmpty {
                return ForeignReport(tool: "Kingfisher", findings: KingfisherReport.findings(records))
            }
            if GitleaksReport.matches(json) { return ForeignReport(tool: "gitleaks/betterleaks", findings: GitleaksReport.findings(json)) }
            return nil
        }
        // JSON lines: every non-blank line that parses as an object is a record.
        let lines = data.split(separator: UInt8(ascii: "\n")).compactMap { try? JSONValue.parse(Data($0)) }.filter { $0.fields != nil }
        if TruffleHogReport.matches(lines) { return ForeignReport(tool: "TruffleHog", findings: TruffleHogReport.findings(lines)) }
        if !lines.isEmpty, lines.allSatisfy(KingfisherReport.isRecord) { return ForeignReport(tool: "Kingfisher", findings: KingfisherReport.findings(lines)) }
        return nil
    }

    /// The findings as a scan section the audit and the review formats read: each finding's
    /// `keyId` is the first of its values an inventory lists (`knownKeyIds`), so only key ids
    /// the account already shows appear in full; secrets are redacted; sorted as keywarden sorts.
    public func scanSection(knownKeyIds: Set<String>, redactor: Redactor = Redactor()) -> ScanSection {
        let bySHA1 = Dictionary(knownKeyIds.map { (Self.sha1($0), $0) }, uniquingKeysWith: { first, _ in first })
        let records = findings.map { finding -> ScanSection.FindingRecord in
            let rule = "\(toolId)/\(finding.rule)"
            let keyId = finding.candidates.first(where: knownKeyIds.contains) ?? finding.sha1.flatMap { bySHA1[$0] }
            let shown = finding.secret.map(redactor.redact) ?? (finding.sha1.map { "sha1:\($0.prefix(8))…" } ?? "")
            let identity = finding.secret ?? finding.sha1 ?? "\(finding.path):\(finding.line)"
            return ScanSection.FindingRecord(rule: rule, description: "found by \(tool) (\(finding.rule))", severity: .high, path: finding.path,
                                             line: finding.line, column: finding.column, endLine: finding.line, endColumn: finding.column,
                                             secret: shown, fingerprint: Fingerprint.of(rule: rule, secret: identity), entropy: 0, keyId: keyId)
        }.sorted { ($0.path, $0.line, $0.column, $0.rule, $0.fingerprint) < ($1.path, $1.line, $1.column, $1.rule, $1.fingerprint) }
        let rules = Set(records.map(\.rule)).sorted().map {
            RuleDescriptor(id: $0, severity: .high, description: "A \(tool) rule (\($0.dropFirst(toolId.count + 1)))",
                           remediation: "Revoke or rotate the credential at its issuer, then remove it from the code and its history.")
        }
        var section = ScanSection(rulesHash: "", summary: .init(findings: records.count, bySeverity: ScanSection.bySeverity(records.map(\.severity)),
                                                                filesScanned: Set(records.map(\.path)).count, bytesScanned: 0, skipped: 0,
                                                                durationSeconds: 0),
                                  findings: records, skipped: [], rules: rules)
        section.tool = tool
        return section
    }

    /// The rule-id prefix: `gitleaks/generic-api-key`, `trufflehog/AWS`.
    var toolId: String { tool.split(separator: "/").first.map { $0.split(separator: " ").first.map(String.init) ?? "" }?.lowercased() ?? "foreign" }

    static func sha1(_ text: String) -> String {
        Insecure.SHA1.hash(data: Data(text.utf8)).hexString
    }
}
