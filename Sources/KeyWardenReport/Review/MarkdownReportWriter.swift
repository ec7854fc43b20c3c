import Foundation
import KeyWardenReportModel
import KeyWardenSupport

/// Markdown for a pull-request comment: a compact summary table, findings grouped by file,
/// long groups and secondary lists folded into `<details>` so the comment stays short.
public struct MarkdownReportWriter: ReportWriter {
    /// Groups with more findings than this are folded.
    public static let foldAbove = 5

    public init() {}

    public func write(_ report: ReportDocument) throws -> String {
        let active = report.activeEntries
        let waived = report.entries.filter { $0.waiver != nil }
        let counts = report.countsBySeverity
        var out = "## keywarden: \(report.title)\n\n"
        let tally = Severity.descending.compactMap { severity in counts[severity].flatMap { $0 > 0 ? "\($0) \(severity.rawValue)" : nil } }
        out += active.isEmpty ? "**No findings.**" : "**\(active.count) finding\(active.count == 1 ? "" : "s")** (\(tally.joined(separator: ", ")))"
        if !waived.isEmpty { out += ", \(waived.count) waived" }
        out += "\n\n"

        out += "| | " + Severity.descending.map { $0.rawValue.capitalized }.joined(separator: " | ") + " | Total |\n"
        out += "|---|" + String(repeating: "---:|", count: Severity.allCases.count + 1) + "\n"
        for origin in [ReviewEntry.Origin.audit, .scan] where origin == .audit ? report.audit != nil : report.scan != nil {
            let entries = active.filter { $0.origin == origin }
            out += "| \(origin == .audit ? "Audit" : "Scan") | "
                + Severity.descending.map { severity in "\(entries.filter { $0.severity == severity }.count)" }.joined(separator: " | ")
                + " | **\(entries.count)** |\n"
        }
        out += "\n"

        let rules = report.rulesSummary
        if !rules.isEmpty {
            let both = report.scan != nil && report.audit != nil
            let noun = both ? "rule and check" : report.audit != nil ? "check" : "rule"
            out += "<details><summary>By \(noun) (\(rules.count))</summary>\n\n"
            out += "| \(noun.prefix(1).uppercased() + noun.dropFirst()) |\(both ? " Kind |" : "") Severity | Findings |\n"
            out += "|---|\(both ? "---|" : "")---|---:|\n"
            for rule in rules {
                out += "| \(code(rule.rule)) |\(both ? " \(rule.origin.rawValue) |" : "") \(rule.severity.rawValue) | \(rule.count) |\n"
            }
            out += "\n</details>\n\n"
        }

        if !active.isEmpty {
            out += "### Findings by file\n\n"
            // Every secret is fixed the same way: said once, not under each finding.
            if active.contains(where: { $0.origin == .scan }) { out += "> **Fix for every secret:** \(text(ScanSection.secretRemediation))\n\n" }
            let groups = Dictionary(grouping: active) { $0.path ?? $0.target }
            for place in groups.keys.sorted() {
                let entries = groups[place]!.sorted { ($0.line ?? 0, $1.severity, $0.rule) < ($1.line ?? 0, $0.severity, $1.rule) }
                let items = entries.map(item).joined()
                if entries.count > Self.foldAbove {
                    out += "<details><summary><code>\(MarkupEscaping.html(place))</code>: \(entries.count) findings</summary>\n\n\(items)\n</details>\n\n"
                } else {
                    out += "**\(code(place))**\n\n\(items)\n"
                }
            }
        }

        if let suppressions = report.scan?.suppressions, suppressions.total > 0 {
            out += "<details><summary>Suppressed (\(suppressions.total) in force, \(suppressions.expiringSoon.count) expiring within 30 days)</summary>\n\n"
            out += "| Owner | Suppressions |\n|---|---:|\n"
            for (owner, count) in suppressions.byOwner.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                out += "| \(text(owner)) | \(count) |\n"
            }
            if !suppressions.expiringSoon.isEmpty {
                out += "\n| Expires | Where | Owner | Reason |\n|---|---|---|---|\n"
                for item in suppressions.expiringSoon.sorted(by: { ($0.until, $0.path) < ($1.until, $1.path) }) {
                    out += "| \(text(item.until)) | \(code(item.path + (item.line.map { ":\($0)" } ?? ""))) | \(text(item.owner ?? "")) | \(text(item.reason ?? "")) |\n"
                }
            }
            out += "\n</details>\n\n"
        }
        if !waived.isEmpty {
            out += "<details><summary>Waived (\(waived.count))</summary>\n\n"
            for entry in waived {
                out += "- \(entry.severity.rawValue.uppercased()) \(code(entry.rule)) \(text(entry.target)): \(text(entry.waiver ?? ""))\n"
            }
            out += "\n</details>\n\n"
        }
        if let skipped = report.scan?.skipped, !skipped.isEmpty {
            out += "<details><summary>Not scanned (\(skipped.count))</summary>\n\n"
            for item in skipped { out += "- \(code(item.path)): \(text(item.reason))\n" }
            out += "\n</details>\n\n"
        }
        out += "<sub>" + metadata(report).map { text($0) }.joined(separator: " · ") + "</sub>\n"
        return out
    }

    private func item(_ entry: ReviewEntry) -> String {
        var line = "- **\(entry.severity.rawValue.uppercased())** \(code(entry.rule))"
        if let at = entry.line { line += " line \(at)" }
        line += ": \(text(entry.title))"
        if let secret = entry.secret { line += " \(code(secret))" }
        if let confidence = entry.confidence { line += " (\(confidence.rawValue) confidence)" }
        if entry.origin == .audit { line += " (\(text(entry.target)))" }
        return entry.origin == .scan ? line + "\n" : line + "\n  <br>Fix: \(text(entry.remediation))\n"
    }

    private func metadata(_ report: ReportDocument) -> [String] {
        var parts = ["keywarden \(report.toolVersion)"]
        if let audit = report.audit { parts.append("policy \(audit.policy)") }
        if let scan = report.scan { parts.append("rules \(scan.rulesHash.prefix(12))") }
        if let date = report.generatedAt { parts.append("generated \(ISO8601Date.format(date))") }
        return parts
    }

    /// Inline text with Markdown and HTML syntax neutralised, on one line.
    private func text(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "|", "#", "~", "!": out += "\\\(character)"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    /// A code span; backticks and table pipes inside are replaced, since a span cannot escape them.
    private func code(_ value: String) -> String {
        "`" + value.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "|", with: "¦")
            .replacingOccurrences(of: "\n", with: " ") + "`"
    }
}
