import Foundation

/// A list one thread appends to while others read it and wait for more: the files of a
/// directory walk, the blobs of a history still being listed. Readers are woken a few items at a time, as a worker that
/// takes one item per wake-up costs more than it scans.
package final class GrowingList<Element>: @unchecked Sendable {
    /// Guards everything below.
    private let condition = NSCondition()
    private var elements: [Element] = []
    private var isComplete = false
    /// Why the list ended early, given to every reader that waits from then on.
    private var failure: (any Error)?
    /// The count waiting readers were last told about.
    private var announced = 0
    private static var announcementStep: Int { 16 }

    package init() {}

    package func append(_ element: Element) {
        condition.lock()
        defer { condition.unlock() }
        elements.append(element)
        if elements.count - announced >= Self.announcementStep {
            announced = elements.count
            condition.broadcast()
        }
    }

    /// No more elements will come; with `failure`, because listing them failed.
    package func complete(failing failure: (any Error)? = nil) {
        condition.lock()
        defer { condition.unlock() }
        isComplete = true
        self.failure = failure
        condition.broadcast()
    }

    package var count: Int {
        condition.lock()
        defer { condition.unlock() }
        return elements.count
    }

    /// Every element listed so far.
    package var all: [Element] {
        condition.lock()
        defer { condition.unlock() }
        return elements
    }

    package subscript(index: Int) -> Element {
        condition.lock()
        defer { condition.unlock() }
        return elements[index]
    }

    /// Waits until more than `known` elements are listed or the list is complete; throws the
    /// failure the list ended with.
    package func items(beyond known: Int) throws -> (count: Int, complete: Bool) {
        condition.lock()
        defer { condition.unlock() }
        while elements.count <= known, !isComplete { condition.wait() }
        if let failure { throw failure }
        return (elements.count, isComplete)
    }

    /// Waits until the list is complete; throws the failure it ended with.
    package func waitUntilComplete() throws {
        condition.lock()
        defer { condition.unlock() }
        while !isComplete { condition.wait() }
        if let failure { throw failure }
    }
}
