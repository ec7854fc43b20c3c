import ArgumentParser
import Foundation
import KeyWardenCore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render saved scan and audit JSON reports in another format, merging several into one.",
        discussion: """
        Reads reports saved with `keywarden scan --format json` or `keywarden audit --format json` \
        and writes them again without rescanning. Several scan reports (for example the shards of a \
        CI matrix) merge into one: findings are the union, a finding appearing in more than one \
        input (same fingerprint at the same place) is kept once. Several audit reports merge the \
        same way (by check, account, app and key). Scan and audit reports combine into one report \
        in every format: text shows the audit then the scan, json nests them under `scan` and \
        `audit`, sarif writes one run for each.

        Saved secrets are already redacted and are kept as they are.

        Exit codes: 0 written (or nothing at or above --fail-on); 1 findings at or above --fail-on; \
        2 usage error; 3 an input could not be read or is not a saved keywarden report.
        """
    )

    @Option(name: .shortAndLong, parsing: .upToNextOption,
            help: ArgumentHelp("Saved JSON reports: one or more after the flag, or the flag repeated.", valueName: "file"))
    var input: [String] = []

    @Option(name: .shortAndLong, help: "Output format: text, json, sarif, html, markdown, junit or csv.")
    var format: ReportFormat = .html

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file instead of stdout.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("The generation time the report shows (ISO 8601), so output is reproducible.", valueName: "instant"))
    var now: Instant?

    @Option(help: ArgumentHelp("Exit 1 when a finding is at least this severe: critical, high, medium, low, info, or none.",
                               valueName: "severity"))
    var failOn: FailureThreshold = .none

    func validate() throws {
        if input.isEmpty { throw ValidationError("give at least one --input report") }
    }

    func run() throws {
        var scans: [ScanSection] = [], audits: [AuditSection] = []
        for path in input {
            do {
                let document = try SavedReport.load(path: path)
                scans += document.scan.map { [$0] } ?? []
                audits += document.audit.map { [$0] } ?? []
            } catch {
                throw CommandFailure.incomplete(error.description)
            }
        }
        // The saved secrets are redacted already (unless the run showed them): written as they are.
        let document = ReportDocument(scan: ReportMerger.merge(scans: scans), audit: ReportMerger.merge(audits: audits),
                                      generatedAt: now?.date ?? Date())
        try Terminal.deliver(try format.writer().write(document), to: output)
        if failOn.isMet(by: document.activeSeverities) { throw ExitCode(CommandFailure.findingsExitCode) }
    }
}
