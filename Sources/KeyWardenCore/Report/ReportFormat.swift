/// The output formats a scan can be written in.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif
}

/// Turns a scan report into bytes for one format. Writers never see unredacted secrets unless
/// the redactor shows them.
public protocol ScanReportWriter {
    func write(_ report: ScanReport, redactor: Redactor) throws -> String
}

extension ReportFormat {
    public func writer(colour: Bool = false) -> ScanReportWriter {
        switch self {
        case .text: TextReportWriter(colour: colour)
        case .json: JSONReportWriter()
        case .sarif: SARIFReportWriter()
        }
    }
}
