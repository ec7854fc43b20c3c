import KeyWardenSupport
/// Which history a scan covers: everything reachable from all refs (and HEAD), or from one ref,
/// optionally only what is not already reachable from an older commit.
public struct GitRevisionSelection: Sendable, Equatable {
    /// A ref or commit to limit the scan to; nil for all refs.
    public var branch: String?
    /// Commits reachable from this one (itself included) are left out.
    public var sinceCommit: String?

    public init(branch: String? = nil, sinceCommit: String? = nil) {
        self.branch = branch
        self.sinceCommit = sinceCommit
    }

    /// `git log` revision arguments, with user revisions resolved to commit ids first so a
    /// typo is an `unknownRevision` error rather than an empty scan.
    func logArguments(in repository: GitRepository) throws(GitError) -> [String] {
        var arguments = [try branch.map { ref throws(GitError) in try repository.commit(ref) } ?? "--all"]
        if let sinceCommit { arguments.append("^" + (try repository.commit(sinceCommit))) }
        return arguments
    }
}
