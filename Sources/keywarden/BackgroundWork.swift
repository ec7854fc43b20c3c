import Foundation
import KeyWardenSupport

/// Work started on its own thread while the caller goes on; `value()` waits for it. A pre-commit
/// scan asks git for the staged changes this way while it loads its rules: the two take about
/// as long, and the machine has a core for each.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    /// Written once by the worker before `finished` is signalled, read only after waiting on it.
    private var result: Result<Value, any Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        DetachedThread.start { [self] in
            result = Result(catching: work)
            finished.signal()
        }
    }

    /// The work's value, or the error it threw; waits until it is done. Callable more than once.
    func value() throws -> Value {
        finished.wait()
        defer { finished.signal() }
        return try result!.get()
    }
}
