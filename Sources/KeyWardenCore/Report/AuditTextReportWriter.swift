/// The audit report for people at a terminal: one block per finding with its evidence and
/// fix, the waived findings apart, then a summary line.
public struct AuditTextReportWriter: AuditReportWriter {
    public let colour: Bool

    public init(colour: Bool) { self.colour = colour }

    public func write(_ report: AuditReport) throws -> String {
        var out = ""
        for finding in report.result.findings {
            out += "\(paint(finding.severity.rawValue.uppercased(), finding.severity)) \(finding.check)\(subject(finding))\n"
            out += "  \(finding.message)\n"
            for evidence in finding.evidence { out += "  \(evidence.name): \(evidence.value)\n" }
            if let location = finding.location { out += "  at \(location)\n" }
            out += "  fix: \(finding.remediation)\n\n"
        }
        if !report.result.waived.isEmpty {
            out += "Waived (\(report.result.waived.count)):\n"
            for waived in report.result.waived {
                let finding = waived.finding, waiver = waived.waiver
                out += "  \(finding.severity.rawValue.uppercased()) \(finding.check)\(subject(finding)): \(finding.message)\n"
                out += "    waived until \(ISO8601Date.day(waiver.expires)) by \(waiver.owner): \(waiver.reason) (\(waiver.location))\n"
            }
            out += "\n"
        }
        out += summaryLine(report) + "\n"
        return out
    }

    private func subject(_ finding: AuditFinding) -> String {
        var parts: [String] = []
        if let app = finding.app { parts.append("app \(app)") }
        if let keyId = finding.keyId { parts.append("key \(keyId)") }
        if let provider = finding.provider, let account = finding.account { parts.append("\(provider.rawValue)/\(account)") }
        return parts.isEmpty ? "" : "  " + parts.joined(separator: "  ")
    }

    func summaryLine(_ report: AuditReport) -> String {
        let findings = report.result.findings
        let counts = report.result.countsBySeverity
        let bySeverity = Severity.descending.compactMap { severity in counts[severity].map { "\($0) \(severity.rawValue)" } }
        var line = findings.isEmpty ? "no policy violations" : "\(findings.count) finding\(findings.count == 1 ? "" : "s") (\(bySeverity.joined(separator: ", ")))"
        line += ", \(report.result.waived.count) waived"
        let keys = report.inventories.map(\.keys).reduce(0, +)
        line += "; \(keys) key\(keys == 1 ? "" : "s") in \(report.inventories.count) inventor\(report.inventories.count == 1 ? "y" : "ies")"
        line += " against \(report.policyFile)"
        return line
    }

    private func paint(_ text: String, _ severity: Severity) -> String {
        SeverityColour(enabled: colour).paint(text, severity)
    }
}
