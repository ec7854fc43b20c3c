import Foundation

/// Where the package is, from this file's place in it (Tests/KeyWardenTestSupport/).
public enum PackagePaths {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
}
