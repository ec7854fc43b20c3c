import KeyWardenInputs

/// Reads blobs through `git cat-file --batch`, one process per worker, so inflating objects,
/// the slow part of reading history, runs in parallel too.
final class GitBlobContentReader: ContentReader {
    private let reader: GitBlobReader
    private let ids: [String]
    private let maxSize: Int
    /// Each blob's path where it is known (history): a binary blob named like an archive is opened.
    private let names: [String?]
    private let archives: ArchiveLimits?
    private let repository: String
    private var position = 0

    init(_ repository: GitRepository, ids: [String], maxSize: Int, names: [String?] = [], archives: ArchiveLimits? = nil) throws {
        reader = try GitBlobReader(repository, ids: ids, maxSize: maxSize)
        self.repository = repository.path
        self.ids = ids
        self.maxSize = maxSize
        self.names = names
        self.archives = archives
    }

    func next() throws -> ContentOutcome {
        defer { position += 1 }
        switch try reader.next() {
        case .text: return .text(reader.content)
        case .binary:
            if let archives, archives.maxDepth > 0, position < names.count, let name = names[position], ArchiveExpansion.isArchive(path: name) {
                switch ArchiveExpansion.members(of: reader.content, name: name, limits: archives) {
                case let .success(members): return .members(members)
                case let .failure(refusal): return .skipped(refusal.reason)
                }
            }
            return .skipped(.binary)
        case let .tooLarge(size): return .skipped(.tooLarge(size: size, limit: FileContent.limit(maxSize)))
        // Fails the scan (exit 3) rather than skipping: a history or staged scan that passes
        // without having read a blob would be a silent pass.
        case .missing: throw GitError.missingObject(repository: repository, id: ids[position])
        }
    }

    func finish() throws { try reader.finish() }
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

    func reader(for indices: [Int]) throws -> any ContentReader {
        try GitBlobContentReader(repository, ids: indices.map { blobs[$0] }, maxSize: maxBlobSize)
    }

    func label(of index: Int) -> String { blobs[index] }

    func paths(of index: Int) -> [String] { paths[blobs[index], default: []] }

    func place(_ findings: [Finding], of index: Int) -> [Finding] { findings }
}
