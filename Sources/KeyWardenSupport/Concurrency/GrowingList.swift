import Foundation

/// A list one thread appends to while others read it and wait for more: the files of a
/// directory walk still under way. Readers are woken a few items at a time, as a worker that
/// takes one item per wake-up costs more than it scans.
package final class GrowingList<Element>: @unchecked Sendable {
    /// Guards everything below.
    private let condition = NSCondition()
    private var elements: [Element] = []
    private var isComplete = false
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

    /// No more elements will come.
    package func complete() {
        condition.lock()
        defer { condition.unlock() }
        isComplete = true
        condition.broadcast()
    }

    package var count: Int {
        condition.lock()
        defer { condition.unlock() }
        return elements.count
    }

    package subscript(index: Int) -> Element {
        condition.lock()
        defer { condition.unlock() }
        return elements[index]
    }

    /// Waits until more than `known` elements are listed or the list is complete.
    package func items(beyond known: Int) -> (count: Int, complete: Bool) {
        condition.lock()
        defer { condition.unlock() }
        while elements.count <= known, !isComplete { condition.wait() }
        return (elements.count, isComplete)
    }

    package func waitUntilComplete() {
        condition.lock()
        defer { condition.unlock() }
        while !isComplete { condition.wait() }
    }
}
