import KeyWardenSupport
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One running git command with its output streamed through a `PipeReader`.
///
/// Started with posix_spawn and reaped with waitpid rather than Foundation's `Process`: on Linux
/// `Process.waitUntilExit` polls a run loop and added 50-200 ms per command, several times the
/// whole budget of a pre-commit scan.
final class GitProcess {
    let command: String
    let repository: String
    let output: PipeReader
    private let pid: pid_t
    private let outputDescriptor: Int32
    private let errorFile: UnsafeMutablePointer<FILE>
    private var finished = false

    /// The git executable, found once on PATH (falls back to `/usr/bin/git`).
    static let executable: String = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") where access("\(directory)/git", X_OK) == 0 {
            return "\(directory)/git"
        }
        return "/usr/bin/git"
    }()

    /// The environment git runs with: the caller's (GIT_INDEX_FILE and GIT_DIR from a hook
    /// matter), plus stable messages and no prompts or on-demand fetches of missing objects.
    static let environment: [String] = {
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_NO_LAZY_FETCH"] = "1"
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        return environment.map { "\($0.key)=\($0.value)" }
    }()

    /// Options before every command. A scanned repository is untrusted: its config must not make
    /// a scan run a program. `core.fsmonitor` is run by `diff --cached` (the staged scan);
    /// external diff and textconv drivers are off through `--no-ext-diff`/`--no-textconv` on every
    /// command that makes a patch, and `log.showSignature=false` keeps gpg from running. No command
    /// keywarden runs here fires hooks, fetches, applies filters or pages, and `core.hooksPath`
    /// stays as configured because `hook install` must honour it.
    static let safetyOptions = ["-c", "core.quotePath=false", "-c", "core.fsmonitor=false"]

    /// What a command reads on its standard input.
    enum Input {
        /// Nothing (/dev/null).
        case none
        /// These bytes, then end of input.
        case bytes([UInt8])
        /// Whatever `send` writes, until `closeInput` (or `finish`): for a command that answers
        /// requests as they come, such as `cat-file --batch`.
        case stream
    }

    /// Starts `git -C directory arguments...`. Bytes given as input are written to its stdin
    /// (from another thread when they could fill the pipe, so a command that answers as it reads
    /// cannot deadlock).
    init(directory: String, arguments: [String], input: Input = .none) throws(GitError) {
        command = Self.subcommand(of: arguments)
        repository = directory
        let withInput: Bool
        if case .none = input { withInput = false } else { withInput = true }
        let spawned = try Self.spawning.withLock { _ throws(GitError) in
            try Self.spawn(directory: directory, arguments: arguments, withInput: withInput)
        }
        errorFile = spawned.errorFile
        pid = spawned.pid
        outputDescriptor = spawned.output
        output = PipeReader(descriptor: spawned.output)

        switch input {
        case .none: break
        case let .bytes(bytes):
            let descriptor = spawned.input
            // A small input fits in the pipe buffer: write it here and skip a thread.
            if bytes.count < 8 * 1024 {
                Self.writeAll(bytes, to: descriptor)
                close(descriptor)
            } else {
                Thread.detachNewThread {
                    Self.writeAll(bytes, to: descriptor)
                    close(descriptor)
                }
            }
        case .stream:
            inputDescriptor = spawned.input
        }
    }

    /// The open end of a streamed stdin; -1 when the input is not streamed or already closed.
    private var inputDescriptor: Int32 = -1

    /// Writes to a streamed stdin. The caller keeps what it sends within what the pipe holds
    /// (64 KiB) beyond what git has answered, or both sides could wait on each other.
    func send(_ bytes: [UInt8]) {
        precondition(inputDescriptor >= 0, "send on a git command whose input is not streamed")
        Self.writeAll(bytes, to: inputDescriptor)
    }

    /// Ends a streamed stdin: git finishes what it was asked and exits.
    func closeInput() {
        guard inputDescriptor >= 0 else { return }
        close(inputDescriptor)
        inputDescriptor = -1
    }

    /// A command abandoned mid-stream (an error upstream): closing our end of its output ends it
    /// with SIGPIPE instead of reading everything it still has to say.
    deinit {
        guard !finished else { return }
        closeInput()
        close(outputDescriptor)
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
        fclose(errorFile)
    }

    private struct Spawned {
        let pid: pid_t
        let output: Int32
        let input: Int32
        let errorFile: UnsafeMutablePointer<FILE>
    }

    private static func spawn(directory: String, arguments: [String], withInput: Bool) throws(GitError) -> Spawned {
        guard let errorFile = tmpfile() else { throw .gitUnavailable("cannot create a temporary file: \(String(cString: strerror(errno)))") }
        _ = fcntl(fileno(errorFile), F_SETFD, FD_CLOEXEC)
        var outputPipe: [Int32] = [-1, -1]
        var inputPipe: [Int32] = [-1, -1]
        guard makePipe(&outputPipe), !withInput || makePipe(&inputPipe) else {
            fclose(errorFile)
            throw .gitUnavailable("cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        let nullInput = withInput ? -1 : open("/dev/null", O_RDONLY | O_CLOEXEC)

        #if canImport(Glibc)
        var actions = posix_spawn_file_actions_t()
        #else
        var actions: posix_spawn_file_actions_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // dup2 clears close-on-exec on the copies; every other descriptor of ours is close-on-exec.
        posix_spawn_file_actions_adddup2(&actions, withInput ? inputPipe[0] : nullInput, 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, fileno(errorFile), 2)

        let argv = [executable, "-C", directory] + Self.safetyOptions + arguments
        var pid: pid_t = 0
        let status = withCStrings(argv) { argv in
            withCStrings(environment) { environment in
                posix_spawn(&pid, executable, &actions, nil, argv, environment)
            }
        }
        close(outputPipe[1])
        if withInput { close(inputPipe[0]) }
        if nullInput >= 0 { close(nullInput) }
        guard status == 0 else {
            close(outputPipe[0])
            if withInput { close(inputPipe[1]) }
            fclose(errorFile)
            throw .gitUnavailable("\(executable): \(String(cString: strerror(status)))")
        }
        return Spawned(pid: pid, output: outputPipe[0], input: inputPipe[1], errorFile: errorFile)
    }

    /// Writes everything. git may exit early (bad repository); writing then fails with EPIPE,
    /// which is harmless because the exit status reports the real problem. SIGPIPE, which that
    /// write raises and which would end keywarden, is blocked on this thread while it writes and
    /// the one the write raised is taken off the thread's pending signals.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        var brokenPipe = sigset_t()
        sigemptyset(&brokenPipe)
        sigaddset(&brokenPipe, SIGPIPE)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &brokenPipe, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    if errno == EPIPE {
                        var now = timespec()
                        _ = sigtimedwait(&brokenPipe, nil, &now)
                    }
                    break
                }
                offset += written
            }
        }
    }

    /// "log" of ["-c", "log.showRoot=true", "log", ...]: the name error messages show.
    static func subcommand(of arguments: [String]) -> String {
        var index = 0
        while index < arguments.count, arguments[index] == "-c" { index += 2 }
        return index < arguments.count ? arguments[index] : ""
    }

    /// A pipe whose ends are closed on exec. Call with `spawning` held: between pipe() and
    /// fcntl() a child spawned by another thread would inherit the ends, and a leaked write end
    /// keeps a `cat-file --batch` waiting for an end of input that never comes.
    private static func makePipe(_ descriptors: inout [Int32]) -> Bool {
        guard pipe(&descriptors) == 0 else { return false }
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        return true
    }

    /// Serialises descriptor creation and spawning across threads (see `makePipe`).
    private static let spawning = Mutex<Void>(())

    /// Waits for git to exit; throws with git's message unless it exited with an allowed status.
    /// Without `draining`, the rest of git's output is not read: git stops at its next write
    /// (a broken pipe), for a reader that gave up.
    @discardableResult
    func finish(allowing allowed: Set<Int32>? = [0], draining: Bool = true) throws(GitError) -> Int32 {
        guard !finished else { return 0 }
        finished = true
        closeInput()
        if draining { output.drain() }
        close(outputDescriptor)
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
        // Exit code when it exited, 128 + signal number when a signal ended it (as shells report).
        let status = raw & 0x7F == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
        var message = ""
        let isAllowed = allowed?.contains(status) ?? true
        if !isAllowed {
            rewind(errorFile)
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = fread(&chunk, 1, chunk.count, errorFile)
                if count <= 0 { break }
                bytes += chunk[0..<count]
            }
            message = String(decoding: bytes, as: UTF8.self)
        }
        fclose(errorFile)
        guard isAllowed else {
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
