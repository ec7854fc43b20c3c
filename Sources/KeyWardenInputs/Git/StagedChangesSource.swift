import KeyWardenSupport
/// What the next commit records: the index content of every added, copied, modified or renamed
/// regular file, with the lines the commit adds or changes. Reads only the index and HEAD
/// (`git diff --cached`), never the work tree, so unstaged edits are invisible to it.
public struct StagedChangesSource: Sendable {
    /// A staged file: its path, its blob in the index, and the lines the commit adds to it.
    public struct StagedFile: Sendable, Equatable {
        public let path: String
        public let blob: String
        public let addedLines: AddedLines
    }

    public let repository: GitRepository

    public init(_ repository: GitRepository) {
        self.repository = repository
    }

    /// Starts git's diff, to be read with `files()` on the answer: a pre-commit scan starts it
    /// before anything else git does, since the rest waits on it.
    public func started() throws(GitError) -> StartedDiff {
        // --no-relative: paths from the repository root even when diff.relative is configured.
        // -a: hunks for files git would call binary (we apply our own binary rule to the content);
        // typechanges are left out because the patch splits them into two sections.
        StartedDiff(repository: repository,
                    git: try repository.start(["diff", "--cached", "--raw", "-p", "-z", "-U0", "--no-abbrev", "-M", "-C", "-a",
                                               "--diff-filter=ACMR", "--no-ext-diff", "--no-textconv", "--no-color",
                                               "--no-relative", "--ignore-submodules=all"]))
    }

    /// A running `git diff --cached`, read once.
    public struct StartedDiff: ~Copyable {
        let repository: GitRepository
        let git: GitProcess

        /// The staged files, in path order.
        ///
        /// One `git diff --cached` gives both halves: the raw section (-z: exact paths and blob ids)
        /// and a zero-context patch whose hunk headers give the added line numbers. The patch lists
        /// the same files in the same order, one "diff --git" section each.
        public consuming func files() throws(GitError) -> [StagedFile] {
            var entries: [(path: String, blob: String, mode: [UInt8], status: UInt8)] = []
            while let token = git.output.token(until: 0), !token.isEmpty {
                guard token.first == UInt8(ascii: ":") else {
                    throw .unexpectedOutput(repository: repository.path, command: "diff", detail: String(decoding: token, as: UTF8.self))
                }
                // ":oldmode newmode oldid newid status", then the path (two paths for renames and copies).
                let fields = token.dropFirst().split(separator: 0x20)
                guard fields.count == 5, let status = fields[4].first, var path = git.output.token(until: 0) else {
                    throw .unexpectedOutput(repository: repository.path, command: "diff", detail: String(decoding: token, as: UTF8.self))
                }
                if status == UInt8(ascii: "R") || status == UInt8(ascii: "C") { path = git.output.token(until: 0) ?? path }
                entries.append((PathText.display(path), String(decoding: fields[3], as: UTF8.self), Array(fields[1]), status))
            }
            let sections = StagedChangesSource.addedLinesPerSection(git.output.readToEnd())
            try git.finish()
            // Should git ever list the files differently, count every line as added: a finding too many
            // beats a leak let through.
            let aligned = sections.count == entries.count
            return entries.enumerated().compactMap { index, entry in
                guard GitFileMode.isScannable(entry.mode) else { return nil }
                let added: AddedLines = entry.status == UInt8(ascii: "A") || !aligned ? .everything : sections[index]
                return StagedFile(path: entry.path, blob: entry.blob, addedLines: added)
            }.sorted { $0.path < $1.path }
        }
    }

    /// Added lines per "diff --git" section of a zero-context patch. Hunk bodies are skipped by
    /// the counts in their headers, so no content line is ever taken for a header.
    package static func addedLinesPerSection(_ patch: [UInt8]) -> [AddedLines] {
        var sections: [[ClosedRange<Int>]] = []
        var oldLeft = 0
        var newLeft = 0
        for line in patch.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if oldLeft > 0 || newLeft > 0 {
                switch line.first {
                case UInt8(ascii: "-"): oldLeft -= 1
                case UInt8(ascii: "+"): newLeft -= 1
                case UInt8(ascii: " "): oldLeft -= 1; newLeft -= 1
                default: break  // "\ No newline at end of file"
                }
                continue
            }
            if line.starts(with: "diff --git ".utf8) {
                sections.append([])
            } else if line.starts(with: "@@ ".utf8), !sections.isEmpty, let hunk = AddedLines.hunk(header: line) {
                oldLeft = hunk.old
                newLeft = hunk.new
                if let added = hunk.added { sections[sections.count - 1].append(added) }
            }
        }
        return sections.map { AddedLines(ranges: $0) }
    }
}
