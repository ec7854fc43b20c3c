import Foundation

/// A directory of its own under the system's temporary directory, removed (with whatever a test
/// made unreadable in it) when the value is released.
public final class TemporaryDirectory {
    public let path: String

    public init() throws {
        var template = Array((NSTemporaryDirectory() + "keywarden-test-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        path = String(cString: made)
    }

    deinit {
        Self.makeRemovable(path)
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `data` at `relative`, creating the directories on the way; returns the full path.
    @discardableResult
    public func write(_ relative: String, _ data: Data) throws -> String {
        let full = (path as NSString).appendingPathComponent(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: full))
        return full
    }

    @discardableResult
    public func write(_ relative: String, _ text: String) throws -> String { try write(relative, Data(text.utf8)) }

    /// The text at `relative`, or nil when there is no such file.
    public func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: (path as NSString).appendingPathComponent(relative)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Tests of unreadable inputs take permissions away; give them back so removal succeeds.
    private static func makeRemovable(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return }
        chmod(path, 0o700)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
            makeRemovable((path as NSString).appendingPathComponent(name))
        }
    }
}
