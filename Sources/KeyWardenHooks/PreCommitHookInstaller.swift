import Foundation
import KeyWardenInputs
import KeyWardenSupport

/// Writes the git pre-commit hook that runs `keywarden scan --staged`. A hook that is already
/// there is never overwritten or moved: unless it is exactly a hook this installer writes, the
/// install is refused with instructions. Ours runs `pre-commit.keywarden-chained` first when the
/// user puts their hook there, so chaining stays the user's explicit choice. Installing twice
/// changes nothing.
public struct PreCommitHookInstaller: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// No hook was there; ours is.
        case installed(hook: String)
        /// Ours was already installed (it is rewritten, so the fallback path is current).
        case alreadyInstalled(hook: String)
    }

    /// Why a hook could not be installed.
    public enum InstallError: Error, Sendable, Equatable, CustomStringConvertible {
        /// A hook is there that this installer did not write (or that was edited since).
        case foreignHook(hook: String, previous: String)
        case cannotWrite(path: String, detail: String)

        public var description: String {
            switch self {
            case let .foreignHook(hook, previous):
                "\(hook) exists and is not keywarden's hook; it was left untouched. To keep it and run it before keywarden, move it to \(previous) (keywarden's hook runs that first and stops the commit when it fails); to replace it, delete it. Then run `keywarden hook install` again."
            case let .cannotWrite(path, detail):
                "cannot write \(path): \(detail)"
            }
        }
    }

    /// The first line after the shebang (for people reading the hook; recognition compares the
    /// whole script, so a user's hook that merely mentions this line is never replaced).
    public static let marker = "# keywarden pre-commit hook"
    public static let chainedSuffix = ".keywarden-chained"

    public let repository: GitRepository
    /// The keywarden binary the hook falls back to when none is on PATH at commit time.
    public let executable: String

    public init(repository: GitRepository, executable: String) {
        self.repository = repository
        self.executable = executable
    }

    /// The hooks directory git uses (honours `core.hooksPath`).
    public func hooksDirectory() throws(GitError) -> String {
        let answer = try repository.run(["rev-parse", "--git-path", "hooks"])
        let relative = String(decoding: answer.output, as: UTF8.self).trimmingCharacters(in: .newlines)
        return relative.hasPrefix("/") ? relative : URL(fileURLWithPath: repository.path).appendingPathComponent(relative).standardizedFileURL.path
    }

    public func install() throws -> Outcome {
        let directory = try hooksDirectory()
        let hook = directory + "/pre-commit"
        let previous = hook + Self.chainedSuffix
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw InstallError.cannotWrite(path: directory, detail: error.localizedDescription)
        }
        var outcome = Outcome.installed(hook: hook)
        // lstat, not contents(atPath:): a symbolic link (even a dangling one) is someone's hook.
        if Self.isSymbolicLink(hook) { throw InstallError.foreignHook(hook: hook, previous: previous) }
        if manager.fileExists(atPath: hook) {
            guard let existing = manager.contents(atPath: hook), Self.isInstallerScript(existing) else {
                throw InstallError.foreignHook(hook: hook, previous: previous)
            }
            outcome = .alreadyInstalled(hook: hook)
        }
        do {
            try Data(script().utf8).write(to: URL(fileURLWithPath: hook), options: .atomic)
            try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook)
        } catch {
            throw InstallError.cannotWrite(path: hook, detail: error.localizedDescription)
        }
        return outcome
    }

    /// The hook script. git runs it at the top of the work tree with the index to commit.
    public func script() -> String {
        Self.script(quotedExecutable: Self.shellQuoted(executable), chainComment: Self.chainComments[0])
    }

    /// Whether `contents` is byte for byte a script this installer writes, for any fallback
    /// binary (a reinstall from another build path still recognises its own hook).
    static func isInstallerScript(_ contents: Data) -> Bool {
        guard let text = String(data: contents, encoding: .utf8) else { return false }
        let placeholder = "\u{0}"
        return chainComments.contains { comment in
            let template = script(quotedExecutable: placeholder, chainComment: comment).components(separatedBy: placeholder)
            guard template.count == 2, text.hasPrefix(template[0]), text.hasSuffix(template[1]),
                  text.count >= template[0].count + template[1].count else { return false }
            return isShellQuoted(text.dropFirst(template[0].count).dropLast(template[1].count))
        }
    }

    /// The chaining comment of the current script first, then of earlier releases, so a hook an
    /// older keywarden wrote is still recognised as ours (and rewritten) on upgrade.
    static let chainComments = [
        "# A hook you move to pre-commit\(chainedSuffix) runs first.",
        "# A hook that was here before is kept as pre-commit\(chainedSuffix) and runs first.",
    ]

    /// `'...'` with each `'` inside written as `'\''`, the only form `shellQuoted` produces.
    static func isShellQuoted(_ text: Substring) -> Bool {
        guard text.count >= 2, text.first == "'", text.last == "'", !text.contains("\n") else { return false }
        let inner = text.dropFirst().dropLast().replacingOccurrences(of: "'\\''", with: "")
        return !inner.contains("'")
    }

    static func shellQuoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private static func script(quotedExecutable quoted: String, chainComment: String) -> String {
        """
        #!/bin/sh
        \(Self.marker) (written by `keywarden hook install`).
        # Blocks a commit that adds a secret; see `keywarden help scan` for --staged.
        \(chainComment)
        previous="$(dirname "$0")/pre-commit\(Self.chainedSuffix)"
        if [ -x "$previous" ]; then
            "$previous" "$@" || exit $?
        fi
        if command -v keywarden >/dev/null 2>&1; then
            exec keywarden scan --staged
        fi
        exec \(quoted) scan --staged

        """
    }

    private static func isSymbolicLink(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeSymbolicLink
    }
}

extension PreCommitHookInstaller.InstallError: ClassifiedError {
    /// A foreign hook is the user's to resolve (exit 2); a write that failed is an incomplete job.
    public var failureClass: FailureClass {
        switch self {
        case .foreignHook: .usage
        case .cannotWrite: .incomplete
        }
    }
}
