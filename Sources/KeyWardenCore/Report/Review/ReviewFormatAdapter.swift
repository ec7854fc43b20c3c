import Foundation

/// Lets `scan` and `audit` write the review formats: a live report becomes its saved document
/// (redacted by the run's redactor), then the one review model every review writer reads.
struct ReviewFormatAdapter: ScanReportWriter, AuditReportWriter {
    let writer: any ReviewReportWriter
    let generatedAt: Date?

    func write(_ report: ScanReport, redactor: Redactor) throws -> String {
        try writer.write(ReviewReport(scan: ScanReportDocument(report, redactor: redactor), generatedAt: generatedAt))
    }

    func write(_ report: AuditReport) throws -> String {
        try writer.write(ReviewReport(report, generatedAt: generatedAt))
    }
}

extension ReportFormat {
    /// The writer of a review format; nil for text, JSON and SARIF, which have their own per kind.
    public var reviewWriter: (any ReviewReportWriter)? {
        switch self {
        case .text, .json, .sarif: nil
        case .html: HTMLReportWriter()
        case .markdown: MarkdownReportWriter()
        case .junit: JUnitReportWriter()
        case .csv: CSVReportWriter()
        }
    }

    /// The review formats can show a scan and an audit in one report; the others show one kind.
    public var isReviewFormat: Bool { reviewWriter != nil }
}
