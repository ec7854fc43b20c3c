/// One file inside an archive: its path there (nested archives joined with `!/`, as in
/// `inner.jar!/config/app.properties`) and its content, or why it was not read.
public struct ArchiveMember: Sendable {
    public enum Content: Sendable {
        case text([UInt8])
        case skipped(SkippedInput.Reason)
    }

    public let path: String
    public let content: Content

    public init(path: String, content: Content) {
        self.path = path
        self.content = content
    }
}
