import Foundation
import KeyWardenTestSupport

/// Runs the built `keywarden` binary and git in temporary repositories, for end-to-end tests of
/// the git commands. The binary is `<package root>/.build/debug/keywarden` (`swift build` first).
enum GitCLIHarness {
    static var binary: String { CLIHarness.binary }

    typealias Outcome = ProcessRunner.Outcome

    /// The environment every child gets: no user or system git configuration, fixed identities.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = GitIsolation.environment()
        for role in ["AUTHOR", "COMMITTER"] {
            environment["GIT_\(role)_NAME"] = "Ada Author"
            environment["GIT_\(role)_EMAIL"] = "ada@example.org"
            environment["GIT_\(role)_DATE"] = "1767225600 +0000"
        }
        environment["PATH"] = (PackagePaths.root + "/.build/debug:") + (environment["PATH"] ?? "/usr/bin:/bin")
        environment.merge(extra) { $1 }
        return environment
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String], in directory: String,
                    environment extra: [String: String] = [:]) throws -> Outcome {
        try ProcessRunner.run(executable, arguments, in: directory, environment: environment(extra))
    }

    static func keywarden(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> Outcome {
        try run(binary, arguments, in: directory, environment: environment)
    }

    /// Runs git and fails loudly when it fails.
    @discardableResult
    static func git(_ arguments: [String], in directory: String) throws -> String {
        let outcome = try run("git", arguments, in: directory)
        guard outcome.status == 0 else { throw Failure("git \(arguments.joined(separator: " ")): \(outcome.stderr)") }
        return outcome.stdout
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// A new repository (the one git fixture, `GitTestRepository`) with one committed file.
    static func repository(initialFile: String = "README.md", content: String = "hello\n") throws -> GitTestRepository {
        let repository = try GitTestRepository()
        try repository.write(initialFile, content)
        try repository.commit("start")
        return repository
    }
}
