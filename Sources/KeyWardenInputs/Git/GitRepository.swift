import Foundation
import KeyWardenSupport

/// A git repository (with a work tree or bare) and the plumbing commands keywarden runs in it.
/// Every command is a `git` child process; nothing here parses porcelain output meant for people.
public struct GitRepository: Sendable {
    /// The directory git commands run in, as the user gave it.
    public let path: String
    /// The absolute `.git` directory (the repository itself when bare).
    public let gitDirectory: String
    /// The top of the work tree; nil for a bare repository.
    public let workTree: String?

    /// Opens the repository containing `path`; throws `notARepository` for anything else.
    public init(at path: String) throws(GitError) {
        self.path = path
        // stat(2) rather than FileManager, whose first use costs a start run-time type lookups.
        var info = stat()
        guard stat(path, &info) == 0 else { throw .notARepository(path: path, detail: "no such directory") }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .notARepository(path: path, detail: "not a directory") }
        let answer: (status: Int32, output: [UInt8])
        do {
            answer = try GitProcess.run(directory: path, arguments: ["rev-parse", "--is-inside-work-tree", "--absolute-git-dir", "--show-cdup"])
        } catch let .commandFailed(_, _, _, detail) {
            let reason = detail.replacingOccurrences(of: "fatal: ", with: "")
            throw .notARepository(path: path, detail: reason.hasPrefix("not a git repository") ? "" : reason)
        }
        let lines = String(decoding: answer.output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 2 else {
            throw .unexpectedOutput(repository: path, command: "rev-parse", detail: lines.joined(separator: " "))
        }
        gitDirectory = lines[1]
        if lines[0] == "true" {
            let up = lines.count > 2 ? lines[2] : ""
            workTree = Self.standardized(path, joinedWith: up)
        } else {
            workTree = nil
        }
    }

