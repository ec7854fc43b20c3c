import Foundation
import KeyWardenSupport
import Synchronization
import Testing

@Suite struct BackgroundReleaseTests {
    /// Where a tracked object was freed.
    final class Deallocation: Sendable {
        let thread = Mutex<pthread_t?>(nil)
        let done = DispatchSemaphore(value: 0)
    }

    final class Tracked: Sendable {
        let deallocation: Deallocation
        init(_ deallocation: Deallocation) { self.deallocation = deallocation }
        deinit {
            deallocation.thread.withLock { $0 = pthread_self() }
            deallocation.done.signal()
        }
    }

    /// The last reference, handed over, is let go on another thread: the deinit runs there.
    @Test func theLastReferenceIsFreedOnAnotherThread() throws {
        let deallocation = Deallocation()
        releaseInBackground(Tracked(deallocation))
        try #require(deallocation.done.wait(timeout: .now() + 10) == .success)
        let thread = try #require(deallocation.thread.withLock { $0 })
        #expect(pthread_equal(thread, pthread_self()) == 0)
    }
}
