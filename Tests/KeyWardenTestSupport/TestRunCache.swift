import Foundation

/// One compiled-rule cache home for the whole test run, shared by the scans tests run in-process
/// and the binary they start: the catalogue is compiled once per run (the cache's lock makes a
/// second compile wait for the first), never in the user's own cache.
public enum TestRunCache {
    /// An `XDG_CACHE_HOME`: the cache itself is its `keywarden` directory.
    public static let home: String = {
        let path = TestRunDirectories.path("keywarden-tests-cache-")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    public static var directory: String { home + "/keywarden" }
}
