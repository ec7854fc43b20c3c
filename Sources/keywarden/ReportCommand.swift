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
        same way (by check, account, app and key). Scan and audit reports can be combined in one \
        html, markdown, junit or csv report; text, json and sarif show one kind at a time.

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
        var scans: [ScanReportDocument] = [], audits: [AuditReportDocument] = []
        for path in input {
            do {
                switch try SavedReport.load(path: path) {
                case let .scan(document): scans.append(document)
                case let .audit(document): audits.append(document)
                }
            } catch {
                throw CommandFailure.incomplete(error.description)
            }
        }
        let scan = ReportMerger.merge(scans: scans), audit = ReportMerger.merge(audits: audits)
        let text: String
        if let writer = format.reviewWriter {
            text = try writer.write(ReviewReport(scan: scan, audit: audit, keyAges: audit.map(KeyAge.fromRotationFindings) ?? [],
                                                 generatedAt: now?.date ?? Date()))
        } else if scan != nil, audit != nil {
            throw CommandFailure.usage("\(format.rawValue) shows one kind of report; combine scan and audit reports in html, markdown, junit or csv")
        } else if let audit {
            text = try format.auditWriter().write(AuditReport(document: audit))
        } else if let scan {
            // The saved secrets are redacted already: shown as they are.
            text = try format.writer().write(ScanReport(document: scan), redactor: Redactor(showSecrets: true))
        } else {
            throw CommandFailure.usage("no report to render")
        }
        try Terminal.deliver(text, to: output)
        let severities = (scan?.findings.map(\.severity) ?? []) + (audit?.findings.map(\.severity) ?? [])
        if failOn.isMet(by: severities) { throw ExitCode(CommandFailure.findingsExitCode) }
    }
}
