import Foundation
import KeyWardenTestSupport
import Testing

/// Runs the built `keywarden` binary the way a user or CI does, capturing everything.
enum CLIHarness {
    /// The debug binary `swift test` builds (the test target depends on the executable).
    static var binary: String {
        let candidates = [Bundle.main.bundleURL.appendingPathComponent("keywarden").path,
                          PackagePaths.root + "/.build/debug/keywarden"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[1]
    }

    /// One cache for the whole run (see `TestRunCache`).
    static var cacheHome: String { TestRunCache.home }

    /// The fingerprint key's config directory: a temporary one, never the real home, shared by
    /// the run so fingerprints match between invocations as they do on one installation.
    static let configHome: String = {
        let path = TestRunDirectories.path("keywarden-cli-tests-config-")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// Fills `cacheHome` with the built-in rules once per run (later callers wait for the
    /// first), for tests that bound a scan's time: a compile on a fresh cache takes half a
    /// minute and is not what they measure.
    static let builtinRulesCompiled: Void = {
        let empty = TestRunDirectories.path("keywarden-cli-tests-empty-")
        try? FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        _ = try? run(["scan", empty, "-q"])
    }()

    /// For tests run as root that need a user whom permissions stop: `nobody` (65534) gets a copy
    /// of the binary it can execute and a rule cache of its own (a cache must belong to its
    /// user), holding copies of the run's compiled entries, so its scans do not compile again.
    private static let unprivileged: (binary: String, cacheHome: String) = {
        let directory = TestRunDirectories.path("keywarden-cli-tests-nobody-")
        let cacheHome = directory + "/cache"
        let cache = cacheHome + "/keywarden"
        try? FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        chmod(directory, 0o755)
        builtinRulesCompiled
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: TestRunCache.directory)) ?? []
        for entry in entries where entry.hasSuffix(".hsdb") {
            try? FileManager.default.copyItem(atPath: TestRunCache.directory + "/" + entry, toPath: cache + "/" + entry)
            chown(cache + "/" + entry, 65534, 65534)
        }
        chown(cacheHome, 65534, 65534)
        chown(cache, 65534, 65534)
        chmod(cacheHome, 0o700)
        chmod(cache, 0o700)
        try? FileManager.default.copyItem(atPath: binary, toPath: directory + "/keywarden")
        return (directory + "/keywarden", cacheHome)
    }()

    /// Runs the binary as `nobody` when the tests run as root (root reads every file), else as
    /// the current user.
    static func runUnprivileged(_ arguments: [String]) throws -> Outcome {
        guard getuid() == 0 else { return try run(arguments) }
        return try run(["--reuid=65534", "--regid=65534", "--clear-groups", unprivileged.binary] + arguments,
                       environment: ["XDG_CACHE_HOME": unprivileged.cacheHome], executable: "/usr/bin/setpriv")
    }

    typealias Outcome = ProcessRunner.Outcome

    /// The findings of a `--format json` run.
    static func findings(_ outcome: Outcome) throws -> [[String: Any]] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        return try #require(document["findings"] as? [[String: Any]])
    }

    /// Runs in `directory` with the test process's environment plus `extra`; with
    /// `inheritEnvironment: false`, with only PATH plus `extra` (no stray credentials).
    static func run(_ arguments: [String], in directory: String = PackagePaths.root, environment extra: [String: String] = [:],
                    inheritEnvironment: Bool = true, executable: String? = nil, input: Data? = nil) throws -> Outcome {
        var environment = inheritEnvironment ? ProcessInfo.processInfo.environment
            : ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        environment["XDG_CACHE_HOME"] = cacheHome
        environment["KEYWARDEN_CONFIG_DIR"] = configHome
        environment.removeValue(forKey: "KEYWARDEN_FINGERPRINT_KEY")
        environment.removeValue(forKey: "NO_COLOR")
        for (key, value) in extra { environment[key] = value }
        return try ProcessRunner.run(executable ?? binary, arguments, in: directory, environment: environment, input: input)
    }

    static func python(_ script: String, _ arguments: [String]) throws -> Outcome {
        try run(["python3", script] + arguments, executable: "/usr/bin/env")
    }
}
