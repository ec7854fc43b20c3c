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
import KeyWardenVerification

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan files and directories for leaked keys and secrets.",
        discussion: """
        Walks the given paths (default: the current directory), skipping .git/, binary files and \
        files over --max-file-size, and reports every secret found. Secrets are redacted unless \
        --show-secrets is given.

        A .keywarden.yaml at the first scan root (or --config FILE) can skip paths, allow values \
        and disable or add rules. Inline markers silence one finding: `keywarden:allow` (also \
        `gitleaks:allow`, `pragma: allowlist secret`) on its line, `keywarden:allow-next-line` \
        (also `pragma: allowlist nextline secret`) on the line before.

        Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage or \
        configuration error; 3 the scan could not be completed.
        """
    )

    @Argument(help: "Files or directories to scan; `-` alone reads standard input (reported as path `-`).")
    var paths: [String] = []

    @OptionGroup(title: "Report") var report: ReportOptions<ScanReportDefaults>

    @Flag(help: "Show secrets in full instead of redacted.")
    var showSecrets = false

    @Option(help: ArgumentHelp("A configuration file to use instead of <root>/.keywarden.yaml.", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("Skip files larger than this (e.g. 10M, 512K).", valueName: "size"))
    var maxFileSize = ByteSize(bytes: 10 << 20)

    @Flag(help: "Follow symbolic links (each directory is entered once, so loops end).")
    var followSymlinks = false

    @Flag(name: .shortAndLong, help: "Do not print notes about skipped files (warnings are still printed).")
    var quiet = false

    @OptionGroup(title: "Git") var git: GitScanOptions

    @OptionGroup(title: "Baseline") var baseline: BaselineOptions

    @OptionGroup var rules: RuleOptions

    @OptionGroup(title: "Verification") var verification: VerifyOptions

    func validate() throws {
        if paths.contains("-") && paths != ["-"] { throw ValidationError("`-` (standard input) cannot be combined with other paths") }
        if paths == ["-"] && git.isEnabled { throw ValidationError("`-` (standard input) is not a git repository") }
    }

    func run() throws {
        let started = ContinuousClock.now
        // Standard input takes its configuration from the current directory, as a scan of `.` would.
        let roots = paths.isEmpty || paths == ["-"] ? ["."] : paths
        let repository = try git.repository(paths: paths)
        let configuration = try ScanConfiguration.discover(explicit: config, roots: repository.map { [$0.workTree ?? $0.path] } ?? roots)
        let ruleSet = try RuleSet(rules.loadRules(extraDirectories: configuration.ruleDirectories))
            .disabling(configuration.disabledRules, at: configuration.disabledRulesLocation)
        let scanner = try SecretScanner(compiled: rules.compile(ruleSet), configuration: configuration)

        var result: ScanResult
        if paths == ["-"] {
            result = try ScanPipeline(scanner: scanner).run(StandardInputSource(maxSize: maxFileSize.bytes))
        } else if let repository {
            result = try git.scan(repository, scanner: scanner, configuration: configuration, maxBlobSize: maxFileSize.bytes)
        } else {
            let walk = DirectorySource(roots: roots, followSymlinks: followSymlinks,
                                       excluding: rules.ruleDirectories + configuration.ruleDirectories,
                                       skip: { [configuration] in configuration.skips($0) })
            let listing = try walk.entries()
            result = try ScanPipeline(scanner: scanner).run(FileSource(files: listing.files, maxFileSize: maxFileSize.bytes))
            result.skipped = (result.skipped + listing.skipped).sorted()
        }
        result.findings = try baseline.apply(to: result.findings, quiet: quiet)

        let duration = report.now == nil ? (ContinuousClock.now - started).seconds : 0
        // Only SARIF shows it, and asking git costs two processes the pre-commit path can spare.
        let versionControl = report.format == .sarif ? try repository.map(git.versionControl) : nil
        var section = ScanSection(result: result, rules: ruleSet.rules, rulesHash: ruleSet.contentHash, durationSeconds: duration,
                                  redactor: Redactor(showSecrets: showSecrets), versionControl: versionControl)
        // The only network step of a scan, and only when asked for.
        if verification.verify || configuration.verify {
            let verifier = FindingVerifier(verifier: ExchangeKeyVerifier(endpoints: try verification.endpoints()))
            let findings = result.findings
            let results = try AsyncBridge.wait { await verifier.verify(findings) }
            section = section.verified(results)
        }
        reportSkipped(result.skipped)
        try report.deliver(ReportDocument(scan: section, generatedAt: report.now?.date ?? Date()))
    }

    private func reportSkipped(_ skipped: [SkippedInput]) {
        for item in skipped {
            if item.isWarning {
                Terminal.warning("skipped \(TerminalText.escaped(item.path)): \(item.explanation)")
            } else if !quiet {
                Terminal.note("skipped \(TerminalText.escaped(item.path)): \(item.explanation)")
            }
        }
    }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
