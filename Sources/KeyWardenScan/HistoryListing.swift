import Foundation
import KeyWardenInputs
import KeyWardenSupport

/// The blobs of a history as `git log --raw` lists them, filled on a thread of its own while the
/// scan workers take the blobs listed so far: inflating and scanning blobs starts with the
/// first commits instead of after the whole walk (on moby/moby the walk alone takes seconds).
///
/// Only introductions at paths the scan keeps are recorded; a blob is listed at its first one.
final class HistoryListing: @unchecked Sendable {
    /// What the listing holds once complete: the attribution, less what the scan skips.
    struct Snapshot {
        var commits: [GitCommit] = []
        /// Blob ids in the order they were listed.
        var blobs: [String] = []
        /// For each listed blob, its kept introductions in history order.
        var introductions: [String: [BlobAttribution.Introduction]] = [:]
    }

    private let skip: @Sendable (String) -> Bool
    /// Guards everything below; waiting workers are woken through it.
    private let condition = NSCondition()
    private var listed = Snapshot()
    private var complete = false
    private var failure: GitError?
    private var cancelled = false
    /// The count waiting workers were last told about: they are woken a few blobs at a time, as
    /// a batch of one blob costs a git request of its own.
    private var announced = 0

    private init(skip: @escaping @Sendable (String) -> Bool) {
        self.skip = skip
    }

    /// Starts listing `selection` of `repository` on a thread of its own.
    static func start(_ repository: GitRepository, selection: GitRevisionSelection,
                      skip: @escaping @Sendable (String) -> Bool) -> HistoryListing {
        let listing = HistoryListing(skip: skip)
        DetachedThread.start { listing.read(repository, selection: selection) }
        return listing
    }

    private func read(_ repository: GitRepository, selection: GitRevisionSelection) {
        var failure: GitError?
        do {
            try BlobAttribution.stream(repository, selection: selection) { self.add($0) }
        } catch {
            failure = error
        }
        condition.lock()
        complete = true
        self.failure = failure
        condition.broadcast()
        condition.unlock()
    }

    private func add(_ event: BlobAttribution.Event) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !cancelled else { return false }
        switch event {
        case let .commit(commit):
            listed.commits.append(commit)
        case let .introduction(blob, path, commit):
            guard !skip(path) else { return true }
            if listed.introductions[blob] == nil {
                listed.blobs.append(blob)
                if listed.blobs.count - announced >= Self.announcementStep {
                    announced = listed.blobs.count
                    condition.broadcast()
                }
            }
            listed.introductions[blob, default: []].append(BlobAttribution.Introduction(path: path, commit: commit))
        }
        return true
    }

    private static let announcementStep = 16

    /// Blobs listed so far.
    var count: Int { locked { listed.blobs.count } }

    /// Waits until more than `known` blobs are listed or the listing is complete.
    func items(beyond known: Int) throws(GitError) -> (count: Int, complete: Bool) {
        condition.lock()
        defer { condition.unlock() }
        while listed.blobs.count <= known, !complete { condition.wait() }
        if let failure { throw failure }
        return (listed.blobs.count, complete)
    }

    /// Blob `index`'s id and its kept introductions so far (a later commit may add more).
    func blob(_ index: Int) -> (id: String, introductions: [BlobAttribution.Introduction]) {
        locked {
            let id = listed.blobs[index]
            return (id, listed.introductions[id] ?? [])
        }
    }

    /// The commit at `index`.
    func commit(_ index: Int) -> GitCommit { locked { listed.commits[index] } }

    /// Waits for the listing to end and returns it, or throws why it failed.
    func finished() throws(GitError) -> Snapshot {
        condition.lock()
        defer { condition.unlock() }
        while !complete { condition.wait() }
        if let failure { throw failure }
        return listed
    }

    /// Stops listing (the scan failed) and waits until git is stopped.
    func cancel() {
        condition.lock()
        cancelled = true
        while !complete { condition.wait() }
        condition.unlock()
    }

    private func locked<T>(_ body: () -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        return body()
    }
}
