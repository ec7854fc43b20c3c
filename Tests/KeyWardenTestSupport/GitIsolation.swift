import Foundation

/// The environment every git a test runs gets: no user or system configuration (the global
/// configuration is an empty file of our own, not the machine's /dev/null), fixed identities.
public enum GitIsolation {
    /// An empty file standing in for the user's git configuration, made once per test process.
    public static let emptyConfiguration: String = {
        let path = TestRunDirectories.path("keywarden-test-gitconfig-")
        precondition(FileManager.default.createFile(atPath: path, contents: Data()), "cannot create \(path)")
        return path
    }()

    /// The process's environment without any GIT_ variable, plus isolation and `extra`.
    public static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = emptyConfiguration
        environment.merge(extra) { $1 }
        return environment
    }
}
