import Foundation
import Synchronization

/// Runs a child process and captures what it prints: the one way tests start programs
/// (keywarden, git, python), so none can deadlock on a full pipe or read the runner's input.
public enum ProcessRunner {
    public struct Outcome: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// `executable` is a path, or a name looked up on PATH through /usr/bin/env.
    public static func run(_ executable: String, _ arguments: [String], in directory: String,
                           environment: [String: String], input: Data? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
        process.arguments = executable.hasPrefix("/") ? arguments : [executable] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment
        let output = Pipe(), errors = Pipe(), inputPipe = Pipe()
        process.standardOutput = output
        process.standardError = errors
        // Standard input is always a pipe of ours (empty unless `input` is given), never the
        // test runner's and never the machine's /dev/null.
        process.standardInput = inputPipe
        try process.run()
        // Written on its own thread: a child that writes before it reads must not block us.
        let writer = inputPipe.fileHandleForWriting
        Thread.detachNewThread {
            writer.write(input ?? Data())
            try? writer.close()
        }
        // Both pipes drained at once: reading one to its end first deadlocks when the child
        // fills the other (64 KiB) and waits.
        let errorData = Mutex(Data())
        let errorsRead = DispatchSemaphore(value: 0)
        let errorHandle = errors.fileHandleForReading
        Thread.detachNewThread {
            let data = errorHandle.readDataToEndOfFile()
            errorData.withLock { $0 = data }
            errorsRead.signal()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        errorsRead.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
                       stderr: String(decoding: errorData.withLock { $0 }, as: UTF8.self))
    }
}
