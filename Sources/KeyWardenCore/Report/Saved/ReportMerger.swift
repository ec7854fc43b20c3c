/// Merges saved reports of the same kind, such as the shards of a CI matrix scan, into one.
/// Findings are the union without duplicates; summaries are recounted from the merged findings.
public enum ReportMerger {
    /// A scan finding is a duplicate when it has the same fingerprint at the same place: the
    /// fingerprint names the secret (rule + value), and the same secret pasted in two files is
    /// two places to clean, so the place is part of the identity.
    public static func merge(scans: [ScanReportDocument]) -> ScanReportDocument? {
        guard var merged = scans.first else { return nil }
        var seen = Set<String>()
        merged.findings = scans.flatMap(\.findings).filter {
            seen.insert("\($0.fingerprint)\u{0}\($0.path)\u{0}\($0.line)\u{0}\($0.column)").inserted
        }.sorted { ($0.path, $0.line, $0.column, $0.rule, $0.fingerprint) < ($1.path, $1.line, $1.column, $1.rule, $1.fingerprint) }
        var skippedSeen = Set<String>()
        merged.skipped = scans.flatMap(\.skipped).filter { skippedSeen.insert("\($0.path)\u{0}\($0.reason)").inserted }
            .sorted { ($0.path, $0.reason) < ($1.path, $1.reason) }
        merged.rulesHash = Set(scans.map(\.rulesHash)).sorted().joined(separator: ",")
        merged.version = Set(scans.map(\.version)).sorted().joined(separator: ",")
        merged.summary = ScanReportDocument.Summary(
            findings: merged.findings.count, bySeverity: bySeverity(merged.findings.map(\.severity)),
            filesScanned: scans.map(\.summary.filesScanned).reduce(0, +), bytesScanned: scans.map(\.summary.bytesScanned).reduce(0, +),
            skipped: merged.skipped.count,
            // Shards run side by side: the merged scan took as long as the slowest one.
            durationSeconds: scans.map(\.summary.durationSeconds).max() ?? 0)
        return merged
    }

    /// An audit finding is a duplicate when it has the same fingerprint (check, provider,
    /// account, app, key and place).
    public static func merge(audits: [AuditReportDocument]) -> AuditReportDocument? {
        guard var merged = audits.first else { return nil }
        var seen = Set<String>()
        merged.findings = audits.flatMap(\.findings).filter { seen.insert($0.fingerprint).inserted }.sorted(by: auditOrder)
        merged.waived = audits.flatMap(\.waived).filter { seen.insert($0.fingerprint).inserted }.sorted(by: auditOrder)
        var inventoriesSeen = Set<String>()
        merged.inventories = audits.flatMap(\.inventories)
            .filter { inventoriesSeen.insert("\($0.provider)\u{0}\($0.account)\u{0}\($0.path)").inserted }
            .sorted { ($0.provider, $0.account, $0.path) < ($1.provider, $1.account, $1.path) }
        merged.policy = orderedUnique(audits.map(\.policy)).joined(separator: ", ")
        merged.version = Set(audits.map(\.version)).sorted().joined(separator: ",")
        merged.now = audits.compactMap(\.now).max()
        merged.summary = AuditReportDocument.Summary(findings: merged.findings.count, waived: merged.waived.count,
                                                     bySeverity: bySeverity(merged.findings.map(\.severity)))
        return merged
    }

    static func auditOrder(_ a: AuditReportDocument.FindingRecord, _ b: AuditReportDocument.FindingRecord) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        return (a.check, a.app ?? "", a.keyId ?? "", a.message, a.fingerprint) < (b.check, b.app ?? "", b.keyId ?? "", b.message, b.fingerprint)
    }

    private static func bySeverity(_ severities: [Severity]) -> [String: Int] {
        var counts = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, 0) })
        for severity in severities { counts[severity.rawValue, default: 0] += 1 }
        return counts
    }

    private static func orderedUnique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
