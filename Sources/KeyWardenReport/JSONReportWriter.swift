import Foundation
import KeyWardenReportModel
import KeyWardenSupport

/// The JSON report: a scan or an audit section as it is saved on its own (field names are a
/// contract: other tools, `keywarden report` and `audit --findings` read them), or both side by
/// side under `scan` and `audit` with `"kind": "combined"`.
public struct JSONReportWriter: ReportWriter {
    public init() {}

    public func write(_ document: ReportDocument) throws -> String {
        switch (document.scan, document.audit) {
        case let (scan?, audit?): try JSONOutput.encode(CombinedReport(version: document.toolVersion, scan: scan, audit: audit))
        case let (scan?, nil): try JSONOutput.encode(scan)
        case let (nil, audit?): try JSONOutput.encode(audit)
        case (nil, nil): try JSONOutput.encode([String: String]())
        }
    }
}
