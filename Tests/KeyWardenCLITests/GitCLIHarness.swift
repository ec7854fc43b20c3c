import Foundation

/// Runs the built `keywarden` binary and git in temporary repositories, for end-to-end tests of
/// the git commands. The binary is `<package root>/.build/debug/keywarden` (`swift build` first).
enum GitCLIHarness {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var binary: String { packageRoot + "/.build/debug/keywarden" }

    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The environment every child gets: no user or system git configuration, fixed identities.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        for role in ["AUTHOR", "COMMITTER"] {
            environment["GIT_\(role)_NAME"] = "Ada Author"
            environment["GIT_\(role)_EMAIL"] = "ada@example.org"
            environment["GIT_\(role)_DATE"] = "1767225600 +0000"
        }
        environment["PATH"] = (packageRoot + "/.build/debug:") + (environment["PATH"] ?? "/usr/bin:/bin")
        environment.merge(extra) { $1 }
        return environment
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String], in directory: String,
                    environment extra: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
        process.arguments = executable.hasPrefix("/") ? arguments : [executable] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment(extra)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read stderr on another thread so neither pipe can fill up and stall the child.
        let errorData = DataBox()
        let done = DispatchSemaphore(value: 0)
        let errorHandle = errors.fileHandleForReading
        Thread.detachNewThread {
            errorData.data = errorHandle.readDataToEndOfFile()
            done.signal()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
                       stderr: String(decoding: errorData.data, as: UTF8.self))
    }

    private final class DataBox: @unchecked Sendable { var data = Data() }

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

    /// A temporary directory removed when released.
    final class Directory {
        let path: String

        init() throws {
            var template = Array((NSTemporaryDirectory() + "keywarden-cli-XXXXXX").utf8CString)
            guard let created = mkdtemp(&template) else { throw Failure("mkdtemp failed") }
            path = String(cString: created)
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }

        func write(_ relative: String, _ content: String) throws {
            let full = path + "/" + relative
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(content.utf8).write(to: URL(fileURLWithPath: full))
        }

        func read(_ relative: String) -> String? {
            FileManager.default.contents(atPath: path + "/" + relative).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// A new repository with one committed file.
    static func repository(initialFile: String = "README.md", content: String = "hello\n") throws -> Directory {
        let directory = try Directory()
        try git(["init", "-q", "-b", "main"], in: directory.path)
        try directory.write(initialFile, content)
        try git(["add", "-A"], in: directory.path)
        try git(["commit", "-q", "-m", "start"], in: directory.path)
        return directory
    }
}
