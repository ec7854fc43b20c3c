import Dispatch
import KeyWardenMatching
import KeyWardenSupport
import Synchronization

/// Runs `body` over `0..<count` on `workers` threads, each with its own state (a Matcher: one
/// Hyperscan scratch per thread), and returns the results in index order whatever the timing.
enum ParallelWork {
    static func map<State, Result: Sendable>(count: Int, workers: Int,
                                             makeState: @escaping @Sendable () throws -> State,
                                             _ body: @escaping @Sendable (State, Int) -> Result) throws -> [Result] {
        guard count > 0 else { return [] }
        let shared = Shared<Result>()
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, count))) { _ in
            let state: State
            do { state = try makeState() } catch {
                shared.failure.withLock { $0 = error }
                return
            }
            var local: [(Int, Result)] = []
            while true {
                // Items are handed out one at a time so a few large files do not leave a thread idle.
                let index = shared.next.add(1, ordering: .relaxed).oldValue
                guard index < count else { break }
                local.append((index, body(state, index)))
            }
            shared.results.withLock { $0 += local }
        }
        if let error = shared.failure.withLock({ $0 }) { throw error }
        return shared.results.withLock { $0 }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Atomic and Mutex are not copyable; a class lets the @Sendable work closure reach them.
    private final class Shared<Result: Sendable>: Sendable {
        let next = Atomic<Int>(0)
        let results = Mutex<[(Int, Result)]>([])
        let failure = Mutex<(any Error)?>(nil)
    }
}
