import Foundation
import KeyWardenSupport

/// The one report model every writer renders: a scan, an audit, or both. Each section is
/// self-contained (its findings, already redacted, and the descriptors of its rules or checks),
/// so a report rendered during a run and one re-rendered later from saved JSON are the same bytes.
public struct ReportDocument: Sendable {
    public var scan: ScanSection?
    public var audit: AuditSection?
    /// When the report was made: the run's clock, or `--now` when pinned (review formats show it).
    public var generatedAt: Date?

    public init(scan: ScanSection? = nil, audit: AuditSection? = nil, generatedAt: Date? = nil) {
        self.scan = scan
        self.audit = audit
        self.generatedAt = generatedAt
    }

    /// Each key's age against its policy's maximum, for the audit chart.
    public var keyAges: [KeyAge] { audit?.keyAges ?? [] }

    /// The version of keywarden that produced the report.
    public var toolVersion: String { audit?.version ?? scan?.version ?? KeyWarden.version }

    /// Every severity of a finding to act on, both halves: what `--fail-on` is judged by.
    public var activeSeverities: [Severity] { (scan?.findings.map(\.severity) ?? []) + (audit?.findings.map(\.severity) ?? []) }

    /// Every finding of both halves, most severe first; audit before scan at equal severity,
    /// then in each section's own report order.
    public var entries: [ReviewEntry] {
        let audit = (audit?.findings ?? []).map(ReviewEntry.init(audit:))
            + (audit?.waived ?? []).map(ReviewEntry.init(audit:))
        let scan = (scan?.findings ?? []).map(ReviewEntry.init(scan:))
        return (audit + scan).enumerated().sorted { a, b in
            if a.element.severity != b.element.severity { return a.element.severity > b.element.severity }
            if (a.element.waiver == nil) != (b.element.waiver == nil) { return a.element.waiver == nil }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Findings to act on (waived ones excluded).
    public var activeEntries: [ReviewEntry] { entries.filter { $0.waiver == nil } }

    /// Findings to act on per severity, every severity present (zero when none).
    public var countsBySeverity: [Severity: Int] {
        var counts = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0, 0) })
        for entry in activeEntries { counts[entry.severity, default: 0] += 1 }
        return counts
    }

    /// Findings to act on per rule or check, most findings first.
    public var rulesSummary: [RuleSummary] {
        let groups = Dictionary(grouping: activeEntries) { RuleSummary.Key(origin: $0.origin, rule: $0.rule) }
        return groups.map { key, entries in
            RuleSummary(origin: key.origin, rule: key.rule, severity: entries.map(\.severity).max() ?? .info,
                        count: entries.count, summary: summary(of: key, entries: entries))
        }.sorted { ($1.count, $1.severity, $0.origin.rawValue, $0.rule) < ($0.count, $0.severity, $1.origin.rawValue, $1.rule) }
    }

    /// The title a report carries: what was reviewed.
    public var title: String {
        switch (scan != nil, audit != nil) {
        case (true, true): "Key security review: audit and scan"
        case (false, true): "Key policy audit"
        default: "Secret scan"
        }
    }

    private func summary(of key: RuleSummary.Key, entries: [ReviewEntry]) -> String {
        if key.origin == .audit, let check = audit?.checks.first(where: { $0.id == key.rule }) { return check.description }
        return entries.first?.title ?? ""
    }
}

/// How many findings one rule or check produced.
public struct RuleSummary: Sendable, Hashable {
    struct Key: Hashable { let origin: ReviewEntry.Origin; let rule: String }

    public let origin: ReviewEntry.Origin
    public let rule: String
    public let severity: Severity
    public let count: Int
    public let summary: String
}

/// Turns a report document into bytes for one format. Secrets in the document are redacted
/// already (by whoever built it), so a writer never sees one in full unless the user asked.
public protocol ReportWriter: Sendable {
    func write(_ document: ReportDocument) throws -> String
}
