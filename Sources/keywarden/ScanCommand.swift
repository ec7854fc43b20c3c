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

        A .keywarden.yaml at the first scan root (or --config FILE) can skip paths, allow values, \
        disable or add rules, and extend a gitleaks config (`extends: .gitleaks.toml`: its rules, \
        allowlists and [extend] path; a .gitleaksignore at the scan root is honoured in any case); \
        --staged reads the copy staged in the index, never the work tree's. Inline markers silence one finding: `keywarden:allow` (also \
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

    static let defaultMaxFileSize = ByteSize(bytes: 10 << 20)
    static let defaultArchiveDepth = 2

    @Option(help: ArgumentHelp("Skip files larger than this (e.g. 10M, 512K).", valueName: "size"))
    var maxFileSize = defaultMaxFileSize

    @Flag(help: "Follow symbolic links (each directory is entered once, so loops end).")
    var followSymlinks = false

    @Option(help: ArgumentHelp("""
        Open archives (zip, jar, war, apk, whl, nupkg, tar, tar.gz, tgz, gz, bz2, xz) and scan their members, \
        archives inside archives down to this depth; 0 leaves archives unread.
        """, valueName: "n"))
    var archiveDepth = defaultArchiveDepth

    @Option(help: ArgumentHelp("""
        Scan a container image instead of paths: the tar `docker save` or `podman save` writes, or an OCI \
        image layout directory. Every layer's files are scanned, and the config's Env and history.
        """, valueName: "image"))
    var image: String?

    @Flag(help: """
        Skip what git ignores (.gitignore, .git/info/exclude) in a directory scan; also `respectGitignore: true` \
        in .keywarden.yaml. Off by default: ignored files such as .env are the ones that leak.
        """)
    var respectGitignore = false

    @Flag(help: """
        Inline markers must say reason="…" owner=… until=YYYY-MM-DD; a finding behind a marker without them is \
        reported (also `requireSuppressionMetadata: true` in .keywarden.yaml).
        """)
    var requireSuppressionMetadata = false

    @Option(help: ArgumentHelp("""
        Report findings at least this sure: high (provider formats, checksums), medium (also bare values next to \
        the provider's name and literals assigned to credential names), low (also weak literals and those in \
        tests, fixtures and examples). Default: `confidence:` in .keywarden.yaml, else medium.
        """, valueName: "level"))
    var confidence: Confidence?

    @Flag(name: .shortAndLong, help: "Do not print the note about skipped files (warnings are still printed).")
    var quiet = false

    @Flag(name: .shortAndLong, help: "List every skipped file instead of one summary line.")
    var verbose = false

    @OptionGroup(title: "Git") var git: GitScanOptions

    @OptionGroup(title: "Baseline") var baseline: BaselineOptions

    @OptionGroup var rules: RuleOptions

    @OptionGroup(title: "Verification") var verification: VerifyOptions

    func validate() throws {
        if paths.contains("-") && paths != ["-"] { throw ValidationError("`-` (standard input) cannot be combined with other paths") }
        if paths == ["-"] && git.isEnabled { throw ValidationError("`-` (standard input) is not a git repository") }
        guard (0...8).contains(archiveDepth) else { throw ValidationError("--archive-depth must be between 0 and 8") }
        if image != nil && (!paths.isEmpty || git.isEnabled) { throw ValidationError("--image scans an image alone: give no paths and no git mode") }
    }

    func run() throws {
        let started = ContinuousClock.now
        // Standard input takes its configuration from the current directory, as a scan of `.` would.
        let roots = paths.isEmpty || paths == ["-"] ? ["."] : paths
        // The base rules and, when cached, their compiled database load on a thread of their own
        // (see ScanHeadStart), on the guess that the configuration adds no rules; git meanwhile
        // finds the repository, the staged changes and the configuration. What the start of the
        // process did not guess is started here.
        let earlyRules = ScanHeadStart.takeRules()
        let usesBuiltinRules = rules.ruleDirectories.isEmpty && !rules.noCache
        let preloading = (usesBuiltinRules ? earlyRules : nil) ?? (git.staged && config == nil ? ScanHeadStart.startRules(rules) : nil)
        let earlyStaged = ScanHeadStart.takeStaged()
        let repository: GitRepository?
        let stagedChanges: BackgroundWork<StagedChanges>?
        var configuration: ScanConfiguration
        if let earlyStaged, git.staged, paths.isEmpty, config == nil, maxFileSize.bytes == Self.defaultMaxFileSize.bytes {
            let early = try earlyStaged.value()
            (repository, stagedChanges) = (early.repository, early.changes)
            configuration = try early.configuration.get()
        } else {
            repository = try git.repository(paths: paths)
            let readsStagedConfiguration = git.staged && config == nil
            stagedChanges = repository.flatMap { [maxFileSize] repository in
                git.staged ? BackgroundWork {
                    try StagedChanges.read(repository, maxBlobSize: maxFileSize.bytes,
                                           indexPaths: readsStagedConfiguration ? ScanConfiguration.stagedFileNames : [])
                } : nil
            }
            configuration = if let repository, readsStagedConfiguration {
                try ScanConfiguration.staged(in: repository, indexFiles: (try? stagedChanges?.value())?.indexFiles)
            } else {
                try ScanConfiguration.discover(explicit: config, roots: repository.map { [$0.workTree ?? $0.path] } ?? roots)
            }
        }
        let baseRules = Result { try preloading?.value().ruleSet ?? rules.loadBaseRuleSet() }
        var preloaded = try? preloading?.value().compiled
        configuration.now = report.now?.date
        for warning in configuration.gitleaks?.warnings ?? [] { Terminal.warning("\(warning.location): \(warning.message)") }
        if requireSuppressionMetadata { configuration.requireSuppressionMetadata = true }
        let (compiledRules, ruleSet) = try rules.ruleSets(base: baseRules.get(), configuration: configuration)
        // The guess held when the configuration added no rules.
        if preloaded?.ruleSet.contentHash != compiledRules.contentHash { preloaded = nil }
        // Built before the scan, so a regex PCRE2 rejects is a configuration error at once.
        let gitleaksFilter = try GitleaksFindingFilter(config: configuration.gitleaks, ignore: configuration.gitleaksIgnore,
                                                       roots: repository.map { [$0.workTree ?? $0.path] } ?? roots,
                                                       ruleIDs: Set(ruleSet.rules.map(\.id)))
        let scanner = try SecretScanner(compiled: (preloaded ?? rules.compile(compiledRules)).disabling(configuration.disabledRules),
                                        configuration: configuration, tables: try? preloading?.value().tables)

        var result: ScanResult
        if let image {
            let limits = ArchiveLimits(maxDepth: max(1, archiveDepth), maxMemberSize: maxFileSize.bytes, maxExpandedBytes: 4 << 30,
                                       maxMembers: 1_000_000, maxRatio: 1_000)
            result = try ScanPipeline(scanner: scanner).run(ImageSource(path: image, limits: limits))
        } else if paths == ["-"] {
            result = try ScanPipeline(scanner: scanner).run(StandardInputSource(maxSize: maxFileSize.bytes))
        } else if let repository {
            result = try git.scan(repository, scanner: scanner, configuration: configuration, maxBlobSize: maxFileSize.bytes,
                                  stagedChanges: stagedChanges)
        } else {
            let excluded = rules.ruleDirectories + configuration.ruleDirectories
            let progress = ProgressLine.forStandardError(label: "scanning", unit: "files")
            defer { progress?.finish() }
            let archives = ArchiveLimits(maxDepth: archiveDepth, maxMemberSize: maxFileSize.bytes)
            if respectGitignore || configuration.respectGitignore {
                let listing = try walk(roots, configuration: configuration, excluding: excluded)
                let counter = progress.map { GitScanProgressCounter(total: listing.files.count, observer: $0.update) }
                result = try ScanPipeline(scanner: scanner).run(FileSource(files: listing.files, maxFileSize: maxFileSize.bytes,
                                                                           archives: archives),
                                                                progress: counter)
                result.skipped = (result.skipped + listing.skipped).sorted()
            } else {
                // Files are scanned as the walk reaches them.
                let directory = DirectorySource(roots: roots, followSymlinks: followSymlinks, excluding: excluded,
                                                skip: { [configuration] in configuration.skips($0) })
                let source = WalkedFileSource(directory, roots: try directory.checkedRoots(), maxFileSize: maxFileSize.bytes,
                                              archives: archives)
                let counter = progress.map { GitScanProgressCounter(total: { source.count }, observer: $0.update) }
                result = try ScanPipeline(scanner: scanner).run(source, progress: counter)
                result.skipped = (result.skipped + source.skipped()).sorted()
                _ = consume counter  // its closure holds the source too
                releaseInBackground(consume source)
            }
        }
        let filtered = gitleaksFilter.apply(result.findings)
        if filtered.hidden > 0, !quiet {
            Terminal.note("\(filtered.hidden) finding\(filtered.hidden == 1 ? "" : "s") hidden by gitleaks allowlists or .gitleaksignore")
        }
        result.findings = try baseline.apply(to: filtered.kept, quiet: quiet, now: report.now?.date)
        result.keep(confidence: confidence ?? configuration.confidence ?? .medium)

        let duration = report.now == nil ? (ContinuousClock.now - started).seconds : 0
        // Only SARIF shows it, and asking git costs two processes the pre-commit path can spare.
        let versionControl = report.format == .sarif ? try repository.map(git.versionControl) : nil
        var section = ScanSection(result: result, rules: ruleSet.rules, rulesHash: ruleSet.contentHash, durationSeconds: duration,
                                  redactor: Redactor(showSecrets: showSecrets), versionControl: versionControl)
        // The review formats show the suppressions in force; only they pay for listing them.
        if [.html, .markdown].contains(report.format), image == nil, paths != ["-"] {
            let known = try baseline.baseline.map { (path: $0, try Baseline.load(path: $0)) }
            let ledger = try SuppressionLedger.collect(roots: repository.map { [$0.workTree ?? $0.path] } ?? roots,
                                                       skip: { [configuration] in configuration.skips($0) }, baseline: known,
                                                       now: report.now?.date ?? Date())
            section.suppressions = ledger.summary(now: report.now?.date ?? Date())
        }
        // The only network step of a scan, and only when asked for.
        if verification.verify || configuration.verify {
            let endpoints = try verification.endpoints()
            let verifier = FindingVerifier(verifier: ExchangeKeyVerifier(endpoints: endpoints.exchanges),
                                           services: ServiceKeyVerifier(endpoints: endpoints.services))
            let findings = result.findings
            let results = try AsyncBridge.wait { await verifier.verify(findings) }
            section = section.verified(results)
        }
        reportSkipped(result.skipped)
        try report.deliver(ReportDocument(scan: section, generatedAt: report.now?.date ?? Date()))
    }

    /// The files to scan when what git ignores is left out: git is asked once per root, so each
    /// root is walked with its own ignore list.
    func walk(_ roots: [String], configuration: ScanConfiguration, excluding: [String]) throws
        -> (files: [DirectorySource.Entry], skipped: [SkippedInput]) {
        var files: [DirectorySource.Entry] = [], skipped: [SkippedInput] = []
        for root in roots {
            let ignored = GitIgnoredPaths.load(root: root)
            let listing = try DirectorySource(roots: [root], followSymlinks: followSymlinks, excluding: excluding,
                                              skip: { [configuration] in configuration.skips($0) || ignored?.ignores($0) == true }).entries()
            files += listing.files
            skipped += listing.skipped
        }
        var seen = Set<String>()
        return (files.filter { seen.insert($0.path).inserted }.sorted { $0.path < $1.path }, skipped.sorted())
    }

    /// Warnings (content that should have been read and was not) one per line; expected skips
    /// (binary files, links not followed) in one summary line, or one per line with --verbose.
    private func reportSkipped(_ skipped: [SkippedInput]) {
        var expected: [SkippedInput] = []
        for item in skipped {
            if item.isWarning {
                Terminal.warning("skipped \(TerminalText.escaped(item.path)): \(item.explanation)")
            } else if verbose {
                Terminal.note("skipped \(TerminalText.escaped(item.path)): \(item.explanation)")
            } else {
                expected.append(item)
            }
        }
        if !expected.isEmpty, !quiet { Terminal.note(SkipSummary.line(expected)) }
    }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
