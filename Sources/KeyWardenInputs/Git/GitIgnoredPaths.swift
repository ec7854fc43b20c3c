/// The files and directories git ignores under a directory (`.gitignore`, `.git/info/exclude`,
/// the global excludes file), as git itself decides: `git ls-files --others --ignored
/// --exclude-standard --directory`. Asking git is the faithful implementation; a second parser
/// of ignore rules would disagree with it at the edges.
public struct GitIgnoredPaths: Sendable {
    /// The directory asked about; paths are relative to it.
    public let root: String
    private let files: Set<String>
    /// Ignored directories, each with a trailing slash: everything under them is ignored.
    private let directories: [String]

    /// Nil when `root` is not inside a git work tree (nothing to respect there).
    public static func load(root: String) -> GitIgnoredPaths? {
        guard let answer = try? GitProcess.run(directory: root, arguments: ["ls-files", "-z", "--others", "--ignored",
                                                                            "--exclude-standard", "--directory"]) else {
            return nil
        }
        let entries = answer.output.split(separator: 0).map { PathText.display($0) }
        return GitIgnoredPaths(root: root, entries: entries)
    }

    init(root: String, entries: [String]) {
        self.root = root
        files = Set(entries.filter { !$0.hasSuffix("/") })
        directories = entries.filter { $0.hasSuffix("/") }
    }

    /// Whether git ignores `relativePath` (relative to `root`, as the directory walk gives it).
    public func ignores(_ relativePath: String) -> Bool {
        files.contains(relativePath) || directories.contains { relativePath.hasPrefix($0) || relativePath + "/" == $0 }
    }
}
