/// Frees an object on a thread of its own, for a large structure whose deallocation would hold
/// up what comes next: a directory scan's walk (13,000 entries on moby's checkout, each with its
/// paths and a handle that closes a directory) took 8 ms to free on the way to the report.
///
/// `object` must be the last reference; one kept elsewhere is freed where it is let go, as usual.
package func releaseInBackground<Object: AnyObject & Sendable>(_ object: consuming Object) {
    let handoff = Handoff(consume object)
    DetachedThread.start { handoff.drop() }
}

/// Holds the object so that the thread's `drop` is what lets it go, not the caller's return.
private final class Handoff: @unchecked Sendable {
    private var object: AnyObject?

    init(_ object: consuming AnyObject) { self.object = object }

    func drop() { object = nil }
}
