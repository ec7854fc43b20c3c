import Foundation

/// Everything an audit report shows: the result, the check catalogue, and what was audited.
public struct AuditReport: Sendable {
    /// One inventory snapshot that went into the audit.
    public struct InventorySummary: Sendable, Hashable {
        public let path: String
        public let provider: Provider
        public let account: String
        public let fetchedAt: Date
        public let keys: Int

        public init(_ file: InventorySnapshotFile) {
            path = file.path
            provider = file.snapshot.provider
            account = file.snapshot.account
            fetchedAt = file.snapshot.fetchedAt
            keys = file.snapshot.keys.count
        }
    }

    public var result: AuditResult
    public var checks: [CheckDescriptor]
    public var policyFile: String
    public var inventories: [InventorySummary]
    /// The audit's clock, shown only when it was pinned (`--now`), so output stays reproducible.
    public var pinnedNow: Date?
    public var toolVersion: String
    /// Each live key's age against its policy's maximum, for the review formats' chart.
    public var keyAges: [KeyAge] = []
    /// The scan whose key ids the audit looked up (`--findings`), shown in the same review report.
    public var scanCrossReference: ScanReportDocument?

    public init(result: AuditResult, checks: [CheckDescriptor] = AuditCatalogue.descriptors, policyFile: String,
                inventories: [InventorySnapshotFile], pinnedNow: Date? = nil, toolVersion: String = KeyWarden.version) {
        self.result = result
        self.checks = checks
        self.policyFile = policyFile
        self.inventories = inventories.map(InventorySummary.init).sorted { ($0.provider, $0.account, $0.path) < ($1.provider, $1.account, $1.path) }
        self.pinnedNow = pinnedNow
        self.toolVersion = toolVersion
    }

    /// Stable identity of a finding across runs: check, place and subject, never dates or counts.
    static func fingerprint(_ finding: AuditFinding) -> String {
        Fingerprint.of(rule: finding.check, secret: [finding.provider?.rawValue ?? "", finding.account ?? "", finding.app ?? "",
                                                     finding.keyId ?? "", finding.location?.file ?? ""].joined(separator: "\u{0}"))
    }
}

/// Turns an audit report into bytes for one format.
public protocol AuditReportWriter {
    func write(_ report: AuditReport) throws -> String
}

extension ReportFormat {
    /// `generatedAt` is the time the review formats show, unless the audit's clock was pinned.
    public func auditWriter(colour: Bool = false, generatedAt: Date? = nil) -> AuditReportWriter {
        switch self {
        case .text: AuditTextReportWriter(colour: colour)
        case .json: AuditJSONReportWriter()
        case .sarif: AuditSARIFReportWriter()
        case .html, .markdown, .junit, .csv: ReviewFormatAdapter(writer: reviewWriter!, generatedAt: generatedAt)
        }
    }
}
