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

        Secrets are redacted again on the way out: a report saved with --show-secrets shows them \
        only when --show-secrets is given to `report` as well.

        Exit codes: 0 written (or nothing at or above --fail-on); 1 findings at or above --fail-on; \
        2 usage error; 3 an input could not be read or is not a saved keywarden report.
        """
    )

    @Option(name: .shortAndLong, parsing: .upToNextOption,
            help: ArgumentHelp("Saved JSON reports: one or more after the flag, or the flag repeated.", valueName: "file"))
    var input: [String] = []

    @OptionGroup(title: "Report") var report: ReportOptions<SavedReportDefaults>

    @Flag(help: "Show secrets a report was saved with in full (saved with --show-secrets); otherwise they are redacted again.")
    var showSecrets = false

    @Option(help: ArgumentHelp("Show only findings at least this sure (low, medium, high); default: as saved.",
                               valueName: "level"))
    var confidence: Confidence?

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
        // A report saved with --show-secrets holds secrets in full; showing them again is the
        // reader's decision, not the file's.
        if !showSecrets {
            let redactor = Redactor()
            for index in scans.indices {
                for finding in scans[index].findings.indices where !Self.isRedacted(scans[index].findings[finding].secret) {
                    scans[index].findings[finding].secret = redactor.redact(scans[index].findings[finding].secret)
                }
            }
        }
        if let confidence { scans = scans.map { $0.keeping(confidence: confidence) } }
        try report.deliver(ReportDocument(scan: ReportMerger.merge(scans: scans), audit: ReportMerger.merge(audits: audits),
                                          generatedAt: report.now?.date ?? Date()))
    }

    /// The redactor's form: a short prefix, an ellipsis and the length (`AKIA…(20 chars)`).
    static func isRedacted(_ secret: String) -> Bool {
        guard let open = secret.range(of: "…(", options: .backwards), secret.hasSuffix(" chars)") else { return false }
        let count = secret[open.upperBound...].dropLast(" chars)".count)
        return !count.isEmpty && count.allSatisfy(\.isASCII) && count.allSatisfy(\.isNumber) && secret[..<open.lowerBound].count <= 4
    }
}
