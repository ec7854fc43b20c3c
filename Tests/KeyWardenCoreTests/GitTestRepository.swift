import Foundation
@testable import KeyWardenCore

/// A real git repository in a temporary directory, with fixed identities and dates so commit
/// ids are reproducible, and no user or system configuration leaking in.
final class GitTestRepository {
    let directory: TemporaryDirectory
    var path: String { directory.path }
    /// Seconds since the epoch for the next commit; each commit moves it on by a minute.
    private(set) var clock = 1_767_225_600  // 2026-01-01T00:00:00Z

    init(bare: Bool = false) throws {
        directory = try TemporaryDirectory()
        try git(["init", "-q", "-b", "main"] + (bare ? ["--bare"] : []))
    }

    /// Runs git here (or in `directory`) and returns stdout; throws with stderr on failure.
    @discardableResult
    func git(_ arguments: [String], in directory: String? = nil, environment extra: [String: String] = [:]) throws -> String {
        try Self.run(arguments, in: directory ?? path, environment: environment().merging(extra) { $1 })
    }

    func environment() -> [String: String] {
        let date = "\(clock) +0000"
        return ["GIT_AUTHOR_NAME": "Ada Author", "GIT_AUTHOR_EMAIL": "ada@example.org", "GIT_AUTHOR_DATE": date,
                "GIT_COMMITTER_NAME": "Ada Author", "GIT_COMMITTER_EMAIL": "ada@example.org", "GIT_COMMITTER_DATE": date]
    }

    static func run(_ arguments: [String], in directory: String, environment extra: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment.merge(extra) { $1 }
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GitCommandFailed(arguments: arguments, status: process.terminationStatus, message: String(decoding: message, as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self)
    }

    struct GitCommandFailed: Error, CustomStringConvertible {
        let arguments: [String]
        let status: Int32
        let message: String
        var description: String { "git \(arguments.joined(separator: " ")) exited \(status): \(message)" }
    }

    @discardableResult
    func write(_ relative: String, _ content: String) throws -> String { try directory.write(relative, content) }

    func remove(_ relative: String) throws { try FileManager.default.removeItem(atPath: path + "/" + relative) }

    /// Stages everything and commits; returns the new commit id.
    @discardableResult
    func commit(_ message: String, stageAll: Bool = true) throws -> String {
        if stageAll { try git(["add", "-A"]) }
        try git(["commit", "-q", "--allow-empty", "-m", message])
        clock += 60
        return try head()
    }

    func head() throws -> String { try git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines) }

    func repository() throws -> GitRepository { try GitRepository(at: path) }
}
