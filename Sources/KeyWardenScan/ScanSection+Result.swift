import Foundation
import KeyWardenInputs
import KeyWardenMatching
import KeyWardenReportModel
import KeyWardenRules
import KeyWardenSupport

extension ScanSection {
    /// The report section of a scan: findings redacted by `redactor`, the rules that ran
    /// described for the writers, the duration rounded to milliseconds.
    public init(result: ScanResult, rules: [Rule], rulesHash: String, durationSeconds: Double, redactor: Redactor,
                versionControl: VersionControlDetails? = nil, toolVersion: String = KeyWarden.version) {
        let summary = Summary(findings: result.findings.count, bySeverity: ScanSection.bySeverity(result.findings.map(\.severity)),
                              filesScanned: result.filesScanned, bytesScanned: result.bytesScanned, skipped: result.skipped.count,
                              durationSeconds: (durationSeconds * 1000).rounded() / 1000,
                              confidence: result.confidenceThreshold, belowConfidence: result.confidenceThreshold.map { _ in result.belowConfidence })
        var findings = result.findings.map { finding in
            FindingRecord(rule: finding.rule, description: finding.description, severity: finding.severity, path: finding.path,
                          line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn,
                          secret: redactor.redact(finding.secret), fingerprint: finding.fingerprint, entropy: finding.entropy,
                          keyId: finding.keyId, decodedFrom: finding.decodedFrom, commit: finding.git?.commit,
                          author: finding.git?.author, email: finding.git?.email,
                          date: finding.git.map { ISO8601Date.format($0.date) }, presentAtHead: finding.git?.presentAtHead,
                          parts: finding.parts, confidence: finding.confidence)
        }
        for (index, finding) in result.findings.enumerated() {
            if let lapsed = finding.lapsedSuppression {
                findings[index].lapsedSuppression = ScanSection.LapsedSuppression(
                    reason: lapsed.metadata.reason, owner: lapsed.metadata.owner, until: lapsed.metadata.until, lapse: lapsed.lapse.rawValue)
            }
        }
        self.init(version: toolVersion, rulesHash: rulesHash, summary: summary, findings: findings,
                  skipped: result.skipped.map { SkippedRecord(path: $0.path, reason: $0.explanation, warning: $0.isWarning) },
                  // Described, then sorted: sorting the rules themselves copied all 745 of them.
                  rules: rules.map(RuleDescriptor.init(rule:)).sorted { $0.id < $1.id }, versionControl: versionControl)
    }
}

extension RuleDescriptor {
    /// How reports describe a secret rule: what it finds and where its format is documented.
    public init(rule: Rule) {
        self.init(id: rule.id, severity: rule.severity, description: rule.description,
                  remediation: ScanSection.secretRemediation, references: rule.references)
    }
}
