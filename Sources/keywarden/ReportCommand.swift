import ArgumentParser
import Foundation
import KeyWardenHooks
import KeyWardenInputs
import KeyWardenInventory
import KeyWardenMatching
import KeyWardenPolicy
import KeyWardenReport
import KeyWardenReportModel
import KeyWardenRules
import KeyWardenScan
import KeyWardenSupport

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

    @OptionGroup(title: "Report") var report: ReportOptions<SavedReportDefaults>

    func validate() throws {
        if input.isEmpty { throw ValidationError("give at least one --input report") }
    }

    func run() throws {
        var scans: [ScanSection] = [], audits: [AuditSection] = []
        for path in input {
            let document = try SavedReport.load(path: path)
            scans += document.scan.map { [$0] } ?? []
            audits += document.audit.map { [$0] } ?? []
        }
        // The saved secrets are redacted already (unless the run showed them): written as they are.
        try report.deliver(ReportDocument(scan: ReportMerger.merge(scans: scans), audit: ReportMerger.merge(audits: audits),
                                          generatedAt: report.now?.date ?? Date()))
    }
}
