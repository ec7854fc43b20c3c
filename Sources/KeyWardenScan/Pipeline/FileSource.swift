import KeyWardenInputs

/// Files listed by a directory walk, each read whole (bounded by `maxFileSize`).
public struct FileSource: ScanSource {
    public let files: [DirectorySource.Entry]
    public let maxFileSize: Int

    public init(files: [DirectorySource.Entry], maxFileSize: Int) {
        self.files = files
        self.maxFileSize = maxFileSize
    }

    public var count: Int { files.count }

    public func reader(for indices: [Int]) throws -> any ContentReader {
        PathReader(paths: indices.map { files[$0].fileSystemPath }, maxSize: maxFileSize)
    }

    public func label(of index: Int) -> String { files[index].path }

    public func place(_ findings: [Finding], of index: Int) -> [Finding] {
        findings.map { $0.placed(at: files[index].path) }
    }
}

/// Reads paths one after another.
final class PathReader: ContentReader {
    private var paths: IndexingIterator<[[UInt8]]>
    private let maxSize: Int

    init(paths: [[UInt8]], maxSize: Int) {
        self.paths = paths.makeIterator()
        self.maxSize = maxSize
    }

    func next() throws -> ContentOutcome {
        guard let path = paths.next() else { return .skipped(.unreadable("no more files")) }
        switch FileContent.read(fileSystemPath: path, maxSize: maxSize) {
        case let .text(bytes): return .text(bytes)
        case let .skipped(reason): return .skipped(reason)
        }
    }

    func finish() throws {}
}

extension Finding {
    /// This finding at `path`.
    func placed(at path: String) -> Finding {
        var copy = self
        copy.path = path
        return copy
    }
}
