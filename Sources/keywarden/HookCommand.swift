import ArgumentParser
import Foundation
import KeyWardenHooks
import KeyWardenInputs
import KeyWardenInventory
import KeyWardenMatching
import KeyWardenPolicy
import KeyWardenRules
import KeyWardenScan
import KeyWardenSupport

/// `keywarden hook`: git hook management.
struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Install keywarden as a git hook.",
        subcommands: [HookInstallCommand.self]
    )
}

/// `keywarden hook install`: the pre-commit hook running `keywarden scan --staged`.
struct HookInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Write the git pre-commit hook that runs `keywarden scan --staged`.",
        discussion: """
        The hook blocks a commit that adds a secret, reading only what is staged. An existing \
        pre-commit hook is never overwritten or moved: unless it is exactly keywarden's hook, the \
        install stops (exit 2). To keep that hook, move it to pre-commit.keywarden-chained: \
        keywarden's hook runs it first and its failure still blocks the commit. Running this again \
        changes nothing. \
        The hook uses `keywarden` from PATH, else the binary that installed it. \
        With the pre-commit framework, use the hooks in .pre-commit-hooks.yaml instead.
        """
    )

    @Option(help: ArgumentHelp("The repository to install into.", valueName: "repo"))
    var path = "."

    func run() throws {
        let repository = try GitRepository(at: path)
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        let outcome = try PreCommitHookInstaller(repository: repository, executable: executable).install()
        switch outcome {
        case let .installed(hook):
            print("installed \(hook)")
        case let .alreadyInstalled(hook):
            print("already installed: \(hook)")
        }
    }
}
