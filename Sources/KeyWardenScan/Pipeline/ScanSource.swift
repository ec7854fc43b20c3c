import KeyWardenInputs

/// Where a scan's content comes from, and where each item's findings belong: files, git blobs
/// of the history or of the index, standard input. The pipeline knows nothing else of them.
public protocol ScanSource: Sendable {
    /// How many items there are; the pipeline reads each once, by index.
    var count: Int { get }
    /// A reader for one worker, made on the worker's thread and handed batches of items as the
    /// worker takes them (for git, each worker runs its own `git cat-file --batch`).
    func reader() throws -> any ContentReader
    /// The name a skipped item is reported under.
    func label(of index: Int) -> String
    /// The paths item `index` is known by, for rules scoped to file names (`paths:` in a pack):
    /// a file's path, every path a history blob was introduced at, none for standard input.
    func paths(of index: Int) -> [String]
    /// The findings of item `index` placed where they belong: at a path, on the lines a commit
    /// adds, at every commit and path that introduced a blob.
    func place(_ findings: [Finding], of index: Int) -> [Finding]
}

/// Reads a worker's share of a source's items, a batch at a time.
public protocol ContentReader: AnyObject {
    /// Starts on the items at `indices` (at most `ScanPipeline.maximumBatch`), which the next
    /// calls to `next()` return in that order; called only once the previous batch is read.
    func request(_ indices: [Int]) throws
    /// The next requested item's text, or why it is not scanned.
    func next() throws -> ContentOutcome
    /// Called once every item is read: a reader with a process behind it checks how it ended.
    func finish() throws
}

/// One item's content, or the reason it is skipped.
public enum ContentOutcome: Sendable {
    case text([UInt8])
    /// An archive: each member is scanned as an item of its own, its findings placed inside it.
    case members([ArchiveMember])
    case skipped(SkippedInput.Reason)
}

/// A source whose items are still being listed when the scan starts (a history whose `git log`
/// is still being read): the pipeline deals the items listed so far and waits for more.
public protocol GrowingScanSource: ScanSource {
    /// Waits until more than `known` items are listed or the list is complete; how many are
    /// listed then, and whether that is all. Throws when listing them failed.
    func items(beyond known: Int) throws -> (count: Int, complete: Bool)
}
