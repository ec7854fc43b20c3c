import KeyWardenInputs
import KeyWardenMatching
/// The pre-commit scan: secrets in what the next commit records, on the lines it adds or changes.
/// An old secret on an untouched line of a modified file was reported when it was committed
/// (or baselined since) and is not reported again.
public struct StagedScanner: Sendable {
    public let scanner: SecretScanner
    public let maxBlobSize: Int
    /// Paths (relative to the repository root) not to scan, from the configuration's skipPaths.
    public let skip: @Sendable (String) -> Bool

    public init(scanner: SecretScanner, maxBlobSize: Int, skip: @escaping @Sendable (String) -> Bool = { _ in false }) {
        self.scanner = scanner
        self.maxBlobSize = maxBlobSize
        self.skip = skip
    }

    public func scan(_ repository: GitRepository) throws -> ScanResult {
        try scan(repository, staged: try StagedChanges.read(repository, maxBlobSize: maxBlobSize))
    }

    /// Scans `staged`, read by the caller (ahead of time, while the rules loaded).
    public func scan(_ repository: GitRepository, staged: StagedChanges) throws -> ScanResult {
        let files = staged.files.filter { !skip($0.path) }
        return try ScanPipeline(scanner: scanner).run(StagedSource(repository: repository, files: files, maxBlobSize: maxBlobSize,
                                                                   contents: staged.contents))
    }
}

/// The staged files and, for a change of a few files, their contents: a pre-commit scan reads
/// both on a thread of its own while its rules load, so the two git processes cost no wall time.
public struct StagedChanges: Sendable {
    public let files: [StagedChangesSource.StagedFile]
    /// Each blob's content by blob id, as `GitBlobContentReader` gives it; nil when not read
    /// ahead (too many files, or git failed: the scan then reads again and meets the error).
    let contents: [String: ContentOutcome]?
    /// The index's copies of the paths `read` was asked for (path to content, for those the index
    /// has as blobs), read by the same git as the blobs; nil when git failed before answering.
    public let indexFiles: [String: [UInt8]]?

    /// Changes of more files, or more bytes, than this are streamed by the scan's workers instead
    /// of held in memory.
    static let readAheadLimit = 32
    static let readAheadBytes = 64 << 20

    /// Reads the staged changes and, with the same `git cat-file`, the index's copies of
    /// `indexPaths` (the configuration a pre-commit scan takes from the index).
    public static func read(_ repository: GitRepository, maxBlobSize: Int, indexPaths: [String] = []) throws -> StagedChanges {
        // The diff first (the rest waits on it), then the blob reader's git, so that it is ready
        // when the diff names the blobs; the index files are asked for first, and their answers
        // wait in the pipe meanwhile.
        let diff = try StagedChangesSource(repository).started()
        var ids: [String] = []
        let reader = GitBlobContentReader(repository, maxSize: maxBlobSize, blob: { ids[$0] })
        let asked = (try? reader.requestIndexFiles(indexPaths)) != nil  // with none, it only starts git
        defer { try? reader.finish() }
        let files = try diff.files()
        // Nil when git failed before answering: the reader cannot then be asked for blobs.
        let answered = asked ? try? reader.indexFiles() : nil

        /// The contents of `files`, or nil for too many files or bytes, or when git fails (the
        /// scan then reads again and meets the error).
        func readAhead() -> [String: ContentOutcome]? {
            guard !files.isEmpty, files.count <= readAheadLimit else { return nil }
            ids = files.map(\.blob)
            guard (try? reader.request(Array(ids.indices))) != nil else { return nil }
            var contents: [String: ContentOutcome] = [:]
            var bytes = 0
            for id in ids {
                guard let outcome = try? reader.next() else { return nil }
                if case let .text(text) = outcome { bytes += text.count }
                guard bytes <= readAheadBytes else { return nil }
                contents[id] = outcome
            }
            guard (try? reader.finish()) != nil else { return nil }
            return contents
        }
        return StagedChanges(files: files, contents: answered == nil ? nil : readAhead(), indexFiles: indexPaths.isEmpty ? nil : answered)
    }
}

/// Contents read ahead, served in the order a worker asks for them; a batch with a blob that
/// was not read ahead is read from git.
private final class StagedContentReader: ContentReader {
    private let source: StagedSource
    private var git: GitBlobContentReader?
    /// The current batch's contents, last first, when all of them were read ahead.
    private var readAhead: [ContentOutcome]?

    init(_ source: StagedSource) { self.source = source }

    func request(_ indices: [Int]) throws {
        if let contents = source.contents {
            let outcomes = indices.compactMap { contents[source.files[$0].blob] }
            if outcomes.count == indices.count {
                readAhead = outcomes.reversed()
                return
            }
        }
        readAhead = nil
        if git == nil {
            git = GitBlobContentReader(source.repository, maxSize: source.maxBlobSize, blob: { [files = source.files] in files[$0].blob })
        }
        try git!.request(indices)
    }

    func next() throws -> ContentOutcome {
        if readAhead != nil { return readAhead!.removeLast() }
        guard let git else { return .skipped(.unreadable("no more blobs")) }
        return try git.next()
    }

    func finish() throws { try git?.finish() }
}

/// The index's version of each staged file. The whole blob is scanned, not just the added
/// lines, so a secret spanning lines (a PEM block) is still seen whole; findings are then kept
/// only on the lines the commit adds or changes.
struct StagedSource: ScanSource {
    let repository: GitRepository
    let files: [StagedChangesSource.StagedFile]
    let maxBlobSize: Int
    var contents: [String: ContentOutcome]? = nil

    var count: Int { files.count }

    func reader() throws -> any ContentReader { StagedContentReader(self) }

    func label(of index: Int) -> String { files[index].path }

    func paths(of index: Int) -> [String] { [files[index].path] }

    func place(_ findings: [Finding], of index: Int) -> [Finding] {
        let file = files[index]
        return findings.filter { file.addedLines.intersects($0.line, $0.endLine) }.map { $0.placed(at: file.path) }
    }
}
