#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KeyWardenSupport
import Synchronization

/// Lists the files under the given roots that a scan should read, with the reason for every
/// file it leaves out. Skips `.git/` directories and the configured skip globs; follows
/// symbolic links only when asked, and then never twice into the same directory.
public struct DirectorySource: Sendable {
    /// A file to scan: the path shown in reports, the path relative to its root (for globs) and
    /// the bytes that name it. A name that is not valid UTF-8 is still a file to scan: it is
    /// opened by its bytes and shown with the invalid bytes written `\xNN`.
    public struct Entry: Sendable, Hashable {
        public let path: String
        public let relativePath: String
        public let fileSystemPath: [UInt8]
        /// The directory holding the file, still open, when the walk could keep it: the file is
        /// then opened by its name there instead of by its path (see `OpenDirectory`).
        public let directory: OpenDirectory?

        public init(path: String, relativePath: String, fileSystemPath: [UInt8]? = nil, directory: OpenDirectory? = nil) {
            self.path = path
            self.relativePath = relativePath
            self.fileSystemPath = fileSystemPath ?? Array(path.utf8)
            self.directory = directory
        }

        /// The same file, however it is opened.
        public static func == (left: Entry, right: Entry) -> Bool {
            left.path == right.path && left.relativePath == right.relativePath && left.fileSystemPath == right.fileSystemPath
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(path)
            hasher.combine(relativePath)
            hasher.combine(fileSystemPath)
        }

        /// The file's own name: the bytes after the path's last `/`.
        var name: ArraySlice<UInt8> { fileSystemPath[((fileSystemPath.lastIndex(of: 0x2F)).map { $0 + 1 } ?? 0)...] }

        /// The path as shown and the path below the scan root, for rules scoped to file names: a
        /// glob such as `**/.vscode/sftp.json` may need the first, and the directories above the
        /// root (`~/examples/project`) must not make every file an example.
        public var names: [String] { relativePath == path ? [path] : [path, relativePath] }
    }

    public let roots: [String]
    public let followSymlinks: Bool
    public let skip: @Sendable (String) -> Bool
    /// Directories never entered (the rule packs a scan loads hold examples that match by
    /// design), by device and inode: the walk has those at hand for each directory it enters,
    /// and `stat` follows links as a real path would (`realpath` per directory read every
    /// component's link: 7% of a scan).
    private let excludedIdentities: Set<DirectoryIdentity>

