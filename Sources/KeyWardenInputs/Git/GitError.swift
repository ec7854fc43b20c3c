import KeyWardenSupport
/// Why a git input could not be read. Every case names the repository so the message stands alone.
public enum GitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path is not inside a git repository (or does not exist).
    case notARepository(path: String, detail: String)
    /// The git executable could not be started.
    case gitUnavailable(String)
    /// A git command failed; `command` is what ran, `detail` is git's own message.
    case commandFailed(repository: String, command: String, status: Int32, detail: String)
    /// git printed something this parser does not understand.
    case unexpectedOutput(repository: String, command: String, detail: String)
    /// A revision given by the user (`--since-commit`, `--branch`) does not name a commit.
    case unknownRevision(repository: String, revision: String)
    /// An object the scan had to read is not in the repository (a damaged repository, a partial
    /// clone): what it holds is unknown, so the scan cannot say there is nothing there.
    case missingObject(repository: String, id: String)

    public var description: String {
        switch self {
        case let .notARepository(path, detail):
            "not a git repository: \(path)" + (detail.isEmpty ? "" : " (\(detail))")
        case let .gitUnavailable(why):
            "cannot run git: \(why)"
        case let .commandFailed(repository, command, status, detail):
            "git \(command) failed in \(repository) (exit \(status))" + (detail.isEmpty ? "" : ": \(detail)")
        case let .unexpectedOutput(repository, command, detail):
            "unexpected output from git \(command) in \(repository): \(detail)"
        case let .unknownRevision(repository, revision):
            "unknown revision in \(repository): \(revision)"
        case let .missingObject(repository, id):
            "object \(id) is missing from \(repository); its content could not be scanned"
        }
    }
}

extension GitError: ClassifiedError {
    /// A repository that cannot be read means the scan could not be completed.
    public var failureClass: FailureClass { .incomplete }
}
