import Foundation
import KeyWardenInputs
import KeyWardenSupport

/// Writes the git pre-commit hook that runs `keywarden scan --staged`. A hook that is already
/// there is never overwritten: it is kept next to ours and runs first, and its failure still
/// blocks the commit. Installing twice changes nothing.
public struct PreCommitHookInstaller: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// No hook was there; ours is.
        case installed(hook: String)
        /// A hook was there; it was moved to `previous` and ours calls it.
        case chained(hook: String, previous: String)
        /// Ours was already installed (it is rewritten, so the fallback path is current).
        case alreadyInstalled(hook: String)
    }

    /// Why a hook could not be installed.
    public enum InstallError: Error, Sendable, Equatable, CustomStringConvertible {
        case cannotChain(hook: String, previous: String)
        case cannotWrite(path: String, detail: String)

        public var description: String {
            switch self {
            case let .cannotChain(hook, previous):
                "\(hook) is not keywarden's and \(previous) already exists; merge them by hand, then run this again"
            case let .cannotWrite(path, detail):
                "cannot write \(path): \(detail)"
            }
        }
    }

    /// The first line after the shebang; how an installed hook is recognised.
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
        if let existing = manager.contents(atPath: hook) ?? (Self.isSymbolicLink(hook) ? Data() : nil) {
            if String(decoding: existing, as: UTF8.self).contains(Self.marker) {
                outcome = .alreadyInstalled(hook: hook)
            } else {
                guard !manager.fileExists(atPath: previous) else { throw InstallError.cannotChain(hook: hook, previous: previous) }
                do {
                    try manager.moveItem(atPath: hook, toPath: previous)
                } catch {
                    throw InstallError.cannotWrite(path: previous, detail: error.localizedDescription)
                }
                outcome = .chained(hook: hook, previous: previous)
            }
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
        let quoted = "'" + executable.replacingOccurrences(of: "'", with: "'\\''") + "'"
        return """
        #!/bin/sh
        \(Self.marker) (written by `keywarden hook install`).
        # Blocks a commit that adds a secret; see `keywarden help scan` for --staged.
        # A hook that was here before is kept as pre-commit\(Self.chainedSuffix) and runs first.
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
    public var failureClass: FailureClass { .incomplete }
}