    public init(roots: [String], followSymlinks: Bool = false, excluding excludedDirectories: [String] = [],
                skip: @escaping @Sendable (String) -> Bool = { _ in false }) {
        self.roots = roots.isEmpty ? ["."] : roots
        self.followSymlinks = followSymlinks
        self.skip = skip
        self.excludedIdentities = Set(excludedDirectories.compactMap { path in
            var info = stat()
            return stat(path, &info) == 0 ? DirectoryIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)) : nil
        })
    }

    /// A root that does not exist.
    public struct MissingRoot: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "no such file or directory: \(path)" }
    }

    /// A root that exists but cannot be read: the scan the user asked for cannot be done.
    public struct UnreadableRoot: Error, CustomStringConvertible {
        public let path: String
        public let detail: String
        public var description: String { "cannot read \(path): \(detail)" }
    }

    public func entries() throws -> (files: [Entry], skipped: [SkippedInput]) {
        var files: [Entry] = []
        let skipped = try walk(from: checkedRoots()) { files.append($0) }
        return (files.sorted {
            $0.path != $1.path ? $0.path < $1.path : $0.fileSystemPath.lexicographicallyPrecedes($1.fileSystemPath)
        }, skipped)
    }

    /// A root, checked: it exists and can be read.
    public struct Root: Sendable {
        let display: String
        let isDirectory: Bool
    }

    /// The roots, each checked before anything is walked: a root that does not exist or cannot
    /// be read is the caller's error, not a skipped input.
    public func checkedRoots() throws -> [Root] {
        try roots.map { root in
            var info = stat()
            guard lstat(root, &info) == 0 else { throw MissingRoot(path: root) }
            let display = Self.trimmed(root)
            if let problem = Self.readProblem(root) { throw UnreadableRoot(path: display, detail: problem) }
            return Root(display: display, isDirectory: info.st_mode & S_IFMT == S_IFDIR || (info.st_mode & S_IFMT == S_IFLNK && Self.isDirectory(root)))
        }
    }

    /// Walks `roots` and hands each regular file to `found` as it is reached (each file once, in
    /// walk order), so a scan can read the first files while the walk goes on; returns what was
    /// skipped, sorted.
    public func walk(from roots: [Root], _ found: @escaping (Entry) -> Void) -> [SkippedInput] {
        var reported = Set<[UInt8]>()
        // Overlapping roots (`scan . src`) reach a file twice; it is scanned once. One root
        // reaches each path once, and hashing every path costs the walk more than it reads.
        let overlapPossible = roots.count > 1
        var walk = Walk(followSymlinks: followSymlinks, excluded: excludedIdentities, skip: skip) { entry in
            if !overlapPossible || reported.insert(entry.fileSystemPath).inserted { found(entry) }
        }
        for root in roots {
            if root.isDirectory {
                walk.directory(Array(root.display.utf8), relative: "", root: root.display)
            } else {
                // A file named explicitly is scanned even when it is a symlink: the user asked for it.
                walk.found(Entry(path: root.display, relativePath: (root.display as String).split(separator: "/").last.map(String.init) ?? root.display))
            }
        }
        return walk.skipped.sorted()
    }

    /// Why a root cannot be read (a directory not listable, a file not openable), nil when it can.
    /// Opened non-blocking: a root that is a FIFO must not hang the scan here either.
    static func readProblem(_ root: String) -> String? {
        if isDirectory(root) {
            guard let handle = opendir(root) else { return String(cString: strerror(errno)) }
            closedir(handle)
            return nil
        }
        // A socket cannot be opened at all (ENXIO): like a FIFO or a device, it is skipped by the
        // read as "not a regular file", not a root the user cannot read.
        var info = stat()
        if stat(root, &info) == 0, info.st_mode & S_IFMT == S_IFSOCK { return nil }
        let descriptor = open(root, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        close(descriptor)
        return nil
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
        let excluded: Set<DirectoryIdentity>
        let skip: (String) -> Bool
        /// Called for each regular file reached.
        let found: (Entry) -> Void
        var skipped: [SkippedInput] = []
        var visited = Set<DirectoryIdentity>()
        /// Directories open on the way down from the root being walked.
        private var depth = 0

        /// Directories nested deeper than this are skipped, and said so: each level is a few
        /// frames of this recursive walk, and a tree nested 30,000 deep (made with a loop of
        /// mkdir and cd) overflowed the walk thread's stack. Real trees stay far below; a path
        /// this deep is longer than the kernel opens by path anyway.
        static let maximumDepth = 1_000

        init(followSymlinks: Bool, excluded: Set<DirectoryIdentity>, skip: @escaping (String) -> Bool,
             found: @escaping (Entry) -> Void) {
            self.followSymlinks = followSymlinks
            self.excluded = excluded
            self.skip = skip
            self.found = found
        }

        /// Lists the directory at `rawPath`, opened by `name` in `parent` when the walk came
        /// from there (one path component for the kernel to look up instead of all of them).
        mutating func directory(_ rawPath: [UInt8], relative: String, root: String, in parent: Int32? = nil, name: [UInt8]? = nil) {
            let path = PathText.display(rawPath)
            guard depth < Self.maximumDepth else {
                skipped.append(SkippedInput(path: path, reason: .unreadable("nested more than \(Self.maximumDepth) directories deep")))
                return
            }
            depth += 1
            defer { depth -= 1 }
            let flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NONBLOCK
            let descriptor = if let parent, let name { openat(parent, cString(name), flags) } else { open(cString(rawPath), flags) }
            guard descriptor >= 0 else {
                skipped.append(SkippedInput(path: path, reason: .unreadable(String(cString: strerror(errno)))))
                return
            }
            // The files found here are opened by name in the directory while it is open; it
            // closes when the last of them is gone (`handle`). Without a handle (the budget is
            // spent, or the listing failed), it closes when this call returns.
            var handle: OpenDirectory?
            defer { if handle == nil { close(descriptor) } }
            var info = stat()
            guard fstat(descriptor, &info) == 0 else {
                skipped.append(SkippedInput(path: path, reason: .unreadable(String(cString: strerror(errno)))))
                return
            }
            let identity = DirectoryIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            if excluded.contains(identity) { return }
            guard visited.insert(identity).inserted else {
                skipped.append(SkippedInput(path: path, reason: .symlinkLoop))
                return
            }
            // readdir gets a descriptor of its own (closedir closes it); `descriptor` stays open
            // for the children.
            guard let listing = fdopendir(dup(descriptor)) else {
                skipped.append(SkippedInput(path: path, reason: .unreadable(String(cString: strerror(errno)))))
                return
            }
            // Names as bytes: a name that is not UTF-8 must reach open() unchanged.
            var children: [(name: [UInt8], type: UInt8)] = []
            while let entry = readdir(listing) {
                let name = DirectoryRecord.name(of: entry)
                if name != [0x2E] && name != [0x2E, 0x2E] { children.append((name, DirectoryRecord.type(of: entry))) }
            }
            closedir(listing)
            handle = OpenDirectory.keep(descriptor)
            // Each name made displayable once, not once per comparison of the sort.
            let named = children.map { (display: PathText.display($0.name), child: $0) }
            for (name, child) in named.sorted(by: { $0.display < $1.display }) {
                let childPath = rawPath == [0x2E] ? child.name : (rawPath == [0x2F] ? [0x2F] + child.name : rawPath + [0x2F] + child.name)
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                visit(childPath, relative: childRelative, root: root, type: child.type, name: child.name, in: descriptor, handle: handle)
            }
        }

        /// `type` is readdir's d_type: it saves an lstat per entry, except where the file
        /// system does not report types (DT_UNKNOWN). `name` is the entry's name in `parent`,
        /// the open directory holding it, which has `handle` when files found there keep it.
        mutating func visit(_ rawPath: [UInt8], relative: String, root: String, type: UInt8,
                            name: [UInt8], in parent: Int32, handle: OpenDirectory?) {
            let path = PathText.display(rawPath)
            let kind: mode_t
            switch Int32(type) {
            case Int32(DT_REG): kind = S_IFREG
            case Int32(DT_DIR): kind = S_IFDIR
            case Int32(DT_LNK): kind = S_IFLNK
            default:
                var info = stat()
                guard lstat(cString(rawPath), &info) == 0 else {
                    skipped.append(SkippedInput(path: path, reason: .unreadable(String(cString: strerror(errno)))))
                    return
                }
                kind = info.st_mode & S_IFMT
            }
            switch kind {
            case S_IFDIR:
                if (relative as String).split(separator: "/").last == ".git" || skip(relative) { return }
                directory(rawPath, relative: relative, root: root, in: parent, name: name)
            case S_IFREG:
                if !skip(relative) { found(Entry(path: path, relativePath: relative, fileSystemPath: rawPath, directory: handle)) }
            case S_IFLNK:
                if skip(relative) { return }
                guard followSymlinks else {
                    skipped.append(SkippedInput(path: path, reason: .symlinkNotFollowed))
                    return
                }
                var target = stat()
                guard stat(cString(rawPath), &target) == 0 else {
                    skipped.append(SkippedInput(path: path, reason: errno == ELOOP ? .symlinkLoop : .brokenSymlink))
                    return
                }
                if target.st_mode & S_IFMT == S_IFDIR {
                    directory(rawPath, relative: relative, root: root)
                } else if target.st_mode & S_IFMT == S_IFREG {
                    found(Entry(path: path, relativePath: relative, fileSystemPath: rawPath))
                } else {
                    skipped.append(SkippedInput(path: path, reason: .notRegularFile))
                }
            default:
                if !skip(relative) { skipped.append(SkippedInput(path: path, reason: .notRegularFile)) }
            }
        }
    }
}