    /// `path` (from the current directory when relative) joined with `relative`, its `.` and `..`
    /// components resolved by name, symbolic links left as they are: what URL's
    /// `standardizedFileURL.path` gives, without URL, whose first use costs every process half a
    /// millisecond of run-time conformance lookups.
    static func standardized(_ path: String, joinedWith relative: String) -> String {
        var joined = path + "/" + relative
        if !path.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            if getcwd(&buffer, buffer.count) != nil {
                joined = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) + "/" + joined
            }
        }
        var components: [Substring] = []
        for component in joined.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    /// The repository git finds from `path`, before `init(at:)` has asked rev-parse which it is,
    /// for commands that only need to run there: git finds the repository itself and fails where
    /// there is none. A pre-commit scan starts its diff this way, alongside rev-parse instead of
    /// after it. The git directory and the work tree are not known (empty and nil).
    package static func unconfirmed(at path: String) -> GitRepository {
        GitRepository(path: path, gitDirectory: "", workTree: nil)
    }

    private init(path: String, gitDirectory: String, workTree: String?) {
        self.path = path
        self.gitDirectory = gitDirectory
        self.workTree = workTree
    }

    /// Runs a git command here and returns its output.
    package func run(_ arguments: [String], allowing allowed: Set<Int32> = [0]) throws(GitError) -> (status: Int32, output: [UInt8]) {
        try GitProcess.run(directory: path, arguments: arguments, allowing: allowed)
    }

    /// Starts a git command here whose output the caller streams.
    func start(_ arguments: [String], input: GitProcess.Input = .none) throws(GitError) -> GitProcess {
        try GitProcess(directory: path, arguments: arguments, input: input)
    }

    /// The full commit id `revision` names; throws `unknownRevision` when it names none.
    public func commit(_ revision: String) throws(GitError) -> String {
        // "--end-of-options" keeps a revision starting with "-" from being read as an option.
        let answer = try run(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"], allowing: [0, 1, 128])
        let id = String(decoding: answer.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard answer.status == 0, !id.isEmpty else { throw .unknownRevision(repository: path, revision: revision) }
        return id
    }

    /// HEAD's commit id, or nil in a repository without commits.
    public func head() throws(GitError) -> String? {
        let answer = try run(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], allowing: [0, 1, 128])
        let id = String(decoding: answer.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return answer.status == 0 && !id.isEmpty ? id : nil
    }

    /// The branch HEAD is on ("refs/heads/main"), nil when HEAD is detached.
    public func headBranch() throws(GitError) -> String? {
        let answer = try run(["symbolic-ref", "-q", "HEAD"], allowing: [0, 1])
        let name = String(decoding: answer.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return answer.status == 0 && !name.isEmpty ? name : nil
    }

    /// The content of `path` (relative to the repository root) as staged in the index, nil when
    /// the index has no such file. Honours GIT_INDEX_FILE, as a hook run by `commit -a` needs.
    public func indexFile(_ path: String) throws(GitError) -> [UInt8]? {
        // ":<path>" is the stage-0 entry; a path without "./" is taken from the root.
        let answer = try run(["rev-parse", "--verify", "--quiet", "--end-of-options", ":" + path], allowing: [0, 1, 128])
        let id = String(decoding: answer.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard answer.status == 0, !id.isEmpty else { return nil }
        return try run(["cat-file", "blob", id]).output
    }

    /// `indexFile` for several paths with one git process (a pre-commit scan reads its two
    /// configuration files this way): path to content, for the paths the index has as blobs.
    /// Paths with a line break cannot be asked for on cat-file's line-based input; they go
    /// through `indexFile`.
    public func indexFiles(_ paths: [String]) throws(GitError) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let batchable = paths.filter { !$0.contains("\n") && !$0.contains("\r") }
        for path in paths where !batchable.contains(path) { files[path] = try indexFile(path) }
        guard !batchable.isEmpty else { return files }
        let reader = try GitBlobReader(self, maxSize: .max)
        reader.requestIndexFiles(batchable)
        for path in batchable { files[path] = try reader.nextIndexFile() }
        try reader.finish()
        return files
    }

    /// The blobs of HEAD's tree (regular files only) and the paths they are at; empty without commits.
    public func headBlobs() throws(GitError) -> [String: [String]] {
        guard try head() != nil else { return [:] }
        let git = try start(["ls-tree", "-r", "-z", "--full-tree", "HEAD"])
        var blobs: [String: [String]] = [:]
        while let entry = git.output.token(until: 0) {
            // "<mode> SP <type> SP <id> TAB <path>"
            guard let tab = entry.firstIndex(of: 0x09) else { continue }
            let fields = entry[..<tab].split(separator: 0x20)
            guard fields.count == 3, GitFileMode.isScannable(fields[0]) else { continue }
            blobs[String(decoding: fields[2], as: UTF8.self), default: []].append(PathText.display(entry[(tab + 1)...]))
        }
        try git.finish()
        return blobs
    }

    /// `remote.origin.url` without any user name or password in it; nil when there is no origin.
    public func originURL() -> String? {
        guard let answer = try? run(["config", "--get", "remote.origin.url"], allowing: [0, 1]), answer.status == 0 else { return nil }
        let url = String(decoding: answer.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !url.isEmpty else { return nil }
        return Self.withoutCredentials(url)
    }

    /// The remote URL without anything that can carry a credential: no password and no user name
    /// (tokens are often given as the user name), no query or fragment (`?access_token=`). An
    /// scp-like address (`git@host:path`) keeps a plain account name such as `git`; anything that
    /// does not parse loses everything up to its last `@`.
    static func withoutCredentials(_ url: String) -> String {
        if var components = URLComponents(string: url), components.scheme != nil, let host = components.host, !host.isEmpty {
            components.user = nil
            components.password = nil
            components.query = nil
            components.fragment = nil
            if let clean = components.string { return clean }
        }
        var scheme = Substring("")
        var rest = Substring(url)
        if let separator = rest.range(of: "://") {
            scheme = rest[..<separator.upperBound]
            rest = rest[separator.upperBound...]
        }
        if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<cut] }
        if let at = rest.lastIndex(of: "@") {
            let user = rest[..<at]
            let isAccountName = scheme.isEmpty && (1...32).contains(user.count) && user.first != "-"
                && user.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_" || $0 == "-") }
            if !isAccountName { rest = rest[rest.index(after: at)...] }
        }
        return String(scheme + rest)
    }

    /// A URI for the repository for reports: its origin, else a file URI of where it is.
    public func repositoryURI() -> String {
        originURL() ?? URL(fileURLWithPath: workTree ?? gitDirectory).absoluteString
    }
}

/// Tree entry modes: only regular files (plain or executable) hold content worth scanning;
/// symbolic links hold a path and submodules a commit id.
enum GitFileMode {
    static func isScannable(_ mode: some Collection<UInt8>) -> Bool {
        mode.elementsEqual("100644".utf8) || mode.elementsEqual("100755".utf8) || mode.elementsEqual("100664".utf8)
    }
}
