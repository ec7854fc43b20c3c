import Foundation

/// Rebuilds the live report models from saved documents, so the text and SARIF writers render
/// a saved report as they render a run. The saved secrets are already redacted: render them
/// with `Redactor(showSecrets: true)` to keep them as they are, never to reveal anything.
extension ScanReport {
    public init(document: ScanReportDocument) {
        let builtin = Dictionary((try? BuiltinRules.load())?.map { ($0.id, $0) } ?? [], uniquingKeysWith: { first, _ in first })
        let findings = document.findings.map { record in
            Finding(rule: record.rule, description: record.description, severity: record.severity, path: record.path,
                    line: record.line, column: record.column, endLine: record.endLine, endColumn: record.endColumn,
                    secret: record.secret, fingerprint: record.fingerprint, entropy: record.entropy, keyId: record.keyId,
                    decodedFrom: record.decodedFrom,
                    git: record.commit.map { commit in
                        GitProvenance(commit: commit, author: record.author ?? "", email: record.email ?? "",
                                      date: record.date.flatMap(ISO8601Date.parse) ?? Date(timeIntervalSince1970: 0),
                                      presentAtHead: record.presentAtHead ?? true)
                    }, parts: record.parts)
        }
        // The saved report names only the rules that found something; the shipped pack gives their references.
        var rules: [Rule] = []
        for record in document.findings where !rules.contains(where: { $0.id == record.rule }) {
            rules.append(builtin[record.rule] ?? Rule(id: record.rule, description: record.description, severity: record.severity,
                                                      pattern: "", examples: [], negativeExamples: []))
        }
        let skipped = document.skipped.map { SkippedInput(path: $0.path, reason: .recorded($0.reason)) }
        self.init(result: ScanResult(findings: findings, skipped: skipped, filesScanned: document.summary.filesScanned,
                                     bytesScanned: document.summary.bytesScanned),
                  rules: rules.sorted { $0.id < $1.id }, rulesHash: document.rulesHash, toolVersion: document.version,
                  durationSeconds: document.summary.durationSeconds)
    }
}

extension AuditReport {
    public init(document: AuditReportDocument) {
        func finding(_ record: AuditReportDocument.FindingRecord) -> AuditFinding {
            AuditFinding(check: record.check, severity: record.severity, app: record.app, provider: record.provider.flatMap(Provider.init),
                         account: record.account, keyId: record.keyId, message: record.message, remediation: record.remediation,
                         evidence: record.evidence.map { Evidence($0.key, $0.value) }.sorted { $0.name < $1.name },
                         location: record.path.map { SourceLocation(file: $0, line: record.line ?? 1, column: record.column ?? 1) })
        }
        let waived = document.waived.compactMap { record -> WaivedFinding? in
            guard let waiver = record.waiver else { return nil }
            return WaivedFinding(finding: finding(record), waiver: Waiver(
                check: waiver.check, target: waiver.target, owner: waiver.owner, reason: waiver.reason,
                expires: ISO8601Date.parse(waiver.expires) ?? Date(timeIntervalSince1970: 0),
                location: SourceLocation(file: waiver.path, line: waiver.line, column: 1)))
        }
        self.init(result: AuditResult(findings: document.findings.map(finding), waived: waived), policyFile: document.policy,
                  inventories: [], pinnedNow: document.now.flatMap(ISO8601Date.parse), toolVersion: document.version)
        inventories = document.inventories.compactMap { record in
            Provider(rawValue: record.provider).map {
                InventorySummary(path: record.path, provider: $0, account: record.account,
                                 fetchedAt: ISO8601Date.parse(record.fetchedAt) ?? Date(timeIntervalSince1970: 0), keys: record.keys)
            }
        }
        keyAges = KeyAge.fromRotationFindings(document)
    }
}

extension AuditReport.InventorySummary {
    init(path: String, provider: Provider, account: String, fetchedAt: Date, keys: Int) {
        self.path = path
        self.provider = provider
        self.account = account
        self.fetchedAt = fetchedAt
        self.keys = keys
    }
}
