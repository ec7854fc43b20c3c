import ArgumentParser
import Foundation
import KeyWardenReport
import KeyWardenReportModel
import KeyWardenSupport

/// What differs between the commands that write a report: the default format and threshold, and
/// what `--now` pins.
protocol ReportDefaults {
    static var format: ReportFormat { get }
    static var failOn: FailureThreshold { get }
    static var nowHelp: String { get }
}

/// `--format`, `--output`, `--fail-on` and `--now`, declared once for `scan`, `audit` and `report`.
struct ReportOptions<Defaults: ReportDefaults>: ParsableArguments {
    // The values and the default are listed by ArgumentParser from the format enum itself.
    @Option(name: .shortAndLong, help: "Output format.")
    var format: ReportFormat = Defaults.format

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file instead of stdout.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Exit 1 when a finding is at least this severe; none never fails on findings.",
                               valueName: "severity"))
    var failOn: FailureThreshold = Defaults.failOn

    @Option(help: ArgumentHelp(Defaults.nowHelp, valueName: "instant"))
    var now: Instant?

    /// Writes `document` in the chosen format (colour only on a terminal), then exits 1 when a
    /// finding to act on reaches `--fail-on`: of the whole document, or of `judged` when only part
    /// of what is shown is the command's own result (an audit showing the scan it cross-referenced).
    func deliver(_ document: ReportDocument, judged: [Severity]? = nil) throws {
        let colour = output == nil && Terminal.wantsColour(STDOUT_FILENO)
        try Terminal.deliver(try format.writer(colour: colour).write(document), to: output)
        if failOn.isMet(by: judged ?? document.activeSeverities) { throw ExitCode(CommandFailure.findingsExitCode) }
    }
}

enum ScanReportDefaults: ReportDefaults {
    static let format = ReportFormat.text
    static let failOn = FailureThreshold.severity(.low)
    static let nowHelp = "Pin the clock (ISO 8601): durations are reported as 0, so output is reproducible."
}

enum AuditReportDefaults: ReportDefaults {
    static let format = ReportFormat.text
    static let failOn = FailureThreshold.severity(.low)
    static let nowHelp = "Pin the clock (ISO 8601) that ages, expiries and waivers are measured against."
}

enum SavedReportDefaults: ReportDefaults {
    static let format = ReportFormat.html
    static let failOn = FailureThreshold.none
    static let nowHelp = "The generation time the report shows (ISO 8601), so output is reproducible."
}
