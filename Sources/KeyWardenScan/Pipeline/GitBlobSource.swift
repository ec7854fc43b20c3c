import KeyWardenInputs

/// Reads blobs through `git cat-file --batch`, one long-lived process per worker (started with
/// its first batch), so inflating objects, the slow part of reading history, runs in parallel too.
final class GitBlobContentReader: ContentReader {
    private let repository: GitRepository
    private var reader: GitBlobReader?
    private let maxSize: Int
    /// The blob id of an item.
    private let blob: (Int) -> String
    /// An item's path where it is known (history): a binary blob named like an archive is opened.
    private let name: (Int) -> String?
    private let archives: ArchiveLimits?
    /// The requested items not yet read, last first.
    private var requested: [Int] = []
    /// Index files requested and not yet read (`requestIndexFiles`).
    private var indexPaths: [String] = []

    init(_ repository: GitRepository, maxSize: Int, archives: ArchiveLimits? = nil,
         blob: @escaping (Int) -> String, name: @escaping (Int) -> String? = { _ in nil }) {
        self.repository = repository
        self.maxSize = maxSize
        self.archives = archives
        self.blob = blob
        self.name = name
    }

    /// Starts git with the first request.
    private func start() throws {
        if reader == nil { reader = try GitBlobReader(repository, maxSize: maxSize) }
    }

    /// Asks this reader's git, ahead of any blob, for the index's copies of `paths` (a staged
    /// scan reads its configuration files with the git that reads its blobs, one process fewer on
    /// every commit, and starts it alongside its diff, with no paths if need be); `indexFiles()`
    /// reads the answers, before the first batch is requested.
    func requestIndexFiles(_ paths: [String]) throws {
        try start()
        reader!.requestIndexFiles(paths)
        indexPaths = paths
    }

    /// The answers to `requestIndexFiles`: path to content, for the paths the index has as blobs.
    func indexFiles() throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for path in indexPaths { files[path] = try reader!.nextIndexFile() }
        indexPaths = []
        return files
    }

    func request(_ indices: [Int]) throws {
        precondition(indexPaths.isEmpty, "blobs requested before the index files were read")
        try start()
        reader!.request(indices.map(blob))
        requested = indices.reversed()
    }

    func next() throws -> ContentOutcome {
        guard let reader, let index = requested.popLast() else { return .skipped(.unreadable("no more blobs")) }
        switch try reader.next() {
        case .text: return .text(reader.content)
        case .binary:
            if let archives, archives.maxDepth > 0, let name = name(index), ArchiveExpansion.isArchive(path: name) {
                switch ArchiveExpansion.members(of: reader.content, name: name, limits: archives) {
                case let .success(members): return .members(members)
                case let .failure(refusal): return .skipped(refusal.reason)
                }
            }
            return .skipped(.binary)
        case let .tooLarge(size): return .skipped(.tooLarge(size: size, limit: FileContent.limit(maxSize)))
        // Fails the scan (exit 3) rather than skipping: a history or staged scan that passes
        // without having read a blob would be a silent pass.
        case .missing: throw GitError.missingObject(repository: repository.path, id: blob(index))
        }
    }

    func finish() throws { try reader?.finish() }
}

/// Blobs by id, with nowhere to place their findings: the HEAD blobs a history scan checks
/// for secrets still present.
struct GitBlobSource: ScanSource {
    let repository: GitRepository
    let blobs: [String]
    let maxBlobSize: Int
    /// The paths each blob has (HEAD's tree), for rules scoped to file names.
    var paths: [String: [String]] = [:]

    var count: Int { blobs.count }

    func reader() throws -> any ContentReader {
        GitBlobContentReader(repository, maxSize: maxBlobSize, blob: { blobs[$0] })
    }

    func label(of index: Int) -> String { blobs[index] }

    func paths(of index: Int) -> [String] { paths[blobs[index], default: []] }

    func place(_ findings: [Finding], of index: Int) -> [Finding] { findings }
}
