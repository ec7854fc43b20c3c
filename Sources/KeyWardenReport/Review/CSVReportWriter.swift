import KeyWardenReportModel
import KeyWardenSupport
/// One row per finding with a header row, in a fixed column order, quoted as RFC 4180 says
/// (CRLF line ends; fields with a comma, quote or line break in quotes, quotes doubled).
public struct CSVReportWriter: ReportWriter {
    /// The columns, in order. A contract: spreadsheets and scripts address them by position.
    public static let columns = ["kind", "severity", "rule", "path", "line", "column", "target", "message", "secret",
                                 "keyId", "fingerprint", "waived", "remediation", "confidence"]

    public init() {}

    public func write(_ report: ReportDocument) throws -> String {
        var rows = [Self.columns]
        for entry in report.entries {
            rows.append([entry.origin.rawValue, entry.severity.rawValue, entry.rule, entry.path ?? "", entry.line.map(String.init) ?? "",
                         entry.column.map(String.init) ?? "", entry.target, entry.title, entry.secret ?? "", entry.keyId ?? "",
                         entry.fingerprint, entry.waiver ?? "", entry.remediation, entry.confidence?.rawValue ?? ""])
        }
        return rows.map { $0.map(Self.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A cell a spreadsheet must not run: text starting with = + - @ or a control character is
    /// prefixed with an apostrophe (OWASP's CSV-injection advice), since paths and labels come
    /// from the scanned repository and the account.
    public static func field(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
