import Foundation
import KeyWardenReportModel
import KeyWardenSupport

/// The report for people at a terminal: one block per finding, then a summary line; an audit's
/// waived findings apart. A report holding both halves shows the audit first, then the scan.
public struct TextReportWriter: ReportWriter {
    public let colour: Bool

    public init(colour: Bool) { self.colour = colour }

    public func write(_ document: ReportDocument) throws -> String {
        [document.audit.map(audit), document.scan.map(scan)].compactMap { $0 }.joined(separator: "\n")
    }

    private func scan(_ scan: ScanSection) -> String {
        var out = ""
        for finding in scan.findings {
            out += "\(paint(finding.severity.rawValue.uppercased(), finding.severity)) \(safe(finding.rule))"
            out += finding.confidence.map { "  (\($0.rawValue) confidence)\n" } ?? "\n"
            out += "  \(safe(finding.path)):\(finding.line):\(finding.column)  \(safe(finding.description))\n"
            out += "  secret \(safe(finding.secret))"
            out += "  fingerprint \(finding.fingerprint.prefix(16))\n"
            if let keyId = finding.keyId { out += "  key id \(safe(keyId))\n" }
            for part in finding.parts ?? [] { out += "  with \(part.rule) at line \(part.line)\n" }
            if let encoding = finding.decodedFrom { out += "  decoded from \(encoding)\n" }
            if let lapsed = finding.lapsedSuppression {
                let who = [lapsed.reason, lapsed.owner].compactMap { $0 }.map(safe).joined(separator: "; ")
                let why = lapsed.lapse == "expired" ? "expired \(safe(lapsed.until ?? "?"))" : "has no reason, owner and until"
                out += "  suppression \(why)\(who.isEmpty ? "" : " (\(who))"): reported again\n"
            }
            if let verification = finding.verification { out += verificationLine(verification) }
            if let commit = finding.commit {
                let day = finding.date.flatMap(ISO8601Date.parse).map(ISO8601Date.day) ?? "?"
                out += "  commit \(safe(String(commit.prefix(12))))  \(safe(finding.author ?? "")) <\(safe(finding.email ?? ""))>  \(day)  "
                out += finding.presentAtHead ?? true ? "still in HEAD\n" : "not in HEAD\n"
            }
            out += "\n"
        }
        return out + summaryLine(scan) + "\n"
    }

    /// `  verified live: live OKX key, can withdraw, not IP-bound` (the reason follows for unknown).
    private func verificationLine(_ verification: Verification) -> String {
        var line = "  verified \(verification.status.rawValue): \(safe(verification.summary))"
        if let reason = verification.reason, verification.status != .live { line += " (\(safe(reason)))" }
        return line + "\n"
    }

    func summaryLine(_ scan: ScanSection) -> String {
        let summary = scan.summary
        let found = scan.findings.isEmpty
            ? "no secrets found"
            : "\(scan.findings.count) finding\(scan.findings.count == 1 ? "" : "s") (\(bySeverity(scan.findings.map(\.severity))))"
        var line = "\(found) in \(summary.filesScanned) file\(summary.filesScanned == 1 ? "" : "s") (\(ByteCount.format(summary.bytesScanned)))"
        if summary.skipped > 0 { line += ", \(summary.skipped) skipped" }
        if let below = summary.belowConfidence, below > 0, let level = summary.confidence {
            line += ", \(below) below \(level.rawValue) confidence not shown"
        }
        line += String(format: ", %.2f s", summary.durationSeconds)
        return line
    }

    private func audit(_ audit: AuditSection) -> String {
        var out = ""
        for finding in audit.findings {
            out += "\(paint(finding.severity.rawValue.uppercased(), finding.severity)) \(finding.check)\(subject(finding))\n"
            out += "  \(safe(finding.message))\n"
            for evidence in finding.evidence { out += "  \(evidence.name): \(safe(evidence.value))\n" }
            if let path = finding.path { out += "  at \(safe(path)):\(finding.line ?? 1):\(finding.column ?? 1)\n" }
            out += "  fix: \(finding.remediation)\n\n"
        }
        if !audit.waived.isEmpty {
            out += "Waived (\(audit.waived.count)):\n"
            for finding in audit.waived {
                out += "  \(finding.severity.rawValue.uppercased()) \(finding.check)\(subject(finding)): \(safe(finding.message))\n"
                if let waiver = finding.waiver {
                    out += "    waived until \(waiver.expires) by \(safe(waiver.owner)): \(safe(waiver.reason)) (\(safe(waiver.location)))\n"
                }
            }
            out += "\n"
        }
        return out + summaryLine(audit) + "\n"
    }

    private func subject(_ finding: AuditSection.FindingRecord) -> String {
        var parts: [String] = []
        if let app = finding.app { parts.append("app \(safe(app))") }
        if let keyId = finding.keyId { parts.append("key \(safe(keyId))") }
        if let provider = finding.provider, let account = finding.account { parts.append("\(provider)/\(safe(account))") }
        return parts.isEmpty ? "" : "  " + parts.joined(separator: "  ")
    }

    func summaryLine(_ audit: AuditSection) -> String {
        let findings = audit.findings
        var line = findings.isEmpty ? "no policy violations"
            : "\(findings.count) finding\(findings.count == 1 ? "" : "s") (\(bySeverity(findings.map(\.severity))))"
        line += ", \(audit.waived.count) waived"
        let keys = audit.inventories.map(\.keys).reduce(0, +)
        line += "; \(keys) key\(keys == 1 ? "" : "s") in \(audit.inventories.count) inventor\(audit.inventories.count == 1 ? "y" : "ies")"
        line += " against \(safe(audit.policy))"
        return line
    }

    /// "1 critical, 2 high": the severities present, most severe first.
    private func bySeverity(_ severities: [Severity]) -> String {
        let counts = Dictionary(grouping: severities) { $0 }.mapValues(\.count)
        return Severity.descending.compactMap { severity in counts[severity].map { "\($0) \(severity.rawValue)" } }
            .joined(separator: ", ")
    }

    /// Every value that came from outside (paths, authors, labels, secrets): control characters
    /// escaped, so none can forge or erase a line.
    private func safe(_ text: String) -> String { TerminalText.escaped(text) }

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
