import ArgumentParser
import Foundation
import KeyWardenReportModel
import KeyWardenRules
import KeyWardenScan
import KeyWardenSupport
import KeyWardenVerification

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-check the findings of a saved scan report, or state what verification may call.",
        discussion: """
        --input FILE re-verifies the findings of a report `keywarden scan --format json` saved, \
        without rescanning: each secret is taken from the report when it was saved with \
        --show-secrets, otherwise re-read from the source file (found by its fingerprint, so a \
        secret that moved to another line is still found; paths start at --source-root). A \
        finding whose secret is neither in the report nor in its file is `unknown`, with the \
        reason. The report is written again with each finding's verification, in any format.

        --list-endpoints prints every method and URL verification may send a found credential \
        to, one per line (provider, method, URL), with --verify-endpoint overrides applied. The \
        secret goes only to the provider that issued it (or the endpoint given for that provider).

        Exit codes (--input): 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage \
        error; 3 the report could not be read.
        """
    )

    @Flag(help: "Print every endpoint verification may call.")
    var listEndpoints = false

    @Option(help: ArgumentHelp("A scan report saved with --format json whose findings to verify again.", valueName: "file"))
    var input: String?

    @Option(help: ArgumentHelp("The directory the report's paths start from (where the scan ran; default: the current directory).",
                               valueName: "dir"))
    var sourceRoot = "."

    @Flag(help: "Show secrets in full in the report written (a report saved with --show-secrets is redacted again without it).")
    var showSecrets = false

    @OptionGroup(title: "Report") var report: ReportOptions<ScanReportDefaults>

    @OptionGroup var rules: RuleOptions

    @OptionGroup var options: VerifyOptions

    func validate() throws {
        guard listEndpoints != (input != nil) else { throw ValidationError("give --list-endpoints or --input FILE") }
    }

    func run() throws {
        guard let input else {
            for endpoint in VerificationEndpoints.all(overrides: try options.endpoints()) {
                print("\(endpoint.provider)\t\(endpoint.method)\t\(endpoint.url)")
            }
            return
        }
        let document: ReportDocument
        do {
            document = try SavedReport.load(path: input, as: "scan report")
        } catch {
            throw CommandFailure.incomplete(error.description)
        }
        guard let section = document.scan else { throw CommandFailure.incomplete("\(input) holds no scan findings (an audit report?)") }
        let configuration = try ScanConfiguration.discover(explicit: nil, roots: [sourceRoot])
        let ruleSet = try RuleSet(rules.loadRules(extraDirectories: configuration.ruleDirectories))
        let scanner = try SecretScanner(compiled: rules.compile(ruleSet), configuration: configuration)
        let reader = SavedFindingReader(scanner: scanner, rules: ruleSet.rules, sourceRoot: sourceRoot)
        let endpoints = try options.endpoints()
        let verifier = FindingVerifier(verifier: ExchangeKeyVerifier(endpoints: endpoints.exchanges),
                                       services: ServiceKeyVerifier(endpoints: endpoints.services))
        let records = section.findings
        let results = try AsyncBridge.wait { await verifier.verify(savedFindings: records, reader: reader) }
        let verified = section.redacted(Redactor(showSecrets: showSecrets)).verified(results)
        try report.deliver(ReportDocument(scan: verified, generatedAt: report.now?.date ?? Date()))
    }
}
