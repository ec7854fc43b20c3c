/// The report for people at a terminal: one block per finding, then a summary line.
public struct TextReportWriter: ScanReportWriter {
    public let colour: Bool

    public init(colour: Bool) { self.colour = colour }

    public func write(_ report: ScanReport, redactor: Redactor) throws -> String {
        var out = ""
        for finding in report.result.findings {
            out += "\(paint(finding.severity.rawValue.uppercased(), finding.severity)) \(finding.rule)\n"
            out += "  \(finding.path):\(finding.line):\(finding.column)  \(finding.description)\n"
            out += "  secret \(redactor.redact(finding.secret).replacingOccurrences(of: "\n", with: "\\n"))"
            out += "  fingerprint \(finding.fingerprint.prefix(16))\n"
            if let keyId = finding.keyId { out += "  key id \(keyId)\n" }
            for part in finding.parts ?? [] { out += "  with \(part.rule) at line \(part.line)\n" }
            if let encoding = finding.decodedFrom { out += "  decoded from \(encoding)\n" }
            if let git = finding.git {
                out += "  commit \(git.commit.prefix(12))  \(git.author) <\(git.email)>  \(ISO8601Date.day(git.date))  "
                out += git.presentAtHead ? "still in HEAD\n" : "not in HEAD\n"
            }
            out += "\n"
        }
        out += summaryLine(report) + "\n"
        return out
    }

    func summaryLine(_ report: ScanReport) -> String {
        let result = report.result
        let counts = report.countsBySeverity
        let bySeverity = Severity.descending.compactMap { severity in counts[severity].map { "\($0) \(severity.rawValue)" } }
        let found = result.findings.isEmpty
            ? "no secrets found"
            : "\(result.findings.count) finding\(result.findings.count == 1 ? "" : "s") (\(bySeverity.joined(separator: ", ")))"
        var line = "\(found) in \(result.filesScanned) file\(result.filesScanned == 1 ? "" : "s") (\(ByteCount.format(result.bytesScanned)))"
        if !result.skipped.isEmpty { line += ", \(result.skipped.count) skipped" }
        line += String(format: ", %.2f s", report.durationSeconds)
        return line
    }

    private func paint(_ text: String, _ severity: Severity) -> String {
        SeverityColour(enabled: colour).paint(text, severity)
    }
}

/// "4.1 KB", "12.0 MB": sizes for people.
enum ByteCount {
    static func format(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        let units = ["KB", "MB", "GB", "TB"]
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return String(format: "%.1f", value) + " " + units[unit]
    }
}

import Foundation
