import KeyWardenSupport
/// Streams blob contents out of one long-lived `git cat-file --batch`: the caller requests ids
/// a batch at a time and reads their answers in order. Each scan worker has its own, so several
/// readers inflate objects in parallel (zlib and delta resolution are git's single-threaded cost),
/// and a worker that takes its next batch late costs no new process.
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
    /// Ids requested and not yet answered.
    private var pending = 0
    /// Reused for every blob: one allocation per reader, not per object.
    package private(set) var content: [UInt8] = []

    /// At most this many ids are requested before their answers are read: their lines (41 bytes
    /// each) must fit in the pipe to git, which stops reading while its answers wait for us.
    package static let maximumRequest = 1024

    package init(_ repository: GitRepository, maxSize: Int) throws(GitError) {
        git = try repository.start(["cat-file", "--batch"], input: .stream)
        self.repository = repository.path
        self.maxSize = maxSize
    }

    /// Asks for `ids`, answered in order by the next calls to `next()`.
    package func request(_ ids: [String]) {
        precondition(pending + ids.count <= Self.maximumRequest, "more blob ids requested than the pipe to git holds")
        var input: [UInt8] = []
        input.reserveCapacity(ids.count * 41)
        for id in ids {
            input += id.utf8
            input.append(0x0A)
        }
        git.send(input)
        pending += ids.count
    }

    /// Asks for the index's copy of each of `paths` (relative to the repository root; no line
    /// breaks, which cat-file's line-based input cannot carry), answered in order by the next
    /// calls to `nextIndexFile()`. Honours GIT_INDEX_FILE, as a hook run by `commit -a` needs.
    package func requestIndexFiles(_ paths: [String]) {
        precondition(!paths.contains { $0.contains("\n") || $0.contains("\r") }, "a path with a line break asked of cat-file")
        // ":<path>" is the stage-0 entry; a path without "./" is taken from the root.
        request(paths.map { ":" + $0 })
    }

    /// The next requested index file's bytes as they are (no text decoding, no size limit); nil
    /// when the index has no blob at that path.
    package func nextIndexFile() throws(GitError) -> [UInt8]? {
        // "<name> missing" (also "ambiguous" and the like) has two fields.
        guard let (type, size) = try nextHeader() else { return nil }
        var file: [UInt8] = []
        guard git.output.read(exactly: size, into: &file), git.output.skip(1) else {
            throw .unexpectedOutput(repository: repository, command: "cat-file", detail: "truncated object")
        }
        return type.elementsEqual("blob".utf8) ? file : nil
    }

    /// The next answer's type and size, or nil for a name that resolves to no object.
    private func nextHeader() throws(GitError) -> (type: ArraySlice<UInt8>, size: Int)? {
        precondition(pending > 0, "a blob read that was not requested")
        pending -= 1
        // Header: "<id> <type> <size>\n", or "<id> missing\n"; the content follows with a newline.
        guard let header = git.output.token(until: 0x0A) else {
            throw .unexpectedOutput(repository: repository, command: "cat-file", detail: "stream ended early")
        }
        let fields = header.split(separator: 0x20)
        if fields.count == 2 { return nil }
        guard fields.count == 3, let size = Int(String(decoding: fields[2], as: UTF8.self)) else {
            throw .unexpectedOutput(repository: repository, command: "cat-file", detail: String(decoding: header, as: UTF8.self))
        }
        return (fields[1], size)
    }

    /// The next requested blob; its text is in `content` when the answer is `.text`.
    package func next() throws(GitError) -> Blob {
        guard let (_, size) = try nextHeader() else { return .missing }
        if size > FileContent.limit(maxSize) {
            guard git.output.skip(size + 1) else { throw .unexpectedOutput(repository: repository, command: "cat-file", detail: "truncated object") }
            return .tooLarge(size: size)
        }
        guard git.output.read(exactly: size, into: &content), git.output.skip(1) else {
            throw .unexpectedOutput(repository: repository, command: "cat-file", detail: "truncated object")
        }
        // The rules FileContent applies to files: wide text is decoded, then a NUL byte in the
        // first 8 KiB means binary.
        guard FileContent.isBinary(content) else { return .text }
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
