import Foundation

/// The output formats a scan or an audit can be written in.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif
    /// The review formats, rendered from one `ReviewReport` model (Report/Review/).
    case html, markdown, junit, csv
}

/// Turns a scan report into bytes for one format. Writers never see unredacted secrets unless
/// the redactor shows them.
public protocol ScanReportWriter {
    func write(_ report: ScanReport, redactor: Redactor) throws -> String
}

extension ReportFormat {
    /// `generatedAt` is the time the review formats show (the run's clock, or `--now`).
    public func writer(colour: Bool = false, generatedAt: Date? = nil) -> ScanReportWriter {
        switch self {
        case .text: TextReportWriter(colour: colour)
        case .json: JSONReportWriter()
        case .sarif: SARIFReportWriter()
        case .html, .markdown, .junit, .csv: ReviewFormatAdapter(writer: reviewWriter!, generatedAt: generatedAt)
        }
    }
}
