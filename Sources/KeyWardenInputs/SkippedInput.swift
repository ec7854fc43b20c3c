/// Something a scan did not read, and why. Reported so that a clean result is never a silent gap.
public struct SkippedInput: Sendable, Hashable, Comparable {
    public enum Reason: Sendable, Hashable {
        case binary
        case tooLarge(size: Int, limit: Int)
        case unreadable(String)
        case symlinkNotFollowed
        case symlinkLoop
        case brokenSymlink
        case notRegularFile
        /// An archive (or a member) past a bound of `ArchiveLimits`: depth, size, members, ratio.
        case archiveBounded(String)
        /// An archive inside an archive below `--archive-depth`: left closed, as asked.
        case archiveNestedTooDeep
        /// Read back from a saved report, which keeps only the explanation.
        case recorded(String)
    }

    public let path: String
    public let reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// Warnings mean content that should have been scanned was not; the rest are expected skips.
    public var isWarning: Bool {
        switch reason {
        case .unreadable, .symlinkLoop, .brokenSymlink, .tooLarge, .archiveBounded: true
        case .binary, .symlinkNotFollowed, .notRegularFile, .archiveNestedTooDeep, .recorded: false
        }
    }

    public var explanation: String {
        switch reason {
        case .binary: "binary file (NUL byte in the first 8 KiB)"
        case let .tooLarge(size, limit): "file too large (\(size) bytes, limit \(limit); see --max-file-size)"
        case let .unreadable(why): "unreadable: \(why)"
        case .symlinkNotFollowed: "symbolic link not followed (see --follow-symlinks)"
        case .symlinkLoop: "symbolic link loop"
        case .brokenSymlink: "broken symbolic link"
        case .notRegularFile: "not a regular file"
        case let .archiveBounded(why): "archive not scanned: \(why)"
        case .archiveNestedTooDeep: "archive nested deeper than --archive-depth"
        case let .recorded(explanation): explanation
        }
    }

    public static func < (lhs: SkippedInput, rhs: SkippedInput) -> Bool {
        (lhs.path, lhs.explanation) < (rhs.path, rhs.explanation)
    }
}
