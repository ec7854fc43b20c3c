import ArgumentParser
import KeyWardenReport
import KeyWardenScan
import KeyWardenSupport

/// `scan --staged` with only report options (what the pre-commit hook runs), made without
/// swift-argument-parser: its parse walks the static binary's protocol conformances for every
/// option of `scan`, 6-8 ms of CPU on each commit, most of the time a pre-commit scan spends
/// before it starts. The values go through the same `ExpressibleByArgument` conversions; anything
/// this does not recognise, or a value that does not convert, is left to the full parser (and so
/// gets its error messages). Every option is assigned: a test compares the command made here with
/// the parser's for the same arguments, field by field, so an option added to `scan` and not
/// here fails it.
enum PlainStagedScan {
    /// `options` (argv after `scan`) as names and values when they are `--staged` and otherwise
    /// only options that shape the report, so the repository is the current directory's and
    /// blobs are read up to the default size; nil for anything else. ScanHeadStart starts git's
    /// work on the same answer.
    static func options(_ options: [String]) -> [(name: String, value: String?)]? {
        let flags: Set = ["--staged", "--quiet", "-q", "--verbose", "-v", "--show-secrets"]
        let valued: Set = ["--format", "--output", "--fail-on", "--confidence"]
        var parsed: [(name: String, value: String?)] = []
        var index = 0
        while index < options.count {
            let option = options[index]
            if flags.contains(option) {
                parsed.append((option, nil))
                index += 1
            } else if valued.contains(option) {
                guard index + 1 < options.count else { return nil }
                parsed.append((option, options[index + 1]))
                index += 2
            } else if let equals = option.firstIndex(of: "="), valued.contains(String(option[..<equals])) {
                parsed.append((String(option[..<equals]), String(option[option.index(after: equals)...])))
                index += 1
            } else {
                return nil
            }
        }
        return options.contains("--staged") ? parsed : nil
    }

    /// The command for `options` (argv after `scan`), or nil when the full parser must decide.
    static func command(_ options: [String]) -> ScanCommand? {
        guard let parsed = Self.options(options) else { return nil }
        var report = ReportOptions<ScanReportDefaults>()
        report.format = ScanReportDefaults.format
        report.output = nil
        report.failOn = ScanReportDefaults.failOn
        report.now = nil
        var command = ScanCommand()
        command.showSecrets = false
        command.quiet = false
        command.verbose = false
        command.confidence = nil
        for (name, value) in parsed {
            switch (name, value) {
            case ("--staged", nil): break
            case ("--quiet", nil), ("-q", nil): command.quiet = true
            case ("--verbose", nil), ("-v", nil): command.verbose = true
            case ("--show-secrets", nil): command.showSecrets = true
            case let ("--format", value?):
                guard let format = ReportFormat(argument: value) else { return nil }
                report.format = format
            case let ("--output", value?): report.output = value
            case let ("--fail-on", value?):
                guard let threshold = FailureThreshold(argument: value) else { return nil }
                report.failOn = threshold
            case let ("--confidence", value?):
                guard let confidence = Confidence(argument: value) else { return nil }
                command.confidence = confidence
            default: return nil
            }
        }
        command.paths = []
        command.report = report
        command.config = nil
        command.maxFileSize = ScanCommand.defaultMaxFileSize
        command.followSymlinks = false
        command.archiveDepth = ScanCommand.defaultArchiveDepth
        command.image = nil
        command.respectGitignore = false
        command.requireSuppressionMetadata = false
        var git = GitScanOptions()
        git.git = false
        git.sinceCommit = nil
        git.branch = nil
        git.staged = true
        command.git = git
        var baseline = BaselineOptions()
        baseline.baseline = nil
        baseline.baselineOut = nil
        command.baseline = baseline
        var rules = RuleOptions()
        rules.ruleDirectories = []
        rules.noCache = false
        command.rules = rules
        var verification = VerifyOptions()
        verification.verify = false
        verification.verifyEndpoints = []
        command.verification = verification
        return command
    }
}
