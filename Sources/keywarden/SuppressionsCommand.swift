import ArgumentParser
import Foundation
import KeyWardenInputs
import KeyWardenReport
import KeyWardenScan
import KeyWardenSupport

struct SuppressionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suppressions",
        abstract: "List every suppression in force: inline markers and baseline entries, with owner, reason and expiry.",
        discussion: """
        Markers take metadata after them: `keywarden:allow reason="test fixture" owner=alice@example.com \\
        until=2027-03-31` (the same on `keywarden:allow-next-line`); baseline entries take `note`, `owner` \\
        and `until`. Past `until` a suppression stops suppressing and its finding is reported again. \\
        In a git repository each marker shows the commit, author and date that added it.

        Exit codes: 0 listed; 1 with --fail-on-expired when one has expired; 2 usage error.
        """
    )

    @Argument(help: "Files or directories to search for markers (default: the current directory).")
    var paths: [String] = []

    @Option(help: ArgumentHelp("A baseline file whose entries to list too.", valueName: "file"))
    var baseline: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("text, json, csv or markdown.", valueName: "format"))
    var format: Format = .text

    @Option(help: ArgumentHelp("Pin the clock expiry is judged by (ISO 8601).", valueName: "instant"))
    var now: Instant?

    @Flag(help: "Exit 1 when a suppression has expired.")
    var failOnExpired = false

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv, markdown }

    func run() throws {
        let roots = paths.isEmpty ? ["."] : paths
        let configuration = try ScanConfiguration.discover(explicit: nil, roots: roots)
        let known = try baseline.map { (path: $0, try Baseline.load(path: $0)) }
        let clock = now?.date ?? Date()
        let ledger = try SuppressionLedger.collect(roots: roots, skip: { [configuration] in configuration.skips($0) }, baseline: known,
                                                   now: clock)
        try Terminal.deliver(render(ledger.entries), to: nil)
        if failOnExpired, ledger.entries.contains(where: { $0.status == "expired" }) { throw ExitCode(1) }
    }

    func render(_ entries: [SuppressionLedger.Entry]) throws -> String {
        switch format {
        case .json:
            return try JSONOutput.encode(entries)
        case .csv:
            let header = ["kind", "path", "line", "status", "owner", "reason", "until", "rule", "fingerprint", "commit", "author", "date"]
            let rows = entries.map { [$0.kind, $0.path, $0.line.map(String.init) ?? "", $0.status, $0.owner ?? "", $0.reason ?? "",
                                      $0.until ?? "", $0.rule ?? "", $0.fingerprint ?? "", $0.commit ?? "", $0.author ?? "", $0.date ?? ""] }
            return ([header] + rows).map { $0.map(CSVReportWriter.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        case .markdown:
            var out = "| where | status | owner | reason | until | added |\n|---|---|---|---|---|---|\n"
            for entry in entries {
                let cells = ["\(entry.path)\(entry.line.map { ":\($0)" } ?? "") (\(entry.kind))", entry.status, entry.owner ?? "",
                             entry.reason ?? "", entry.until ?? "", entry.commit.map { String($0.prefix(12)) + " " + (entry.author ?? "") } ?? ""]
                out += "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
                    .joined(separator: " | ") + " |\n"
            }
            return out
        case .text:
            var out = ""
            for entry in entries {
                out += "\(TerminalText.escaped(entry.path))\(entry.line.map { ":\($0)" } ?? "")  \(entry.kind)  \(entry.status)\n"
                if let rule = entry.rule { out += "  rule \(rule)  fingerprint \(entry.fingerprint?.prefix(16) ?? "")\n" }
                out += "  owner \(TerminalText.escaped(entry.owner ?? "-"))  until \(entry.until ?? "-")  reason \(TerminalText.escaped(entry.reason ?? "-"))\n"
                if let commit = entry.commit {
                    out += "  added in \(commit.prefix(12)) by \(TerminalText.escaped(entry.author ?? "")) on \(entry.date ?? "")\n"
                }
            }
            let expired = entries.filter { $0.status == "expired" }.count
            return out + "\(entries.count) suppression\(entries.count == 1 ? "" : "s"), \(expired) expired\n"
        }
    }
}
