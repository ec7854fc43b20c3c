import Foundation

/// For every blob in the selected history, the paths it was written at and the commit that
/// first wrote it there: `git log --raw` lists, per commit, the blob ids it introduces, so the
/// blobs are enumerated and attributed in one pass without reading any diff content.
public struct BlobAttribution: Sendable {
    /// A blob written at a path by a commit.
    public struct Introduction: Sendable, Hashable {
        public let path: String
        public let commit: Int

        public init(path: String, commit: Int) {
            self.path = path
            self.commit = commit
        }
    }

    /// Commits in the order git listed them (parents before children).
    public private(set) var commits: [GitCommit] = []
    /// Blob ids in the order history first introduced them.
    public private(set) var blobs: [String] = []
    /// For each blob id, one introduction per path: the earliest commit that wrote it there.
    public private(set) var introductions: [String: [Introduction]] = [:]

    public init() {}

    /// Reads the attribution of `selection` in `repository`.
    public static func read(_ repository: GitRepository, selection: GitRevisionSelection = GitRevisionSelection()) throws(GitError) -> BlobAttribution {
        var attribution = BlobAttribution()
        try stream(repository, selection: selection) { event in
            switch event {
            case let .commit(commit): attribution.commits.append(commit)
            case let .introduction(blob, path, commit):
                if attribution.introductions[blob] == nil { attribution.blobs.append(blob) }
                attribution.introductions[blob, default: []].append(Introduction(path: path, commit: commit))
            }
            return true
        }
        return attribution
    }

    /// What `stream` reports as `git log` lists it.
    public enum Event {
        /// The next commit; introductions that follow refer to it by its index among the commits.
        case commit(GitCommit)
        /// `commit` (an index) is the first to write `blob` at `path`; each pair comes once.
        case introduction(blob: String, path: String, commit: Int)
    }

    /// Reads the attribution of `selection` in `repository` and reports it as it is read, so a
    /// history scan can start on the first blobs while git is still walking the rest. `report`
    /// returns false to stop reading (the scan failed); git's remaining output is then discarded.
    public static func stream(_ repository: GitRepository, selection: GitRevisionSelection = GitRevisionSelection(),
                              _ report: (Event) -> Bool) throws(GitError) {
        // `git log --all` fails in a repository without commits; there is nothing to read there.
        if selection.branch == nil, try repository.head() == nil, try !hasRefs(repository) { return }
        // --reverse --date-order: parents come before children, so the first commit to write a
        // blob at a path is the one it is attributed to. --no-renames: a renamed file is a new path
        // whose blob the renaming commit introduces there. --diff-merges=combined: a merge lists
        // only paths that differ from every parent, i.e. content the merge itself created
        // (a conflict resolution); content taken from one side was introduced on that side.
        // A shallow clone's boundary commit has no parents, so it introduces its whole tree.
        // The -c settings and --no-color override user configuration that would change the output.
        let arguments = ["-c", "log.showRoot=true", "-c", "log.showSignature=false", "log", "--no-color", "--raw", "--no-abbrev", "--no-renames", "--diff-merges=combined", "--no-ext-diff",
                         "--date-order", "--reverse", "-z", "--format=%x01%H%x00%an%x00%ae%x00%at"]
            + (try selection.logArguments(in: repository)) + ["--"]
        let git = try repository.start(arguments)
        var commits = 0
        var seen = Set<PathBlob>()
        var stopped = false
        do throws(GitError) {
            reading: while var token = git.output.token(until: 0) {
                if token.first == 0x0A { token.removeFirst() }
                guard let first = token.first else { continue }
                if first == 0x01 {
                    let id = String(decoding: token.dropFirst(), as: UTF8.self)
                    let author = String(decoding: git.output.token(until: 0) ?? [], as: UTF8.self)
                    let email = String(decoding: git.output.token(until: 0) ?? [], as: UTF8.self)
                    let seconds = Double(String(decoding: git.output.token(until: 0) ?? [], as: UTF8.self)) ?? 0
                    guard report(.commit(GitCommit(id: id, author: author, email: email, date: Date(timeIntervalSince1970: seconds)))) else {
                        stopped = true
                        break reading
                    }
                    commits += 1
                } else if first == UInt8(ascii: ":") {
                    guard let pathBytes = git.output.token(until: 0), commits > 0 else {
                        throw GitError.unexpectedOutput(repository: repository.path, command: "log", detail: "a file entry outside a commit")
                    }
                    guard let blob = Self.introducedBlob(rawEntry: token) else { continue }
                    let path = PathText.display(pathBytes)
                    guard seen.insert(PathBlob(blob: blob, path: path)).inserted else { continue }
                    guard report(.introduction(blob: blob, path: path, commit: commits - 1)) else {
                        stopped = true
                        break reading
                    }
                }
            }
        } catch {
            // git's status is left aside: the first error stands.
            _ = try? git.finish(allowing: nil, draining: false)
            throw error
        }
        // Stopped early, git is still writing: it ends at its next write, which is no news.
        try git.finish(allowing: stopped ? nil : [0], draining: !stopped)
    }

    private struct PathBlob: Hashable {
        let blob: String
        let path: String
    }

    /// The blob a raw entry writes, if it writes a regular file's content.
    /// Entry: ":" (one colon per parent) modes... ids... status; the last mode and id are the result.
    package static func introducedBlob(rawEntry: [UInt8]) -> String? {
        let fields = rawEntry.drop { $0 == UInt8(ascii: ":") }.split(separator: 0x20)
        let parents = rawEntry.prefix { $0 == UInt8(ascii: ":") }.count
        // parents + 1 modes, parents + 1 ids, then the status letters.
        guard fields.count == 2 * (parents + 1) + 1 else { return nil }
        let mode = fields[parents]
        let id = fields[2 * parents + 1]
        guard GitFileMode.isScannable(mode), !id.allSatisfy({ $0 == UInt8(ascii: "0") }) else { return nil }
        return String(decoding: id, as: UTF8.self)
    }

    /// Whether any ref exists (a repository with commits but a detached, unborn or missing HEAD).
    private static func hasRefs(_ repository: GitRepository) throws(GitError) -> Bool {
        let answer = try repository.run(["for-each-ref", "--count=1", "--format=%(refname)"])
        return !answer.output.isEmpty
    }
}
