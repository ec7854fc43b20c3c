import KeyWardenInputs
import KeyWardenMatching
import KeyWardenRules
import KeyWardenScan
import Synchronization

/// Work a scan is sure to need, started on threads of their own before the command is made:
/// the base rules with their cached database, and for a pre-commit scan git's part (the
/// repository, the configuration the index holds, the staged changes and their blobs). Each
/// takes longer than making the command, even with swift-argument-parser (6-8 ms: it looks up
/// the conformances of every option in a static binary), so none of them waits for it.
///
/// The start is a guess from argv; `ScanCommand` uses the work only when its parsed options agree,
/// and drops it otherwise (the work only reads). A scan with options the guess does not know
/// starts its work after parsing, as before.
enum ScanHeadStart {
    typealias LoadedRules = (ruleSet: RuleSet, compiled: CompiledRuleSet?, tables: SecretScanner.RuleTables?)
    typealias StagedStart = (repository: GitRepository, configuration: Result<ScanConfiguration, any Error>,
                             changes: BackgroundWork<StagedChanges>)

    private static let rules = Mutex<(work: BackgroundWork<LoadedRules>?, taken: Bool)>((nil, false))
    private static let staged = Mutex<BackgroundWork<StagedStart>?>(nil)

    /// Starts what `arguments` (argv) make certain: the built-in rules for a scan without
    /// `--rules`, `--no-cache` or help; git's part for `scan --staged` with no path and no option
    /// but those of the report (the pre-commit hook runs exactly `scan --staged`).
    static func begin(arguments: [String]) {
        guard arguments.dropFirst().first == "scan" else { return }
        let options = Array(arguments.dropFirst(2))
        if !options.contains(where: { $0.hasPrefix("--rules") || $0.hasPrefix("--no-cache") || ["-h", "--help", "--version"].contains($0) }) {
            rules.withLock { $0.work = BackgroundWork(loadBuiltinRules) }
        }
        if PlainStagedScan.options(options) != nil {
            staged.withLock {
                $0 = BackgroundWork {
                    // The diff (the longest of git's part) and the blob reader need only the
                    // directory, so they start with rev-parse rather than after it; when it is no
                    // repository, rev-parse's error is the one reported.
                    // The blob reader's git also reads the configuration the index holds.
                    let changes = BackgroundWork {
                        try StagedChanges.read(GitRepository.unconfirmed(at: "."), maxBlobSize: ScanCommand.defaultMaxFileSize.bytes,
                                               indexPaths: ScanConfiguration.stagedFileNames)
                    }
                    let repository = try GitRepository(at: ".")
                    // A malformed configuration is the scan's error, reported when the scan asks.
                    let indexFiles = (try? changes.value())?.indexFiles
                    return (repository, Result { try ScanConfiguration.staged(in: repository, indexFiles: indexFiles) }, changes)
                }
            }
        }
    }

    /// The early rule load, once; nil when none was started. It stays referenced here too, so
    /// the loaded catalogue is freed by the end of the process, not by the end of the scan:
    /// releasing 745 rules, their compiled set and its scratch on the way out cost a pre-commit
    /// scan ~0.7 ms, for memory the exit frees anyway. Only `main` starts this work, once.
    static func takeRules() -> BackgroundWork<LoadedRules>? {
        rules.withLock { state in
            guard !state.taken else { return nil }
            state.taken = true
            return state.work
        }
    }

    /// The early staged work, once; nil when none was started.
    static func takeStaged() -> BackgroundWork<StagedStart>? { staged.withLock { $0.take() } }

    /// Starts loading `options`' base rules on a thread of their own.
    static func startRules(_ options: RuleOptions) -> BackgroundWork<LoadedRules> {
        BackgroundWork {
            let base = try options.loadBaseRuleSet()
            return (base, options.cachedCompile(base), nil)
        }
    }

    /// What `startRules` does for options left at their defaults, which cannot be read before
    /// they are parsed.
    @Sendable private static func loadBuiltinRules() throws -> LoadedRules {
        let cache = CompiledRuleSetCache.userDefault()
        let base = try cache.builtinRuleSetForScanning()
        let compiled = CompiledRuleSet(cached: base, cache: cache)
        compiled?.prepareScratch()
        return (base, compiled, SecretScanner.RuleTables(base))
    }
}
