/// The repository and revision a scan read, for SARIF's `versionControlProvenance`.
public struct VersionControlDetails: Sendable, Equatable {
    /// The origin URL (credentials removed), or a file URI of the repository.
    public var repositoryURI: String
    /// The commit HEAD pointed at; nil in a repository without commits.
    public var revisionID: String?
    /// The branch HEAD is on, e.g. "refs/heads/main"; nil when detached.
    public var branch: String?

    public init(repositoryURI: String, revisionID: String?, branch: String? = nil) {
        self.repositoryURI = repositoryURI
        self.revisionID = revisionID
        self.branch = branch
    }
}
