import KeyWardenHooks
import KeyWardenInputs
import KeyWardenSupport
/// An error the CLI reports in one line and maps to an exit code.
struct CommandFailure: Error {
    static let findingsExitCode: Int32 = 1
    static let usageExitCode: Int32 = 2
    static let incompleteExitCode: Int32 = 3

    let message: String
    let exitCode: Int32

    /// Bad flags, bad configuration: exit 2.
    static func usage(_ message: String) -> CommandFailure { CommandFailure(message: message, exitCode: usageExitCode) }
    /// The job could not be completed (unreadable repository, unreachable account): exit 3.
    static func incomplete(_ message: String) -> CommandFailure { CommandFailure(message: message, exitCode: incompleteExitCode) }
}
