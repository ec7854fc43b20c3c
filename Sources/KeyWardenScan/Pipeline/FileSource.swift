import KeyWardenInputs

/// Files listed by a directory walk, each read whole (bounded by `maxFileSize`).
public struct FileSource: ScanSource {
    public let files: [DirectorySource.Entry]
    public let maxFileSize: Int
    /// How archives are opened; `maxDepth` 0 leaves them unread (skipped as binary).
    public let archives: ArchiveLimits

    public init(files: [DirectorySource.Entry], maxFileSize: Int, archives: ArchiveLimits? = nil) {
        self.files = files
        self.maxFileSize = maxFileSize
        self.archives = archives ?? ArchiveLimits(maxMemberSize: maxFileSize)
    }

    public var count: Int { files.count }

    public func reader() throws -> any ContentReader {
        PathReader(files: files, maxSize: maxFileSize, archives: archives)
    }

    public func label(of index: Int) -> String { files[index].path }

    /// The path as shown and the path below the scan root: a glob such as `**/.vscode/sftp.json`
    /// may need the first, and the directories above the root (`~/examples/project`) must not
    /// make every file an example.
    public func paths(of index: Int) -> [String] {
        let file = files[index]
        return file.relativePath == file.path ? [file.path] : [file.path, file.relativePath]
    }

    public func place(_ findings: [Finding], of index: Int) -> [Finding] {
        findings.map { $0.placed(at: files[index].path) }
    }
}

/// Reads the requested files one after another.
final class PathReader: ContentReader {
    private let files: [DirectorySource.Entry]
    private var requested: IndexingIterator<[Int]> = [].makeIterator()
    private let maxSize: Int
    private let archives: ArchiveLimits

    init(files: [DirectorySource.Entry], maxSize: Int, archives: ArchiveLimits) {
        self.files = files
        self.maxSize = maxSize
        self.archives = archives
    }

    func request(_ indices: [Int]) { requested = indices.makeIterator() }

    func next() throws -> ContentOutcome {
        guard let index = requested.next() else { return .skipped(.unreadable("no more files")) }
        let path = files[index].fileSystemPath
        // Archives are streamed member by member: their own size is not the limit, each member's is.
        let name = String(decoding: path, as: UTF8.self)
        if archives.maxDepth > 0, ArchiveExpansion.isArchive(path: name) {
            switch ArchiveExpansion.members(ofFile: name, limits: archives) {
            case let .success(members): return .members(members)
            case let .failure(refusal): return .skipped(refusal.reason)
            }
        }
        switch FileContent.read(fileSystemPath: path, maxSize: maxSize) {
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
