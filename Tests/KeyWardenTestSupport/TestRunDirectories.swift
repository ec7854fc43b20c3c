import Foundation

/// Files and directories a test run keeps for its whole length, named with its process id
/// (`<prefix><pid>` in the temporary directory): the run's compiled-rule cache (4-8 MB), its git
/// and keywarden configuration, the `nobody` copy of the binary, the fuzz targets' scratch
/// directory. A test process has no hook at its end to remove them, so each run removes those of
/// earlier runs that have ended.
public enum TestRunDirectories {
    public static let prefixes = ["keywarden-tests-cache-", "keywarden-test-gitconfig-", "keywarden-cli-tests-config-",
                                  "keywarden-cli-tests-empty-", "keywarden-cli-tests-nobody-", "keywarden-detection-cli-",
                                  // the fuzz targets' scratch directory (replayed by the tests)
                                  "keywarden-fuzz-"]

    /// `<temporary directory><prefix><this process's id>`, once the ended runs' are gone.
    public static func path(_ prefix: String) -> String {
        precondition(prefixes.contains(prefix), "add \(prefix) to TestRunDirectories.prefixes")
        sweptEndedRuns
        return NSTemporaryDirectory() + prefix + String(getpid())
    }

    private static let sweptEndedRuns: Void = sweepEndedRuns(in: NSTemporaryDirectory())

    /// Removes the entries in `directory` of runs whose process no longer exists (a live one,
    /// this run or a parallel one, keeps its own; a reused id only delays the removal).
    public static func sweepEndedRuns(in directory: String) {
        let directory = directory.hasSuffix("/") ? directory : directory + "/"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
            guard let prefix = prefixes.first(where: { name.hasPrefix($0) }), let pid = pid_t(name.dropFirst(prefix.count)),
                  pid > 0, pid != getpid(), kill(pid, 0) == -1, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: directory + name)
        }
    }
}
