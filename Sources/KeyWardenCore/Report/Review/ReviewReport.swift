import Foundation

/// The one model the review formats (HTML, Markdown, JUnit, CSV) render: a scan, an audit, or
/// both, as their saved JSON documents. Built from documents rather than live results so that a
/// report rendered during a run and one re-rendered later from the saved JSON are the same
/// bytes; the documents hold secrets already redacted, so no writer ever sees one in full.
public struct ReviewReport: Sendable {
    public var scan: ScanReportDocument?
    public var audit: AuditReportDocument?
    /// Each key's age against its policy's maximum, for the audit chart.
    public var keyAges: [KeyAge]
    /// When the report was made: the run's clock, or `--now` when pinned.
    public var generatedAt: Date?

    public init(scan: ScanReportDocument? = nil, audit: AuditReportDocument? = nil, keyAges: [KeyAge] = [],
                generatedAt: Date? = nil) {
        self.scan = scan
        self.audit = audit
        self.keyAges = keyAges
        self.generatedAt = generatedAt
    }

    /// A live audit, with its scan cross-reference when the audit was given one.
    public init(_ report: AuditReport, generatedAt: Date?) {
        self.init(scan: report.scanCrossReference, audit: AuditReportDocument(report), keyAges: report.keyAges,
                  generatedAt: report.pinnedNow ?? generatedAt)
    }

    /// Every finding of both halves, most severe first; audit before scan at equal severity,
    /// then in each document's own report order.
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
                        count: entries.count, summary: Self.summary(of: key, entries: entries))
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

    private static func summary(of key: RuleSummary.Key, entries: [ReviewEntry]) -> String {
        if key.origin == .audit, let descriptor = AuditCatalogue.descriptor(id: key.rule) { return descriptor.summary }
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

/// Turns a review report into bytes for one format.
public protocol ReviewReportWriter: Sendable {
    func write(_ report: ReviewReport) throws -> String
}
