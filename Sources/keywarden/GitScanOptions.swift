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

/// `scan` options that read a git repository instead of walking directories.
struct GitScanOptions: ParsableArguments {
    @Flag(help: ArgumentHelp("""
        Scan the git history of the repository at PATH (the first path, default '.'): every blob \
        reachable from any ref, each scanned once; findings carry the commit that introduced them \
        and whether the secret is still at HEAD. Works on bare repositories and shallow clones.
        """))
    var git = false

    @Option(help: ArgumentHelp("With --git: leave out commits reachable from this one (scan REV..refs).", valueName: "rev"))
    var sinceCommit: String?

    @Option(help: ArgumentHelp("With --git: scan only history reachable from this ref instead of all refs.", valueName: "ref"))
    var branch: String?

    @Flag(help: ArgumentHelp("""
        Scan what the next commit records (the index, never the work tree) and report secrets on \
        the lines it adds or changes: the pre-commit check.
        """))
    var staged = false

    var isEnabled: Bool { git || staged }

    func validate() throws {
        if git && staged { throw ValidationError("--git and --staged cannot be combined.") }
        if !git && (sinceCommit != nil || branch != nil) { throw ValidationError("--since-commit and --branch need --git.") }
    }

    /// The repository to read, or nil for a directory scan. Not a repository: exit 3.
    func repository(paths: [String]) throws -> GitRepository? {
        guard isEnabled else { return nil }
        guard paths.count <= 1 else {
            throw CommandFailure.usage("--\(git ? "git" : "staged") reads one repository; got \(paths.count) paths")
        }
        return try GitRepository(at: paths.first ?? ".")
    }

    /// Scans the history or the staged changes of `repository`.
    func scan(_ repository: GitRepository, scanner: SecretScanner, configuration: ScanConfiguration, maxBlobSize: Int,
              stagedChanges: BackgroundWork<StagedChanges>? = nil) throws -> ScanResult {
        let skip: @Sendable (String) -> Bool = { [configuration] in configuration.skips($0) }
        if staged {
            let scanner = StagedScanner(scanner: scanner, maxBlobSize: maxBlobSize, skip: skip)
            guard let stagedChanges else { return try scanner.scan(repository) }
            return try scanner.scan(repository, staged: try stagedChanges.value())
        }
        let progress = ProgressLine.forStandardError(label: "scanning history")
        defer { progress?.finish() }
        return try GitHistoryScanner(scanner: scanner, maxBlobSize: maxBlobSize, skip: skip)
            .scan(repository, selection: GitRevisionSelection(branch: branch, sinceCommit: sinceCommit), progress: progress?.update)
    }

    /// Where the scan read from, for SARIF.
    func versionControl(_ repository: GitRepository) throws -> VersionControlDetails {
        VersionControlDetails(repositoryURI: repository.repositoryURI(), revisionID: try repository.head(),
                              branch: try repository.headBranch())
    }
}