/// A directory of the walk kept open, so that its files are opened by name in it (`openat`)
/// rather than by a path the kernel resolves component by component: on moby/moby's checkout a
/// path is eleven components, and looking them up was a tenth of the scan's CPU time.
///
/// Closed when the last entry holding it is gone (with the list of files, at the end of the
/// scan), so a name is never opened in a descriptor that was closed and reused. At most
/// `budget` are open at once, a quarter of the process's descriptor limit: past that, files are
/// opened by path as before.
public final class OpenDirectory: Sendable {
    let descriptor: Int32

    private init(_ descriptor: Int32) { self.descriptor = descriptor }

    deinit {
        close(descriptor)
        Self.open.subtract(1, ordering: .relaxed)
    }

    private static let open = Atomic<Int>(0)

    static let budget: Int = {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
        return Int(min(limit.rlim_cur / 4, 4096))
    }()

    /// A handle owning `descriptor`, or nil (and the descriptor still the caller's) when the
    /// budget is spent.
    static func keep(_ descriptor: Int32) -> OpenDirectory? {
        guard open.add(1, ordering: .relaxed).newValue <= budget else {
            open.subtract(1, ordering: .relaxed)
            return nil
        }
        return OpenDirectory(descriptor)
    }
}

extension DirectorySource.UnreadableRoot: ClassifiedError {
    /// The user asked for this path and it could not be read: the scan is incomplete (exit 3).
    public var failureClass: FailureClass { .incomplete }
}

extension DirectorySource.MissingRoot: ClassifiedError {
    /// A path the user named that does not exist is a usage error.
    public var failureClass: FailureClass { .usage }
}
