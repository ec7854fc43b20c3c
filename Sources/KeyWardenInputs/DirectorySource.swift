#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KeyWardenSupport

/// Lists the files under the given roots that a scan should read, with the reason for every
/// file it leaves out. Skips `.git/` directories and the configured skip globs; follows
/// symbolic links only when asked, and then never twice into the same directory.
public struct DirectorySource: Sendable {
    /// A file to scan: the path shown in reports and the path relative to its root (for globs).
    public struct Entry: Sendable, Hashable {
        public let path: String
        public let relativePath: String
    }

    public let roots: [String]
    public let followSymlinks: Bool
    public let skip: @Sendable (String) -> Bool
    /// Directories never entered, by real path: the rule packs a scan loads hold examples that
    /// match by design.
    public let excludedDirectories: Set<String>

    public init(roots: [String], followSymlinks: Bool = false, excluding excludedDirectories: [String] = [],
                skip: @escaping @Sendable (String) -> Bool = { _ in false }) {
        self.roots = roots.isEmpty ? ["."] : roots
        self.followSymlinks = followSymlinks
        self.skip = skip
        self.excludedDirectories = Set(excludedDirectories.compactMap(Self.realPath))
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// A root that does not exist.
    public struct MissingRoot: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "no such file or directory: \(path)" }
    }

    public func entries() throws -> (files: [Entry], skipped: [SkippedInput]) {
        var walk = Walk(followSymlinks: followSymlinks, excluded: excludedDirectories, skip: skip)
        for root in roots {
            var info = stat()
            guard lstat(root, &info) == 0 else { throw MissingRoot(path: root) }
            let display = Self.trimmed(root)
            if info.st_mode & S_IFMT == S_IFDIR || (info.st_mode & S_IFMT == S_IFLNK && Self.isDirectory(root)) {
                walk.directory(display, relative: "", root: display)
            } else {
                // A file named explicitly is scanned even when it is a symlink: the user asked for it.
                walk.files.append(Entry(path: display, relativePath: (display as String).split(separator: "/").last.map(String.init) ?? display))
            }
        }
        let unique = Dictionary(walk.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return (unique.values.sorted { $0.path < $1.path }, walk.skipped.sorted())
    }

    static func trimmed(_ root: String) -> String {
        var path = root
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    private struct DirectoryIdentity: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    private struct Walk {
        let followSymlinks: Bool
        let excluded: Set<String>
        let skip: (String) -> Bool
        var files: [Entry] = []
        var skipped: [SkippedInput] = []
        var visited = Set<DirectoryIdentity>()

        init(followSymlinks: Bool, excluded: Set<String>, skip: @escaping (String) -> Bool) {
            self.followSymlinks = followSymlinks
            self.excluded = excluded
            self.skip = skip
        }

        mutating func directory(_ path: String, relative: String, root: String) {
            if !excluded.isEmpty, let real = DirectorySource.realPath(path), excluded.contains(real) { return }
            var info = stat()
            guard stat(path, &info) == 0 else {
                skipped.append(SkippedInput(path: path, reason: .unreadable(String(cString: strerror(errno)))))
                return
            }
            guard visited.insert(DirectoryIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else {
                skipped.append(SkippedInput(path: path, reason: .symlinkLoop))
                return
            }
            guard let handle = opendir(path) else {
                skipped.append(SkippedInput(path: path, reason: .unreadable(String(cString: strerror(errno)))))
                return
            }
            var children: [(name: String, type: UInt8)] = []
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                if name != "." && name != ".." { children.append((name, entry.pointee.d_type)) }
            }
            closedir(handle)
            for child in children.sorted(by: { $0.name < $1.name }) {
                let childPath = path == "." ? child.name : (path == "/" ? "/" + child.name : path + "/" + child.name)
                let childRelative = relative.isEmpty ? child.name : relative + "/" + child.name
                visit(childPath, relative: childRelative, root: root, type: child.type)
            }
        }

        /// `type` is readdir's d_type: it saves an lstat per entry, except where the file
        /// system does not report types (DT_UNKNOWN).
        mutating func visit(_ path: String, relative: String, root: String, type: UInt8) {
            let kind: mode_t
            switch Int32(type) {
            case Int32(DT_REG): kind = S_IFREG
            case Int32(DT_DIR): kind = S_IFDIR
            case Int32(DT_LNK): kind = S_IFLNK
            default:
                var info = stat()
                guard lstat(path, &info) == 0 else {
                    skipped.append(SkippedInput(path: path, reason: .unreadable(String(cString: strerror(errno)))))
                    return
                }
                kind = info.st_mode & S_IFMT
            }
            switch kind {
            case S_IFDIR:
                if (relative as String).split(separator: "/").last == ".git" || skip(relative) { return }
                directory(path, relative: relative, root: root)
            case S_IFREG:
                if !skip(relative) { files.append(Entry(path: path, relativePath: relative)) }
            case S_IFLNK:
                if skip(relative) { return }
                guard followSymlinks else {
                    skipped.append(SkippedInput(path: path, reason: .symlinkNotFollowed))
                    return
                }
                var target = stat()
                guard stat(path, &target) == 0 else {
                    skipped.append(SkippedInput(path: path, reason: errno == ELOOP ? .symlinkLoop : .brokenSymlink))
                    return
                }
                if target.st_mode & S_IFMT == S_IFDIR {
                    directory(path, relative: relative, root: root)
                } else if target.st_mode & S_IFMT == S_IFREG {
                    files.append(Entry(path: path, relativePath: relative))
                } else {
                    skipped.append(SkippedInput(path: path, reason: .notRegularFile))
                }
            default:
                if !skip(relative) { skipped.append(SkippedInput(path: path, reason: .notRegularFile)) }
            }
        }
    }
}

extension DirectorySource.MissingRoot: ClassifiedError {
    /// A path the user named that does not exist is a usage error.
    public var failureClass: FailureClass { .usage }
}
