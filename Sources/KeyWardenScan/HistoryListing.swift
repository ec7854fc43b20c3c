import Foundation
import KeyWardenInputs
import KeyWardenSupport
import Synchronization

/// The blobs of a history as `git log --raw` lists them, filled on a thread of its own while the
/// scan workers take the blobs listed so far: inflating and scanning blobs starts with the
/// first commits instead of after the whole walk (on moby/moby the walk alone takes seconds).
///
/// Only introductions at paths the scan keeps are recorded; a blob is listed at its first one.
final class HistoryListing: Sendable {
    /// What the listing holds once complete: the attribution, less what the scan skips.
    struct Snapshot {
        var commits: [GitCommit] = []
        /// Blob ids in the order they were listed.
        var blobs: [String] = []
        /// For each listed blob, its kept introductions in history order.
        var introductions: [String: [BlobAttribution.Introduction]] = [:]
    }

    private let skip: @Sendable (String) -> Bool
    /// The blob ids listed so far: what the workers wait on.
    private let blobs = GrowingList<String>()
    /// Commits and introductions so far, and whether the scan gave up.
    private let attribution = Mutex<(commits: [GitCommit], introductions: [String: [BlobAttribution.Introduction]], cancelled: Bool)>(([], [:], false))

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
        do {
            try BlobAttribution.stream(repository, selection: selection) { self.add($0) }
            blobs.complete()
        } catch {
            blobs.complete(failing: error)
        }
    }

    private func add(_ event: BlobAttribution.Event) -> Bool {
        attribution.withLock { attribution in
            guard !attribution.cancelled else { return false }
            switch event {
            case let .commit(commit):
                attribution.commits.append(commit)
            case let .introduction(blob, path, commit):
                guard !skip(path) else { return true }
                // Listed after its introduction is recorded: a worker that takes it finds its path.
                let isNew = attribution.introductions[blob] == nil
                attribution.introductions[blob, default: []].append(BlobAttribution.Introduction(path: path, commit: commit))
                if isNew { blobs.append(blob) }
            }
            return true
        }
    }

    /// Blobs listed so far.
    var count: Int { blobs.count }

    /// Waits until more than `known` blobs are listed or the listing is complete.
    func items(beyond known: Int) throws -> (count: Int, complete: Bool) { try blobs.items(beyond: known) }

    /// Blob `index`'s id and its kept introductions so far (a later commit may add more).
    func blob(_ index: Int) -> (id: String, introductions: [BlobAttribution.Introduction]) {
        let id = blobs[index]
        return (id, attribution.withLock { $0.introductions[id] ?? [] })
    }

    /// The commit at `index`.
    func commit(_ index: Int) -> GitCommit { attribution.withLock { $0.commits[index] } }

    /// Waits for the listing to end and returns it, or throws why it failed.
    func finished() throws -> Snapshot {
        try blobs.waitUntilComplete()
        return attribution.withLock { Snapshot(commits: $0.commits, blobs: blobs.all, introductions: $0.introductions) }
    }

    /// Stops listing (the scan failed) and waits until git is stopped.
    func cancel() {
        attribution.withLock { $0.cancelled = true }
        try? blobs.waitUntilComplete()
    }
}
