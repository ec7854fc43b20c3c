import ArgumentParser
import Foundation
import KeyWardenHooks
import KeyWardenInputs
import KeyWardenInventory
import KeyWardenMatching
import KeyWardenPolicy
import KeyWardenReportModel
import KeyWardenRules
import KeyWardenScan
import KeyWardenSupport

/// The root command. Exit codes are a contract (README): 0 clean, 1 findings at or above the
/// threshold, 2 usage or configuration error, 3 the job could not be completed.
@main
struct KeyWardenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keywarden",
        abstract: "Keeps API keys out of code and keeps the keys that exist in line with policy.",
        discussion: """
        Exit codes: 0 nothing at or above the failure threshold; 1 findings at or above it; \
        2 usage or configuration error (bad flag, malformed YAML, invalid regex); 3 the job could \
        not be completed.
        """,
        version: KeyWarden.version,
        subcommands: [ScanCommand.self, VerifyCommand.self, RulesCommand.self, LintCommand.self, SchemaCommand.self, AuditCommand.self,
                      InventoryCommand.self, HookCommand.self, ReportCommand.self, SuppressionsCommand.self]
    )

    static func main() {
        // Fingerprints in reports and baselines are keyed per installation (Docs/reports.md).
        Fingerprint.useKey { FingerprintKeyFile().key() }
        ScanHeadStart.begin(arguments: CommandLine.arguments)
        do {
            var command: any ParsableCommand = try plainStagedScan() ?? parseAsRoot()
            try command.run()
        } catch {
            exit(with: error)
        }
    }

    /// The pre-commit hook's `scan --staged`, made without the argument parser (PlainStagedScan),
    /// and validated as the parser would; nil for any other command line.
    private static func plainStagedScan() throws -> ScanCommand? {
        let arguments = CommandLine.arguments.dropFirst()
        guard arguments.first == "scan", let command = PlainStagedScan.command(Array(arguments.dropFirst())) else { return nil }
        try command.git.validate()
        try command.verification.validate()
        try command.validate()
        return command
    }

    /// Prints what went wrong and exits with the contract's code for it.
    static func exit(with error: Error) -> Never {
        switch error {
        case let failure as CommandFailure:
            Terminal.error(failure.message)
            Foundation.exit(failure.exitCode)
        case let diagnostics as DiagnosticError:
            diagnostics.diagnostics.forEach { Terminal.standardError($0.description) }
            Foundation.exit(CommandFailure.usageExitCode)
        case let failure as any ClassifiedError:
            // Every library error says what kind of failure it is; this is the one place that
            // turns the kind into the contract's exit code.
            Terminal.error(failure.description)
            Foundation.exit(failure.failureClass == .usage ? CommandFailure.usageExitCode : CommandFailure.incompleteExitCode)
        case let exitCode as ExitCode:
            Foundation.exit(exitCode.rawValue)
        default:
            let code = exitCode(for: error)
            if code == .validationFailure {
                // ArgumentParser uses EX_USAGE (64); keywarden's contract says 2.
                Terminal.standardError(fullMessage(for: error))
                Foundation.exit(CommandFailure.usageExitCode)
            }
            exit(withError: error)
        }
    }
}
