/// What kind of failure an error is, which the command line turns into its exit code.
public enum FailureClass: Sendable {
    /// The user must fix the input: a bad flag, a malformed file, missing credentials (exit 2).
    case usage
    /// The job could not be completed: an unreadable repository or report, an unreachable account (exit 3).
    case incomplete
}

/// An error that says which kind of failure it is. Library errors declare it next to their
/// definition; the CLI maps every one to an exit code in one place.
public protocol ClassifiedError: Error, CustomStringConvertible {
    var failureClass: FailureClass { get }
}

/// An error with the context a user needs to place it ("cannot fetch" + "okx account 'main':
/// ..."): the same class as the error it wraps.
public struct ContextualError: ClassifiedError {
    public let context: String
    public let underlying: any ClassifiedError

    public init(_ context: String, _ underlying: any ClassifiedError) {
        self.context = context
        self.underlying = underlying
    }

    public var failureClass: FailureClass { underlying.failureClass }
    public var description: String { "\(context) \(underlying.description)" }
}

extension DiagnosticError: ClassifiedError {
    public var failureClass: FailureClass { .usage }
}
