import KeyWardenInputs
import KeyWardenSupport
import Synchronization

/// A source whose items are files of a directory walk: each read whole (bounded by
/// `maxFileSize`, archives by `archives`), reported and placed at its path.
public protocol WalkedFiles: ScanSource {
    var maxFileSize: Int { get }
    /// How archives are opened; `maxDepth` 0 leaves them unread (skipped as binary).
    var archives: ArchiveLimits { get }
    /// The file at `index` (a `@Sendable` reader of the list, for the workers' readers).
    var file: @Sendable (Int) -> DirectorySource.Entry { get }
}

extension WalkedFiles {
    public func reader() throws -> any ContentReader { PathReader(file: file, maxSize: maxFileSize, archives: archives) }

    public func label(of index: Int) -> String { file(index).path }

    public func paths(of index: Int) -> [String] { file(index).names }

    public func place(_ findings: [Finding], of index: Int) -> [Finding] {
        let path = file(index).path
        return findings.map { $0.placed(at: path) }
    }
}

/// Files listed by a directory walk that is over.
public struct FileSource: WalkedFiles {
    public let files: [DirectorySource.Entry]
    public let maxFileSize: Int
    public let archives: ArchiveLimits

    public init(files: [DirectorySource.Entry], maxFileSize: Int, archives: ArchiveLimits? = nil) {
        self.files = files
        self.maxFileSize = maxFileSize
        self.archives = archives ?? ArchiveLimits(maxMemberSize: maxFileSize)
    }

    public var count: Int { files.count }

    public var file: @Sendable (Int) -> DirectorySource.Entry { { [files] in files[$0] } }
}

/// The files of a directory walk still under way: the scan reads each as soon as the walk
/// reaches it (on moby/moby's checkout the walk took a sixth of the scan, with both cores but
/// one idle). Findings are placed by path, so nothing waits for the walk's end but the result.
public final class WalkedFileSource: GrowingScanSource, WalkedFiles, @unchecked Sendable {
    public let maxFileSize: Int
    public let archives: ArchiveLimits
    private let files = GrowingList<DirectorySource.Entry>()
    /// What the walk skipped, once it is over.
    private let skippedByWalk = Mutex<[SkippedInput]>([])

    /// Starts walking `roots` (already checked) of `directory` on a thread of its own.
    public init(_ directory: DirectorySource, roots: [DirectorySource.Root], maxFileSize: Int, archives: ArchiveLimits? = nil) {
        self.maxFileSize = maxFileSize
        self.archives = archives ?? ArchiveLimits(maxMemberSize: maxFileSize)
        DetachedThread.start { [self] in
            let skipped = directory.walk(from: roots) { [files] in files.append($0) }
            skippedByWalk.withLock { $0 = skipped }
            files.complete()
        }
    }

    public var count: Int { files.count }

    public func items(beyond known: Int) throws -> (count: Int, complete: Bool) { try files.items(beyond: known) }

    public var file: @Sendable (Int) -> DirectorySource.Entry { { [files] in files[$0] } }

    /// What the walk skipped (sorted); waits for the walk to end.
    public func skipped() -> [SkippedInput] {
        try? files.waitUntilComplete()  // the walk does not fail: what it cannot read it skips
        return skippedByWalk.withLock { $0 }
    }
}

/// Reads the requested files one after another.
final class PathReader: ContentReader {
    /// The file at an index.
    private let file: @Sendable (Int) -> DirectorySource.Entry
    private var requested: IndexingIterator<[Int]> = [].makeIterator()
    private let maxSize: Int
    private let archives: ArchiveLimits

    init(file: @escaping @Sendable (Int) -> DirectorySource.Entry, maxSize: Int, archives: ArchiveLimits) {
        self.file = file
        self.maxSize = maxSize
        self.archives = archives
    }

    func request(_ indices: [Int]) { requested = indices.makeIterator() }

    func next() throws -> ContentOutcome {
        guard let index = requested.next() else { return .skipped(.unreadable("no more files")) }
        let entry = file(index)
        let path = entry.fileSystemPath
        // Archives are streamed member by member: their own size is not the limit, each member's is.
        if archives.maxDepth > 0, ArchiveExpansion.isArchive(path: path) {
            switch ArchiveExpansion.members(ofFile: String(decoding: path, as: UTF8.self), limits: archives) {
            case let .success(members): return .members(members)
            case let .failure(refusal): return .skipped(refusal.reason)
            }
        }
        switch FileContent.read(entry, maxSize: maxSize) {
        case let .text(bytes): return .text(bytes)
        case let .skipped(reason): return .skipped(reason)
        }
    }

    func finish() throws {}
}

extension Finding {
    /// This finding at `path` (inside the archive there, when it was found in a member).
    func placed(at path: String) -> Finding {
        var copy = self
        copy.path = archivePath.map { path + "!/" + $0 } ?? path
        copy.archivePath = nil
        return copy
    }
}
