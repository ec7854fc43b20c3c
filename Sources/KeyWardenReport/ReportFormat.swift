import Foundation
import KeyWardenReportModel
import KeyWardenSupport

/// The output formats a scan, an audit or a saved report can be written in.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif, html, markdown, junit, csv
    /// GitLab's secret-detection report (`artifacts: reports: secret_detection:`).
    case gitlab

    /// The writer of this format. `colour` applies to text on a terminal.
    public func writer(colour: Bool = false) -> any ReportWriter {
        switch self {
        case .text: TextReportWriter(colour: colour)
        case .json: JSONReportWriter()
        case .sarif: SARIFReportWriter()
        case .html: HTMLReportWriter()
        case .markdown: MarkdownReportWriter()
        case .junit: JUnitReportWriter()
        case .csv: CSVReportWriter()
        case .gitlab: GitLabSecretDetectionWriter()
        }
    }

    /// The formats a person reviews; an audit shows in them the scan it cross-referenced.
    public var isReviewFormat: Bool {
        switch self {
        case .html, .markdown, .junit, .csv: true
        case .text, .json, .sarif, .gitlab: false
        }
    }
}
