import Foundation

/// A real git repository in a temporary directory, with fixed identities and dates so commit
/// ids are reproducible, and no user or system configuration leaking in.
public final class GitTestRepository {
    public let directory: TemporaryDirectory
    public var path: String { directory.path }
    /// Seconds since the epoch for the next commit; each commit moves it on by a minute.
    public private(set) var clock = 1_767_225_600  // 2026-01-01T00:00:00Z

    public init(bare: Bool = false) throws {
        directory = try TemporaryDirectory()
        try git(["init", "-q", "-b", "main"] + (bare ? ["--bare"] : []))
    }

    /// Runs git here (or in `directory`) and returns stdout; throws with stderr on failure.
    @discardableResult
    public func git(_ arguments: [String], in directory: String? = nil, environment extra: [String: String] = [:]) throws -> String {
        try Self.run(arguments, in: directory ?? path, environment: environment().merging(extra) { $1 })
    }

    public func environment() -> [String: String] {
        let date = "\(clock) +0000"
        return ["GIT_AUTHOR_NAME": "Ada Author", "GIT_AUTHOR_EMAIL": "ada@example.org", "GIT_AUTHOR_DATE": date,
                "GIT_COMMITTER_NAME": "Ada Author", "GIT_COMMITTER_EMAIL": "ada@example.org", "GIT_COMMITTER_DATE": date]
    }

    public static func run(_ arguments: [String], in directory: String, environment extra: [String: String] = [:]) throws -> String {
        let outcome = try ProcessRunner.run("git", arguments, in: directory, environment: GitIsolation.environment(extra))
        guard outcome.status == 0 else { throw GitCommandFailed(arguments: arguments, status: outcome.status, message: outcome.stderr) }
        return outcome.stdout
    }

    public struct GitCommandFailed: Error, CustomStringConvertible {
        public let arguments: [String]
        public let status: Int32
        public let message: String
        public var description: String { "git \(arguments.joined(separator: " ")) exited \(status): \(message)" }
    }

    @discardableResult
    public func write(_ relative: String, _ content: String) throws -> String { try directory.write(relative, content) }

    public func read(_ relative: String) -> String? { directory.read(relative) }

    public func remove(_ relative: String) throws { try FileManager.default.removeItem(atPath: path + "/" + relative) }

    /// Stages everything and commits; returns the new commit id.
    @discardableResult
    public func commit(_ message: String, stageAll: Bool = true) throws -> String {
        if stageAll { try git(["add", "-A"]) }
        try git(["commit", "-q", "--allow-empty", "-m", message])
        clock += 60
        return try head()
    }

    public func head() throws -> String { try git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines) }
}
