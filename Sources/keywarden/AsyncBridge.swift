import Foundation
import KeyWardenInventory
import KeyWardenMatching
import KeyWardenPolicy
import KeyWardenReport
import KeyWardenScan
import KeyWardenSupport

/// Runs async library work from the synchronous command tree and waits for it. The root
/// command is synchronous (it maps errors to exit codes in one place), so the few commands
/// that talk to the network bridge here.
enum AsyncBridge {
    static func wait<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { box.result = .success(try await operation()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }
}

/// Written once by the task before it signals, read once after the wait.
private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, Error>?
}
