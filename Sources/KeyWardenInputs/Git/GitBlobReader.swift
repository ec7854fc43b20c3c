import KeyWardenSupport
/// Streams blob contents out of `git cat-file --batch`, one process per reader, so several
/// readers inflate objects in parallel (zlib and delta resolution are git's single-threaded cost).
package final class GitBlobReader {
    package enum Blob {
        /// Text content, in the reader's reused buffer: valid until the next call.
        case text
        case binary(size: Int)
        case tooLarge(size: Int)
        case missing
    }

    private let git: GitProcess
    private let repository: String
    private let maxSize: Int
    /// Reused for every blob: one allocation per reader, not per object.
    package private(set) var content: [UInt8] = []

    /// Starts reading `ids` in order.
    package init(_ repository: GitRepository, ids: [String], maxSize: Int) throws(GitError) {
        var input: [UInt8] = []
        input.reserveCapacity(ids.count * 41)
        for id in ids {
            input += id.utf8
            input.append(0x0A)
        }
        git = try repository.start(["cat-file", "--batch"], input: input)
        self.repository = repository.path
        self.maxSize = maxSize
    }

    /// The next blob of the list; its text is in `content` when the answer is `.text`.
    package func next() throws(GitError) -> Blob {
        // Header: "<id> <type> <size>\n", or "<id> missing\n"; the content follows with a newline.
        guard let header = git.output.token(until: 0x0A) else {
            throw .unexpectedOutput(repository: repository, command: "cat-file", detail: "stream ended early")
        }
        let fields = header.split(separator: 0x20)
        if fields.count == 2, fields[1].elementsEqual("missing".utf8) { return .missing }
        guard fields.count == 3, let size = Int(String(decoding: fields[2], as: UTF8.self)) else {
            throw .unexpectedOutput(repository: repository, command: "cat-file", detail: String(decoding: header, as: UTF8.self))
        }
        if size > FileContent.limit(maxSize) {
            guard git.output.skip(size + 1) else { throw .unexpectedOutput(repository: repository, command: "cat-file", detail: "truncated object") }
            return .tooLarge(size: size)
        }
        guard git.output.read(exactly: size, into: &content), git.output.skip(1) else {
            throw .unexpectedOutput(repository: repository, command: "cat-file", detail: "truncated object")
        }
        // The rules FileContent applies to files: wide text is decoded, then a NUL byte in the
        // first 8 KiB means binary.
        guard content.prefix(FileContent.binaryProbeLength).contains(0) else { return .text }
        switch FileContent.classify(content) {
        case let .text(decoded):
            content = decoded
            return .text
        case .skipped(.tooLarge):
            return .tooLarge(size: size)
        case .skipped:
            return .binary(size: size)
        }
    }

    package func finish() throws(GitError) { try git.finish() }
}
