import KeyWardenSupport
/// Merges saved reports of the same kind, such as the shards of a CI matrix scan, into one.
/// Findings are the union without duplicates; summaries are recounted from the merged findings.
public enum ReportMerger {
    /// A scan finding is a duplicate when it has the same fingerprint at the same place: the
    /// fingerprint names the secret (rule + value), and the same secret pasted in two files is
    /// two places to clean, so the place is part of the identity.
    public static func merge(scans: [ScanSection]) -> ScanSection? {
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
        var rulesSeen = Set<String>()
        merged.rules = scans.flatMap(\.rules).filter { rulesSeen.insert($0.id).inserted }.sorted { $0.id < $1.id }
        merged.summary = ScanSection.Summary(
            findings: merged.findings.count, bySeverity: ScanSection.bySeverity(merged.findings.map(\.severity)),
            filesScanned: scans.map(\.summary.filesScanned).reduce(0, +), bytesScanned: scans.map(\.summary.bytesScanned).reduce(0, +),
            skipped: merged.skipped.count,
            // Shards run side by side: the merged scan took as long as the slowest one.
            durationSeconds: scans.map(\.summary.durationSeconds).max() ?? 0,
            // The strictest threshold a shard used is what the merged report can promise.
            confidence: scans.compactMap(\.summary.confidence).max(),
            belowConfidence: scans.contains { $0.summary.belowConfidence != nil }
                ? scans.compactMap(\.summary.belowConfidence).reduce(0, +) : nil)
        return merged
    }

    /// An audit finding is a duplicate when it has the same fingerprint (check, provider,
    /// account, app, key and place).
    public static func merge(audits: [AuditSection]) -> AuditSection? {
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
        var checksSeen = Set<String>()
        merged.checks = audits.flatMap(\.checks).filter { checksSeen.insert($0.id).inserted }
        var keysSeen = Set<String>()
        merged.keyAges = audits.flatMap(\.keyAges).filter { keysSeen.insert("\($0.provider)\u{0}\($0.account)\u{0}\($0.keyId)").inserted }
            .sorted(by: KeyAge.chartOrder)
        merged.summary = AuditSection.Summary(findings: merged.findings.count, waived: merged.waived.count,
                                              bySeverity: ScanSection.bySeverity(merged.findings.map(\.severity)))
        return merged
    }

    static func auditOrder(_ a: AuditSection.FindingRecord, _ b: AuditSection.FindingRecord) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        return (a.check, a.app ?? "", a.keyId ?? "", a.message, a.fingerprint) < (b.check, b.app ?? "", b.keyId ?? "", b.message, b.fingerprint)
    }

    private static func orderedUnique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
