import Foundation

/// One running git command with its output streamed through a `PipeReader`.
final class GitProcess {
    let command: String
    let repository: String
    private let process = Process()
    private let standardOutput = Pipe()
    private let standardError = Pipe()
    private let standardInput: Pipe?
    let output: PipeReader

    /// The git executable, found once on PATH (falls back to `/usr/bin/git`).
    static let executable: String = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/git"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return "/usr/bin/git"
    }()

    /// Starts `git -C directory arguments...`; with `input`, that text is written to its stdin
    /// from another thread, so a command that answers as it reads (cat-file) cannot deadlock.
    init(directory: String, arguments: [String], input: [UInt8]? = nil) throws(GitError) {
        command = arguments.first ?? ""
        repository = directory
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["-C", directory, "-c", "core.quotePath=false"] + arguments
        var environment = ProcessInfo.processInfo.environment
        // Stable messages and no prompts, pagers or on-demand fetches of missing objects.
        environment["LC_ALL"] = "C"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_NO_LAZY_FETCH"] = "1"
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        process.environment = environment
        process.standardOutput = standardOutput
        process.standardError = standardError
        standardInput = input == nil ? nil : Pipe()
        process.standardInput = standardInput ?? FileHandle.nullDevice
        output = PipeReader(descriptor: standardOutput.fileHandleForReading.fileDescriptor)
        do {
            try process.run()
        } catch {
            throw .gitUnavailable("\(Self.executable): \(error.localizedDescription)")
        }
        if let input, let standardInput {
            let writer = standardInput.fileHandleForWriting
            Thread.detachNewThread {
                // git may exit early (bad repository); writing then fails with EPIPE, which is harmless
                // because the exit status reports the real problem.
                input.withUnsafeBytes { bytes in
                    var offset = 0
                    while offset < bytes.count {
                        let written = write(writer.fileDescriptor, bytes.baseAddress! + offset, bytes.count - offset)
                        if written < 0 { if errno == EINTR { continue } else { break } }
                        offset += written
                    }
                }
                try? writer.close()
            }
        }
    }

    /// Waits for git to exit; throws with git's message unless it exited with an allowed status.
    @discardableResult
    func finish(allowing allowed: Set<Int32> = [0]) throws(GitError) -> Int32 {
        output.drain()
        let message = String(decoding: standardError.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let status = process.terminationStatus
        guard allowed.contains(status) else {
            throw .commandFailed(repository: repository, command: command, status: status,
                                 detail: message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return status
    }

    /// Runs a command to completion and returns its whole output.
    static func run(directory: String, arguments: [String], allowing allowed: Set<Int32> = [0]) throws(GitError) -> (status: Int32, output: [UInt8]) {
        let git = try GitProcess(directory: directory, arguments: arguments)
        let output = git.output.readToEnd()
        let status = try git.finish(allowing: allowed)
        return (status, output)
    }
}
